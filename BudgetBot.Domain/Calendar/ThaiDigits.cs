namespace BudgetBot.Domain.Calendar;

/// <summary>Thai digits (U+0E50–U+0E59) to ASCII and back.</summary>
/// <remarks>.NET parsing rejects Thai digits and formatting never produces them, so both ways are a plain character map.</remarks>
public static class ThaiDigits
{
    private const char ThaiZero = '\u0E50';

    /// <summary>Replaces every Thai digit with its ASCII digit; other characters are kept.</summary>
    public static string ToAscii(string text)
    {
        if (!text.Any(IsThaiDigit))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = IsThaiDigit(c) ? (char)('0' + (c - ThaiZero)) : c;
            }
        });
    }

    /// <summary>Replaces every ASCII digit with its Thai digit.</summary>
    public static string ToThai(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? (char)(ThaiZero + (c - '0')) : c;
            }
        });

    public static bool IsThaiDigit(char c) => c is >= ThaiZero and <= '\u0E59';
}
