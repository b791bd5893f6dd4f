using System.Text.RegularExpressions;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>How report cells are read: figures with commas and Thai digits, blanks kept apart from zeros.</summary>
internal static partial class Cells
{
    public static bool IsBlank(string cell) => cell.Trim().Length == 0;

    public static bool IsNumber(string cell) => NumberPattern().IsMatch(ThaiDigits.ToAscii(cell.Trim()));

    /// <summary>A figure cell's value; a blank reads as zero (the blank itself is reported by the shape check).</summary>
    public static decimal Value(string cell)
    {
        if (IsBlank(cell))
        {
            return 0m;
        }

        var parsed = ThaiAmount.Parse(cell, allowNegative: true);
        return parsed.IsOk ? parsed.Value : 0m;
    }

    public static int? Integer(string cell)
    {
        var t = ThaiDigits.ToAscii(cell.Trim());
        return IntegerPattern().IsMatch(t) ? int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^-?[0-9][0-9,]*(\.[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[0-9]{1,4}$")]
    private static partial Regex IntegerPattern();
}
