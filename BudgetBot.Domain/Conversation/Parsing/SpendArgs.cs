using System.Text.RegularExpressions;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>The arguments of <c>/spend &lt;project&gt; &lt;amount&gt; [date] [note]</c>.</summary>
public sealed record SpendArgs(string Project, decimal Amount, DateOnly Date, string Note);

public enum SpendArgsError
{
    None,
    MissingProject,
    MissingAmount,
    BadAmount,
    BadDate,
}

/// <summary>Reads spend arguments; a project may be a number, <c>#7</c>, <c>โครงการ 7</c>, <c>โครงการที่ 7</c> or a name fragment.</summary>
public static partial class SpendArgsParser
{
    private static readonly HashSet<string> Units = ["บาท", "บ.", "บ", "฿", "ล้าน", "ล้านบาท", "แสน", "หมื่น", "พัน", "baht", "thb", "million", "mn", "m", "k", "thousand"];

    public static (SpendArgs? Args, SpendArgsError Error, string? Reason) Parse(string args, DateOnly today)
    {
        var tokens = args.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var (project, at) = ProjectRefs.Leading(tokens);
        if (project is null)
        {
            // A name fragment: everything before the first number.
            var amountAt = tokens.FindIndex(t => NumberToken().IsMatch(ThaiDigits.ToAscii(t)));
            if (amountAt <= 0)
            {
                return (null, tokens.Count == 0 || amountAt == 0 ? SpendArgsError.MissingProject : SpendArgsError.MissingAmount, null);
            }

            project = string.Join(' ', tokens.Take(amountAt));
            at = amountAt;
        }

        if (at >= tokens.Count || !NumberToken().IsMatch(ThaiDigits.ToAscii(tokens[at])))
        {
            return (null, SpendArgsError.MissingAmount, null);
        }

        var amountText = tokens[at++];
        while (at < tokens.Count && Units.Contains(tokens[at].ToLowerInvariant()))
        {
            amountText += " " + tokens[at++];
        }

        var amount = ThaiAmount.Parse(amountText);
        if (!amount.IsOk)
        {
            return (null, SpendArgsError.BadAmount, amount.Error.ToString());
        }

        var date = today;
        string? notADate = null;
        for (var take = Math.Min(4, tokens.Count - at); take >= 1; take--)
        {
            var written = string.Join(' ', tokens.Skip(at).Take(take));
            var parsed = ThaiDate.Parse(written, today);
            if (parsed.IsOk)
            {
                date = parsed.Value;
                at += take;
                notADate = null;
                break;
            }

            // Shaped like a date (day, known month, year) but no such day: refused, never read as today plus a note.
            notADate ??= parsed.Error?.StartsWith("no such date", StringComparison.Ordinal) == true ? written : null;
        }

        if (notADate is not null)
        {
            return (null, SpendArgsError.BadDate, notADate);
        }

        return (new SpendArgs(project, amount.Value, date, string.Join(' ', tokens.Skip(at))), SpendArgsError.None, null);
    }

    [GeneratedRegex(@"^-?[0-9.,]*[0-9][0-9.,]*(?:บาท|บ\.|฿|ล้าน|ล้านบาท|[kKmM])?(?:\.-)?$|^฿[0-9][0-9.,]*$")]
    private static partial Regex NumberToken();
}
