using System.Globalization;
using System.Text;

namespace BudgetBot.Domain.Calendar;

/// <summary>When a trailing 1 is read "เอ็ด": after a tens digit only (101 = หนึ่งร้อยหนึ่ง) or after any higher digit (101 = หนึ่งร้อยเอ็ด).</summary>
public enum EtMode
{
    TensOnly,
    Always,
}

/// <summary>Amount in words, BAHTTEXT style: <c>1234</c> is <c>หนึ่งพันสองร้อยสามสิบสี่บาทถ้วน</c>.</summary>
public static class BahtText
{
    private static readonly string[] Digit = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"];
    private static readonly string[] Place = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"];

    /// <summary>
    /// Whether <paramref name="words"/> spells <paramref name="amount"/> in either accepted form (spaces ignored):
    /// offices write both "หนึ่งร้อยเอ็ด" and "หนึ่งร้อยหนึ่ง", so a report is checked against both.
    /// </summary>
    public static bool Matches(decimal amount, string words)
    {
        var written = words.Replace(" ", "", StringComparison.Ordinal);
        return written == ToWords(amount, EtMode.Always) || written == ToWords(amount, EtMode.TensOnly);
    }

    /// <summary>
    /// Rounds to satang (half away from zero) and spells the amount; negatives start with "ลบ". By default a final 1
    /// after any higher digit is "เอ็ด" (101 หนึ่งร้อยเอ็ด, 1,000,001 หนึ่งล้านเอ็ด), as official documents and
    /// Excel's BAHTTEXT write it.
    /// </summary>
    public static string ToWords(decimal amount, EtMode mode = EtMode.Always)
    {
        var rounded = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
        var sb = new StringBuilder();
        if (rounded < 0)
        {
            sb.Append("ลบ");
            rounded = -rounded;
        }

        var baht = decimal.Truncate(rounded);
        var satang = (int)((rounded - baht) * 100);
        if (baht == 0 && satang == 0)
        {
            return sb.Append("ศูนย์บาทถ้วน").ToString();
        }

        if (baht > 0)
        {
            sb.Append(Integer(baht.ToString(CultureInfo.InvariantCulture), mode)).Append("บาท");
        }

        if (satang == 0)
        {
            sb.Append("ถ้วน");
        }
        else
        {
            sb.Append(Integer(satang.ToString(CultureInfo.InvariantCulture), EtMode.TensOnly)).Append("สตางค์");
        }

        return sb.ToString();
    }

    private static string Integer(string digits, EtMode mode)
    {
        var sb = new StringBuilder();
        var length = digits.Length;
        for (var i = 0; i < length; i++)
        {
            var d = digits[i] - '0';
            var fromRight = length - 1 - i;
            var place = fromRight % 6;
            if (d != 0)
            {
                sb.Append(DigitWord(d, place, digits, i, mode)).Append(Place[place]);
            }

            // Every sixth place from the right closes a million group ("ล้าน" repeats for 10^12).
            if (place == 0 && fromRight > 0)
            {
                sb.Append("ล้าน");
            }
        }

        return sb.ToString();
    }

    private static string DigitWord(int d, int place, string digits, int index, EtMode mode)
    {
        if (place == 1)
        {
            return d switch { 1 => "", 2 => "ยี่", _ => Digit[d] };
        }

        if (place != 0 || d != 1 || index == 0)
        {
            return Digit[d];
        }

        // The digit before a units place is always the tens of the same six-digit group.
        if (digits[index - 1] != '0')
        {
            return "เอ็ด";
        }

        return mode == EtMode.Always && digits[..index].Any(c => c != '0') ? "เอ็ด" : Digit[d];
    }
}
