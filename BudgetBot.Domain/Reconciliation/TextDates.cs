using System.Text.RegularExpressions;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>Finds day-month-year dates written in running Thai text (<c>24 พฤศจิกายน 2566</c>, <c>15 พ.ย. 65</c>).</summary>
internal static partial class TextDates
{
    public static IEnumerable<(string Text, DateOnly Date)> Find(string text)
    {
        foreach (Match m in DatePattern().Matches(ThaiDigits.ToAscii(text)))
        {
            var parsed = ThaiDate.Parse(m.Value, default);
            if (parsed.IsOk)
            {
                yield return (m.Value, parsed.Value);
            }
        }
    }

    [GeneratedRegex(@"[0-9]{1,2}\s*(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.)\s*(?:พ\.ศ\.\s*)?[0-9]{2,4}")]
    private static partial Regex DatePattern();
}
