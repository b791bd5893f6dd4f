namespace BudgetBot.Domain.Budget;

/// <summary>
/// A photo of a receipt kept with a ledger entry: the platform's reference to the picture (Telegram's file id, LINE's
/// message id), which the host fetches and keeps as bytes, who sent it and when. Its key is the message it came in,
/// so a message delivered twice attaches one receipt.
/// </summary>
public sealed record Receipt(string Key, string OfficeId, int FiscalYear, long EntryId, string Platform, string FileRef, string By, DateTimeOffset At)
{
    /// <summary>Where a receipt opens: its entry and its place among the entry's receipts (from 1), under a link's token.</summary>
    public static string Path(string token, long entryId, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/reports/{token}/receipts/{entryId}/{number}");
}
