using System.Security.Cryptography;
using System.Text;

namespace BudgetBot.Host.Line;

/// <summary><c>x-line-signature</c>: Base64 of HMAC-SHA256 over the raw body bytes, keyed with the channel secret's UTF-8 bytes.</summary>
internal static class LineSignature
{
    public static bool Verify(ReadOnlySpan<byte> body, string channelSecret, string? header)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(channelSecret))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64String(header, given, out var length) && length == 32
            && CryptographicOperations.FixedTimeEquals(expected, given[..length]);
    }

    public static string Sign(ReadOnlySpan<byte> body, string channelSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));
}
