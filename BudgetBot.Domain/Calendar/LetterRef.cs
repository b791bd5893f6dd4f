using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetBot.Domain.Calendar;

/// <summary>An official letter reference such as <c>ที่ ศธ 04006/ว 3913 ลงวันที่ 21 ตุลาคม 2565</c>; the raw text is kept as written.</summary>
public sealed partial record LetterRef(string Raw, string? Agency, bool Circular, int? Number, DateOnly? Date)
{
    /// <summary>Reads what can be read; a part that is not there stays null rather than failing the whole reference.</summary>
    public static LetterRef Parse(string raw)
    {
        var t = ThaiDigits.ToAscii(raw);
        var m = NumberPattern().Match(t);
        string? agency = null;
        var circular = false;
        int? number = null;
        if (m.Success)
        {
            agency = $"{m.Groups["a"].Value} {m.Groups["code"].Value}";
            circular = m.Groups["w"].Success;
            number = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        }

        DateOnly? date = null;
        var d = DatePattern().Match(t);
        if (d.Success)
        {
            var parsed = ThaiDate.Parse(d.Groups["date"].Value, default);
            date = parsed.IsOk ? parsed.Value : null;
        }

        return new LetterRef(raw, agency, circular, number, date);
    }

    [GeneratedRegex(@"(?<a>[ก-ฮ]{2})\s*(?<code>[0-9]{3,6})\s*/\s*(?<w>ว\.?)?\s*(?<n>[0-9]+)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"ลงวันที่\s*(?<date>[0-9]{1,2}\s*\S+\s*[0-9]{2,4})")]
    private static partial Regex DatePattern();
}
