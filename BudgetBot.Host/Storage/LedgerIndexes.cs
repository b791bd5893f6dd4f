using LiteDB;

namespace BudgetBot.Host.Storage;

internal static class LedgerIndexes
{
    /// <summary>The source-message key is unique: it is what makes a redelivered message a no-op.</summary>
    public static void Ensure(ILiteCollection<BsonDocument> ledger)
    {
        ledger.EnsureIndex("key", unique: true);
        ledger.EnsureIndex("project");
        ledger.EnsureIndex("rev");
        ledger.EnsureIndex("by");
    }
}
