using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetBot.Domain.Calendar;

/// <summary>Buddhist-Era dates in and out, in the forms Thai officials write them.</summary>
public static partial class ThaiDate
{
    /// <summary><c>15 ม.ค. 2566</c>: the form replies use.</summary>
    public static string Short(DateOnly date) =>
        $"{date.Day} {ThaiMonths.Abbreviated[date.Month - 1]} {date.Year + FiscalCalendar.BuddhistEraOffset}";

    /// <summary><c>15 มกราคม 2566</c>: the form reports use.</summary>
    public static string Long(DateOnly date) =>
        $"{date.Day} {ThaiMonths.Full[date.Month - 1]} {date.Year + FiscalCalendar.BuddhistEraOffset}";

    /// <summary>
    /// Reads <c>15 ม.ค. 66</c>, <c>15 มกราคม 2566</c>, <c>15/1/2566</c>, <c>2023-01-15</c>, <c>วันนี้</c>, <c>เมื่อวาน</c>
    /// (and <c>today</c>, <c>yesterday</c>), Thai digits included. Years of four digits from 2400 are BE, below are CE;
    /// two-digit years are BE (66 = 2566).
    /// </summary>
    public static DateParseResult Parse(string text, DateOnly today)
    {
        var t = ThaiDigits.ToAscii(text).Trim();
        switch (t.ToLowerInvariant())
        {
            case "วันนี้" or "today":
                return DateParseResult.Ok(today);
            case "เมื่อวาน" or "เมื่อวานนี้" or "yesterday":
                return DateParseResult.Ok(today.AddDays(-1));
            case "":
                return DateParseResult.Fail("empty date");
        }

        var iso = IsoPattern().Match(t);
        if (iso.Success)
        {
            return Build(Num(iso, "y"), Num(iso, "m"), Num(iso, "d"));
        }

        var slash = SlashPattern().Match(t);
        if (slash.Success)
        {
            return Build(Num(slash, "y"), Num(slash, "m"), Num(slash, "d"));
        }

        var words = WordPattern().Match(t);
        if (words.Success)
        {
            var month = ThaiMonths.Parse(words.Groups["m"].Value);
            return month == 0
                ? DateParseResult.Fail($"unknown month '{words.Groups["m"].Value}'")
                : Build(Num(words, "y"), month, Num(words, "d"));
        }

        return DateParseResult.Fail($"not a date: '{text}'");
    }

    private static int Num(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateParseResult Build(int year, int month, int day)
    {
        var ce = year switch
        {
            < 100 => year + 2500 - FiscalCalendar.BuddhistEraOffset,
            >= 2400 => year - FiscalCalendar.BuddhistEraOffset,
            >= 1900 => year,
            _ => -1,
        };
        if (ce is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(ce, month))
        {
            return DateParseResult.Fail($"no such date: {day}/{month}/{year}");
        }

        return DateParseResult.Ok(new DateOnly(ce, month, day));
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})[/.\-](?<m>[0-9]{1,2})[/.\-](?<y>[0-9]{2}|[0-9]{4})$")]
    private static partial Regex SlashPattern();

    [GeneratedRegex(@"^(?:วันที่\s*)?(?<d>[0-9]{1,2})\s*(?<m>[\u0E00-\u0E7F.]+|[A-Za-z]+\.?)\s*(?:พ\.ศ\.\s*)?(?<y>[0-9]{2}|[0-9]{4})$")]
    private static partial Regex WordPattern();
}

/// <summary>A parsed date, or the reason it could not be read.</summary>
public readonly record struct DateParseResult(DateOnly Value, string? Error)
{
    public bool IsOk => Error is null;

    public static DateParseResult Ok(DateOnly value) => new(value, null);

    public static DateParseResult Fail(string error) => new(default, error);
}
