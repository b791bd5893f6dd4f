namespace BudgetBot.Domain.Calendar;

/// <summary>Thai month names and their fixed abbreviations (not truncations).</summary>
public static class ThaiMonths
{
    public static readonly IReadOnlyList<string> Full =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    public static readonly IReadOnlyList<string> Abbreviated =
    [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ];

    private static readonly string[] English =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Month 1–12 of a Thai full name, a Thai abbreviation (dots optional) or an English name; 0 if none.</summary>
    public static int Parse(string word)
    {
        var w = word.Trim().TrimEnd('.');
        for (var i = 0; i < 12; i++)
        {
            if (w == Full[i] || w == Abbreviated[i].TrimEnd('.') || w.Replace(".", "") == Abbreviated[i].Replace(".", ""))
            {
                return i + 1;
            }
        }

        var lower = w.ToLowerInvariant();
        for (var i = 0; i < 12; i++)
        {
            if (lower.Length >= 3 && lower.StartsWith(English[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
