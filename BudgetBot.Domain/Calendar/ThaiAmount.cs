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

        var value = decimal.Parse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var unit = m.Groups["u"].Value;
        value *= unit switch
        {
            "ล้าน" or "ล้านบาท" or "ลบ." or "ลบ" or "m" or "M" => 1_000_000m,
            "แสน" => 100_000m,
            "หมื่น" => 10_000m,
            "พัน" or "k" or "K" => 1_000m,
            _ => 1m,
        };

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
    [GeneratedRegex(@"^(?<neg>-)?\s*(?:฿|บาท)?\s*(?<n>[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?<u>ล้านบาท|ล้าน|ลบ\.?|แสน|หมื่น|พัน|[kKmM])?\s*(?:บาท|บ\.|บ|฿|thb|THB|baht)?$")]
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
}

/// <summary>A parsed amount, or why it was refused.</summary>
public readonly record struct AmountParseResult(decimal Value, AmountError Error, string? Reason)
{
    public bool IsOk => Error == AmountError.None;

    public static AmountParseResult Ok(decimal value) => new(value, AmountError.None, null);

    public static AmountParseResult Fail(AmountError error, string reason) => new(0m, error, reason);
}
