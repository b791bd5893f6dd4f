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
        note = note.Remove(Math.Min(amount.Index, project.Index), amount.Index > project.Index ? project.Length : amount.Length);
        foreach (var word in new[] { "จ่าย", "เบิก", "ใช้" })
        {
            if (note.StartsWith(word, StringComparison.Ordinal))
            {
                note = note[word.Length..];
                break;
            }
        }

        var date = today;
        foreach (var (written, value) in Reconciliation.TextDates.Find(note).Take(1))
        {
            date = value;
            note = note.Replace(written, "", StringComparison.Ordinal).Replace("วันที่", "", StringComparison.Ordinal);
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

    [GeneratedRegex(@"[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:ล้านบาท|ล้าน|บาท|บ\.|฿)")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?:โครงการ(?:ที่)?\s*|#)(?<n>[0-9]{1,4})(?![0-9,.])")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
