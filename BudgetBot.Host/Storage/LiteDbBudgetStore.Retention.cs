using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Forgetting what is only kept for a while: processed inbox events, handled-message records, the playground feed,
/// answered or expired buttons and invites. The ledger, the running figures and the audit trail are never touched;
/// dead letters stay until an admin retries them. Each call deletes at most <c>max</c> records in one transaction.
/// </summary>
internal sealed partial class LiteDbBudgetStore
{
    public int ForgetProcessedEvents(DateTimeOffset before, int max) =>
        Forget(InboxDocs, InboxDocs.Find(Where.Is("done", true)).Where(d => !d["dead"].IsBoolean && Utc(d["at"]) < before), max);

    public int ForgetHandled(DateTimeOffset before, int max) =>
        Forget(Handled, Handled.FindAll().Where(d => Utc(d["at"]) < before), max);

    public int ForgetFeed(DateTimeOffset before, int max) =>
        Forget(FeedDocs, FeedDocs.FindAll().Where(d => Utc(d["at"]) < before), max);

    /// <summary>Buttons and invites past their expiry (used or not) before <paramref name="before"/>.</summary>
    public int ForgetExpiredButtonsAndInvites(DateTimeOffset before, int max) =>
        Forget(PendingActions, PendingActions.FindAll().Where(d => JsonPayload.Read<Domain.Conversation.PendingAction>(d["json"].AsString).ExpiresAt < before), max)
        + Forget(Invites, Invites.FindAll().Where(d => JsonPayload.Read<Domain.Ports.Invite>(d["json"].AsString).ExpiresAt < before), max);

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
