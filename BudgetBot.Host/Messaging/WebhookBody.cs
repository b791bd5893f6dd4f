namespace BudgetBot.Host.Messaging;

/// <summary>
/// Reads a webhook's body up to a cap. Platforms send a few kilobytes; a body past the cap is refused before it is
/// buffered, so unsigned posts cannot fill the host's memory (LINE's signature covers the whole body, so it can only
/// be checked after reading).
/// </summary>
internal static class WebhookBody
{
    /// <summary>1 MB: far above the largest update Telegram or LINE sends.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body's bytes, or null when it is larger than <see cref="MaxBytes"/> (answer 413).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static IResult TooLarge() => Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
}
