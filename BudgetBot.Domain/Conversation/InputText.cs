using System.Globalization;
using System.Text;

namespace BudgetBot.Domain.Conversation;

/// <summary>
/// What may reach the engine, the store and the report files from a chat: no control characters (XML and XLSX refuse
/// them), no bidi or zero-width marks (they hide what a text says and make two equal-looking names differ).
/// </summary>
public static class InputText
{
    /// <summary>Longer than any platform lets one message be (Telegram 4,096, LINE 5,000 characters).</summary>
    public const int MaxLength = 5000;

    /// <summary>Removes control, bidi and zero-width characters; tabs become spaces, line breaks stay.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.Any(c => IsHidden(c) || c == '\t' || c == '\r'))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (!IsHidden(c) && c != '\r')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// True when an invisible mark or a narrow space sits between two digits, as in <c>2\u2009400</c>: the writer saw
    /// one number, a reader splitting on spaces would see two, so neither reading is safe.
    /// </summary>
    public static bool HidesSpaceInNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            if (!IsHiddenSpace(text[i]) || !IsDigit(text[i - 1]))
            {
                continue;
            }

            var j = i;
            while (j < text.Length && IsHiddenSpace(text[j]))
            {
                j++;
            }

            if (j < text.Length && IsDigit(text[j]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' || Calendar.ThaiDigits.IsThaiDigit(c);

    // Spaces a keyboard or a copied figure can put inside a number without the writer seeing one.
    private static bool IsHiddenSpace(char c) => c is '\u2009' or '\u202F' or '\u00A0' or '\u2007' or '\u200A' || IsZeroWidthOrBidi(c);

    private static bool IsHidden(char c) => (char.IsControl(c) && c != '\n') || IsZeroWidthOrBidi(c);

    private static bool IsZeroWidthOrBidi(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u061C' or '\u00AD'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
