using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Reports;

/// <summary>
/// <c>GET /reports/{token}/receipts/{entry}/{n}</c>: the picture of an entry's n-th receipt. The token is a report
/// link: one made for that entry alone (sent with <c>/history</c> and the audit trail), or a report page's, which opens
/// every receipt of its office's year (for auditors). Anything else, and a picture not fetched yet, is 404.
/// </summary>
internal static class ReceiptPictures
{
    public static void MapReceiptPictures(this WebApplication app) =>
        app.MapGet("/reports/{token}/receipts/{entryId:long}/{number:int}", (string token, long entryId, int number, IServiceStore store, TimeProvider clock, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            if (token.Length != 32 || store.ReportLinkFor(token, clock.GetUtcNow()) is not { } link || (link.EntryId is { } only && only != entryId)
                || store.Receipts(link.OfficeId, link.FiscalYear).Where(r => r.EntryId == entryId).ElementAtOrDefault(number - 1) is not { } receipt
                || store.ReceiptFile(receipt.Key) is not { } picture)
            {
                return Results.NotFound();
            }

            var (type, extension) = Kind(picture);
            // Shown in the browser, and saved under a name that says which entry it belongs to.
            http.Response.Headers.ContentDisposition = $"inline; filename=\"receipt-{entryId}-{number}{extension}\"";
            return Results.Bytes(picture, type);
        });

    /// <summary>What the bytes are, by their first bytes: a platform may send JPEG, PNG or WebP.</summary>
    private static (string Type, string Extension) Kind(byte[] picture) => picture switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ("image/jpeg", ".jpg"),
        [0x89, 0x50, 0x4E, 0x47, ..] => ("image/png", ".png"),
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ("image/webp", ".webp"),
        _ => ("application/octet-stream", ".bin"),
    };
}
