using System.Globalization;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation.Parsing;

/// <summary>
/// An allocation letter as typed: <c>[ครั้งที่ N] &lt;amount&gt; [บาท] [ที่] &lt;letter no&gt; [ลงวันที่] &lt;date&gt; [envelope]</c>,
/// e.g. <c>500,000 ศธ 04006/ว 1234 15 มิ.ย. 66 โครงการ</c>. The letter number keeps its own spaces, so the date is read
/// from the end and the number is what lies between.
/// </summary>
public static class RoundArgs
{
    public const string RoundWord = "ครั้งที่";

    private static readonly Dictionary<string, EnvelopeKind> EnvelopeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["projects"] = EnvelopeKind.Projects, ["project"] = EnvelopeKind.Projects, ["โครงการ"] = EnvelopeKind.Projects, ["งบโครงการ"] = EnvelopeKind.Projects,
        ["reserve"] = EnvelopeKind.Reserve, ["สำรอง"] = EnvelopeKind.Reserve, ["เงินสำรอง"] = EnvelopeKind.Reserve, ["งบสำรอง"] = EnvelopeKind.Reserve,
        ["recurring"] = EnvelopeKind.Recurring, ["ประจำ"] = EnvelopeKind.Recurring, ["งบประจำ"] = EnvelopeKind.Recurring,
    };

    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase) { "บาท", "baht", "ล้าน", "ล้านบาท", "แสน", "หมื่น", "พัน", "million" };

    public static RoundParse Parse(string args, DateOnly today)
    {
        var tokens = ThaiDigits.ToAscii(args).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        int? stated = null;
        if (tokens.Count > 1 && tokens[0] == RoundWord)
        {
            if (!int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return RoundParse.Fail(RoundProblem.Shape);
            }

            stated = n;
            tokens.RemoveRange(0, 2);
        }

        if (tokens.Count < 3)
        {
            return RoundParse.Fail(RoundProblem.Shape);
        }

        // The amount and its unit words: "500,000 บาท", "2 ล้าน", "1.5 ล้านบาท".
        var units = tokens.Skip(1).TakeWhile(t => Units.Contains(t)).Count();
        var amount = ThaiAmount.Parse(string.Join(' ', tokens.Take(1 + units)));
        if (!amount.IsOk)
        {
            return RoundParse.Fail(RoundProblem.Amount, amount.Error.ToString());
        }

        tokens.RemoveRange(0, 1 + units);

        EnvelopeKind? envelope = null;
        if (tokens.Count > 0 && EnvelopeWords.TryGetValue(tokens[^1], out var kind))
        {
            envelope = kind;
            tokens.RemoveAt(tokens.Count - 1);
        }

        // "15 มิ.ย. 66" is three tokens, "15/6/2566" one: the longer reading wins when both are dates.
        foreach (var width in new[] { 3, 1 })
        {
            if (tokens.Count <= width)
            {
                continue;
            }

            var date = ThaiDate.Parse(string.Join(' ', tokens[^width..]), today);
            if (!date.IsOk)
            {
                continue;
            }

            var letter = tokens[..^width];
            if (letter.Count > 0 && letter[^1] == "ลงวันที่")
            {
                letter.RemoveAt(letter.Count - 1);
            }

            if (letter.Count > 0 && letter[0] == "ที่")
            {
                letter.RemoveAt(0);
            }

            return letter.Count == 0 || !letter.Any(t => t.Any(char.IsAsciiDigit))
                ? RoundParse.Fail(RoundProblem.Letter)
                : new RoundParse(amount.Value, string.Join(' ', letter), date.Value, envelope, stated, RoundProblem.None, null);
        }

        return RoundParse.Fail(RoundProblem.Date);
    }
}

public enum RoundProblem
{
    None,
    Shape,
    Amount,
    Letter,
    Date,
}

/// <summary>A letter's amount, number and date, the envelope named (if any) and the round number stated (if any).</summary>
public sealed record RoundParse(decimal Amount, string Letter, DateOnly Date, EnvelopeKind? Envelope, int? StatedRound, RoundProblem Problem, string? AmountError)
{
    public bool IsOk => Problem == RoundProblem.None;

    public static RoundParse Fail(RoundProblem problem, string? amountError = null) => new(0, "", default, null, null, problem, amountError);
}
