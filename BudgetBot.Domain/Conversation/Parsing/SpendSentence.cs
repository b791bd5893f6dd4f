using System.Text.RegularExpressions;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>
/// Reads spending out of a plain sentence such as <c>จ่ายค่าอาหารว่าง 2,400 บาท โครงการ 17</c>: an amount with its unit,
/// and a project named <c>โครงการ 17</c> or <c>#17</c>. What is left is the note.
/// </summary>
public static partial class SpendSentence
{
    /// <summary>A project and an amount with its unit are there; the amount may still be refused (too large, say).</summary>
    public static bool Looks(string text) => Find(ThaiDigits.ToAscii(text)) is not null;

    /// <summary>Why the sentence's amount cannot be recorded: <see cref="AmountError.None"/> when it can, null when the text is no spending sentence.</summary>
    public static AmountError? AmountProblem(string text) =>
        Find(ThaiDigits.ToAscii(text)) is var (_, amount) ? ThaiAmount.Parse(amount.Value).Error : null;

    /// <summary>An amount with its unit (<c>2,400 บาท</c>, <c>1,200.-</c>) is there, whatever else is.</summary>
    public static bool HasAmount(string text) => AmountPattern().IsMatch(ThaiDigits.ToAscii(text));

    /// <summary>True when the sentence has an amount but names no project: what to ask for.</summary>
    public static bool MissingProject(string text) => HasAmount(text) && !ProjectPattern().IsMatch(ThaiDigits.ToAscii(text));

    public static SpendArgs? Read(string text, DateOnly today)
    {
        var t = ThaiDigits.ToAscii(text);
        if (Find(t) is not var (project, amount))
        {
            return null;
        }

        var parsed = ThaiAmount.Parse(amount.Value);
        if (!parsed.IsOk)
        {
            return null;
        }

        var note = t.Remove(Math.Max(amount.Index, project.Index), amount.Index > project.Index ? amount.Length : project.Length);
        note = note.Remove(Math.Min(amount.Index, project.Index), amount.Index > project.Index ? project.Length : amount.Length).Trim();

        // A date is read wherever the sentence puts it: "เมื่อวานจ่าย…", "… เมื่อวันที่ 3 พฤษภาคม 2566", "… 8/5/2566".
        var date = today;
        if (Relative().Match(note) is { Success: true } relative)
        {
            date = relative.Groups["w"].Value.StartsWith("วันนี้", StringComparison.Ordinal) ? today : today.AddDays(-1);
            note = note.Remove(relative.Index, relative.Length);
        }
        else
        {
            foreach (var (written, value) in Reconciliation.TextDates.Find(note).Take(1))
            {
                date = value;
                note = Regex.Replace(note, @"(?:เมื่อ\s*)?(?:วันที่\s*)?" + Regex.Escape(written), " ");
            }

            if (ThaiDateToken().Match(note) is { Success: true } numeric && ThaiDate.Parse(numeric.Groups["d"].Value, today) is { IsOk: true } dated)
            {
                date = dated.Value;
                note = note.Remove(numeric.Index, numeric.Length);
            }
        }

        note = note.Trim();
        foreach (var word in new[] { "จ่าย", "เบิก", "ใช้" })
        {
            if (note.StartsWith(word, StringComparison.Ordinal))
            {
                note = note[word.Length..];
                break;
            }
        }

        return new SpendArgs(project.Groups["n"].Value, parsed.Value, date, Spaces().Replace(note, " ").Trim());
    }

    private static (Match Project, Match Amount)? Find(string t)
    {
        var project = ProjectPattern().Match(t);
        if (!project.Success)
        {
            return null;
        }

        // "โครงการ 17 บาท" must not read the project's number as the amount too.
        var amount = AmountPattern().Matches(t).FirstOrDefault(a => a.Index + a.Length <= project.Index || a.Index >= project.Index + project.Length);
        return amount is null ? null : (project, amount);
    }

    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:ล้านบาท|ล้าน|บาท|บ\.|฿|\.-)")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?:โครงการ(?:ที่)?\s*|#)(?<n>[0-9]{1,4})(?![0-9,.])")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Yesterday or today, as a word anywhere in the sentence.</summary>
    [GeneratedRegex(@"(?<w>เมื่อวานนี้|เมื่อวาน|วานนี้|วันนี้)")]
    private static partial Regex Relative();

    /// <summary>A day/month/year date such as 8/5/2566, which the report's date finder does not read.</summary>
    [GeneratedRegex(@"(?:เมื่อ\s*)?(?:วันที่\s*)?(?<![0-9/])(?<d>[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4})(?![0-9/])")]
    private static partial Regex ThaiDateToken();
}
