using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetBot.Domain.Calendar;

/// <summary>Baht amounts in and out: <c>11,550.50</c>, <c>๑๑,๕๕๐</c>, <c>2,400 บาท</c>, <c>฿300</c>, <c>1.2 ล้าน</c>.</summary>
public static partial class ThaiAmount
{
    /// <summary><c>1,234.50 บาท</c>.</summary>
    public static string Format(decimal amount) => $"{FormatNumber(amount)} บาท";

    /// <summary><c>1,234.50</c>: two decimals, thousands commas, ASCII digits.</summary>
    public static string FormatNumber(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// The largest amount one entry, plan or report cell may carry: ten billion baht, above any single office's yearly
    /// budget. Bounding input keeps every sum of entries far inside <see cref="decimal"/>'s range.
    /// </summary>
    public const decimal Maximum = 10_000_000_000m;

    /// <summary>Reads one amount; refuses negatives, more than two decimals, misplaced commas and anything else with a reason.</summary>
    public static AmountParseResult Parse(string text, bool allowNegative = false)
    {
        var t = ThaiDigits.ToAscii(text).Trim();
        var m = AmountPattern().Match(t);
        if (!m.Success)
        {
            return AmountParseResult.Fail(AmountError.NotANumber, $"'{text}' is not an amount");
        }

        var digits = m.Groups["n"].Value;
        if (digits.Contains(',', StringComparison.Ordinal) && !GroupedPattern().IsMatch(digits))
        {
            return AmountParseResult.Fail(AmountError.BadCommas, $"commas in '{text}' are not in groups of three");
        }

        // Twenty integer digits already exceed the maximum; longer text would overflow decimal before the check.
        var plain = digits.Replace(",", "", StringComparison.Ordinal);
        var integerDigits = plain.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? dot : plain.Length;
        if (integerDigits > 20 || plain.Length > 40)
        {
            return AmountParseResult.Fail(AmountError.TooLarge, $"'{text}' is more than {FormatNumber(Maximum)} baht");
        }

        var value = decimal.Parse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var unit = m.Groups["u"].Value;
        value *= unit switch
        {
            "ล้าน" or "ล้านบาท" or "ลบ." or "ลบ" or "m" or "M" or "million" or "Million" or "mn" => 1_000_000m,
            "แสน" => 100_000m,
            "หมื่น" => 10_000m,
            "พัน" or "k" or "K" or "thousand" => 1_000m,
            _ => 1m,
        };

        if (value > Maximum)
        {
            return AmountParseResult.Fail(AmountError.TooLarge, $"'{text}' is more than {FormatNumber(Maximum)} baht");
        }

        if (m.Groups["neg"].Success)
        {
            if (!allowNegative)
            {
                return AmountParseResult.Fail(AmountError.Negative, "an amount cannot be negative");
            }

            value = -value;
        }

        if (decimal.Round(value, 2) != value)
        {
            return AmountParseResult.Fail(AmountError.TooManyDecimals, $"'{text}' has more than two decimals (satang)");
        }

        return AmountParseResult.Ok(value);
    }

    // Currency words before or after the number are optional; unit words scale it.
    [GeneratedRegex(@"^(?<neg>-)?\s*(?:฿|บาท)?\s*(?<n>[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?<u>ล้านบาท|ล้าน|ลบ\.?|แสน|หมื่น|พัน|[Mm]illion|mn|thousand|[kKmM])?\s*(?:บาท|บ\.|บ|฿|thb|THB|baht)?(?:\.-)?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?$")]
    private static partial Regex GroupedPattern();
}

public enum AmountError
{
    None,
    NotANumber,
    BadCommas,
    Negative,
    TooManyDecimals,
    TooLarge,
}

/// <summary>A parsed amount, or why it was refused.</summary>
public readonly record struct AmountParseResult(decimal Value, AmountError Error, string? Reason)
{
    public bool IsOk => Error == AmountError.None;

    public static AmountParseResult Ok(decimal value) => new(value, AmountError.None, null);

    public static AmountParseResult Fail(AmountError error, string reason) => new(0m, error, reason);
}
