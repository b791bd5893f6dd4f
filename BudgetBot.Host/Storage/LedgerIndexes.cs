using LiteDB;

namespace BudgetBot.Host.Storage;

internal static class LedgerIndexes
{
    /// <summary>An office and a message key: unique, so a redelivered message is a no-op in its office (and only there).</summary>
    private const string Source = "$.office + '|' + $.key";

    /// <summary>
    /// A project's entries in the ledger's order: the project, then the id in 19 digits, so the index itself is the order
    /// and "the project's newest entries" reads only them. Asked as "this project, ordered by id", LiteDB reads and sorts
    /// every entry the project has (5.0.21 far more slowly than 5.0.20 did).
    /// </summary>
    public const string ProjectOrder = "$.project + '|' + FORMAT($._id, 'D19')";

    /// <remarks>
    /// Files written before the rule was per office have a unique index on the key alone; it goes, and the office-and-key
    /// index is built from the entries already there. Files written before project_order keep their index on the project
    /// alone until they are opened.
    /// </remarks>
    public static void Ensure(ILiteCollection<BsonDocument> ledger)
    {
        ledger.DropIndex("key");
        // A project's entries come through project_order; an index on the project alone was one more to keep per entry.
        ledger.DropIndex("project");
        ledger.EnsureIndex("source", Source, unique: true);
        ledger.EnsureIndex("rev");
        ledger.EnsureIndex("by");
        ledger.EnsureIndex("project_order", ProjectOrder);
    }

    /// <summary>
    /// A project's entries through <see cref="ProjectOrder"/>: every key of the project lies between the project with its
    /// bar and the same followed by a letter, which sorts after digits whatever the collation (LIKE scans it wrongly descending).
    /// </summary>
    public static BsonExpression OfProject(string projectId) => BsonExpression.Create(ProjectOrder + " BETWEEN @0 AND @1", projectId + "|", projectId + "|a");

    /// <summary>The entry an office recorded from a message, found through the unique index.</summary>
    public static BsonExpression BySource(string officeId, string sourceKey) => BsonExpression.Create(Source + " = @0", officeId + "|" + sourceKey);
}
