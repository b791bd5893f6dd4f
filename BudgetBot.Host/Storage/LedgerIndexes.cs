using LiteDB;

namespace BudgetBot.Host.Storage;

internal static class LedgerIndexes
{
    /// <summary>An office and a message key: unique, so a redelivered message is a no-op in its office (and only there).</summary>
    private const string Source = "$.office + '|' + $.key";

    /// <remarks>
    /// Files written before the rule was per office have a unique index on the key alone; it goes, and the office-and-key
    /// index is built from the entries already there.
    /// </remarks>
    public static void Ensure(ILiteCollection<BsonDocument> ledger)
    {
        ledger.DropIndex("key");
        ledger.EnsureIndex("source", Source, unique: true);
        ledger.EnsureIndex("project");
        ledger.EnsureIndex("rev");
        ledger.EnsureIndex("by");
    }

    /// <summary>The entry an office recorded from a message, found through the unique index.</summary>
    public static BsonExpression BySource(string officeId, string sourceKey) => BsonExpression.Create(Source + " = @0", officeId + "|" + sourceKey);
}
