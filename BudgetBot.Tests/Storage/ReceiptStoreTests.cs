using BudgetBot.Domain.Budget;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

/// <summary>Receipts on every store: kept once per message, in order, their pictures fetched, counted on failure and given up.</summary>
public abstract class ReceiptStoreContract(StoreKind kind)
{
    [SkippableFact]
    public void Receipt_KeptOncePerMessage_ItsPictureWaitsThenIsKept()
    {
        using var store = Stores.Open(kind);
        var first = new Receipt("telegram:5:10", "o1", 2566, 41, "telegram", "photo-10", "p1", StoreFixture.At);
        var second = first with { Key = "telegram:5:11", FileRef = "photo-11", At = StoreFixture.At.AddMinutes(1) };

        store.AddReceipt(first);
        store.AddReceipt(first with { EntryId = 99 });
        store.AddReceipt(second);

        Assert.Equal([first, second], store.Receipts("o1", 2566));
        Assert.Empty(store.Receipts("o1", 2567));
        Assert.Equal(["photo-10", "photo-11"], store.ReceiptsToFetch(10).Select(r => r.FileRef).Order());
        Assert.Null(store.ReceiptFile(first.Key));

        store.KeepReceiptFile(first, [1, 2, 3]);
        Assert.Equal([1, 2, 3], store.ReceiptFile(first.Key));
        Assert.Equal([second], store.ReceiptsToFetch(10));
    }

    [SkippableFact]
    public void PictureThatFails_IsCounted_AndGivenUpAtTheLastTry()
    {
        using var store = Stores.Open(kind);
        var receipt = new Receipt("line:U1:7", "o1", 2566, 3, "line", "7", "p1", StoreFixture.At);
        store.AddReceipt(receipt);

        Assert.Equal([1, 2], new[] { store.ReceiptFetchFailed(receipt, 3), store.ReceiptFetchFailed(receipt, 3) });
        Assert.Single(store.ReceiptsToFetch(10));
        Assert.Equal(3, store.ReceiptFetchFailed(receipt, 3));
        Assert.Empty(store.ReceiptsToFetch(10));
        Assert.Null(store.ReceiptFile(receipt.Key));
        Assert.Single(store.Receipts("o1", 2566));
    }
}

public sealed class ReceiptStoreTestsOnLiteDb() : ReceiptStoreContract(StoreKind.LiteDb);

public sealed class ReceiptStoreTestsOnPostgres() : ReceiptStoreContract(StoreKind.Postgres);

public sealed class ReceiptStoreTestsOnMemory() : ReceiptStoreContract(StoreKind.Memory);
