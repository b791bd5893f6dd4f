using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Forgetting processed inbox events and rows kept for a while (<see cref="StoreRules"/> says which). The ledger, the running figures and the audit trail are never touched;
/// dead letters stay until an admin retries them. Each call deletes at most <c>max</c> records in one transaction.
/// </summary>
internal sealed partial class LiteDbBudgetStore
{
    private int Forget(ILiteCollection<BsonDocument> collection, IEnumerable<BsonDocument> candidates, int max) => Run(() =>
    {
        var ids = candidates.Take(max).Select(d => d["_id"]).ToList();
        foreach (var id in ids)
        {
            collection.Delete(id);
        }

        return ids.Count;
    });
}
