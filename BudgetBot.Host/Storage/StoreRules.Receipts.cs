using BudgetBot.Domain.Budget;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Receipts and their pictures, the same for every store: a receipt is kept with its entry at once, and its picture
/// waits apart from it until it is fetched from the platform, tried a few times and then set aside.
/// </summary>
internal abstract partial class StoreRules : IReceiptFiles
{
    private const string Waiting = "waiting";
    private const string Kept = "kept";
    private const string FailedFetch = "failed";

    public void AddReceipt(Receipt receipt) => InTransaction(() =>
    {
        if (GetRow(RowKind.Receipts, receipt.Key) is not null)
        {
            return;
        }

        PutRow(RowKind.Receipts, new StoredRow(receipt.Key, JsonPayload.Write(receipt)) { Group = FiscalYearBudget.KeyFor(receipt.OfficeId, receipt.FiscalYear), At = receipt.At });
        PutRow(RowKind.ReceiptFiles, new StoredRow(receipt.Key, "0") { Group = Waiting, At = receipt.At });
    });

    public IReadOnlyList<Receipt> Receipts(string officeId, int fiscalYear) =>
        FindRows(RowKind.Receipts, FiscalYearBudget.KeyFor(officeId, fiscalYear), int.MaxValue).Select(r => JsonPayload.Read<Receipt>(r.Value)).Reverse().ToList();

    public IReadOnlyList<Receipt> ReceiptsToFetch(int max) =>
        FindRows(RowKind.ReceiptFiles, Waiting, max).Select(f => GetRow(RowKind.Receipts, f.Key)).OfType<StoredRow>().Select(r => JsonPayload.Read<Receipt>(r.Value)).ToList();

    public void KeepReceiptFile(Receipt receipt, byte[] picture) =>
        Put(RowKind.ReceiptFiles, receipt.Key, Convert.ToBase64String(picture), Kept, receipt.At);

    public int ReceiptFetchFailed(Receipt receipt, int maxTries) => Run(() =>
    {
        var tries = GetRow(RowKind.ReceiptFiles, receipt.Key) is { Group: Waiting } row && int.TryParse(row.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n + 1 : maxTries;
        var failed = tries >= maxTries;
        PutRow(RowKind.ReceiptFiles, new StoredRow(receipt.Key, failed ? "" : tries.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Group = failed ? FailedFetch : Waiting, At = receipt.At });
        return tries;
    });

    public byte[]? ReceiptFile(string receiptKey) =>
        GetRow(RowKind.ReceiptFiles, receiptKey) is { Group: Kept } row ? Convert.FromBase64String(row.Value) : null;
}

/// <summary>What the host does with receipts' pictures: fetches those waiting, keeps them, serves them.</summary>
internal interface IReceiptFiles : Domain.Ports.IReceipts
{
    /// <summary>Receipts whose picture has not been fetched yet, at most <paramref name="max"/>.</summary>
    IReadOnlyList<Receipt> ReceiptsToFetch(int max);

    void KeepReceiptFile(Receipt receipt, byte[] picture);

    /// <summary>Counts a failed fetch and says how many there were; at <paramref name="maxTries"/> the picture is given up.</summary>
    int ReceiptFetchFailed(Receipt receipt, int maxTries);

    /// <summary>The picture's bytes; null while it is not fetched (or could not be).</summary>
    byte[]? ReceiptFile(string receiptKey);
}
