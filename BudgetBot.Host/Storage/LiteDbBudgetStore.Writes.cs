using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The ledger and the running figures. A unit of work is <see cref="LiteDbDatabase"/>'s: one LiteDB transaction, durable
/// when it returns.
/// </summary>
internal sealed partial class LiteDbBudgetStore : IUnitOfWork
{
    private long? _lastId;

    public LedgerEntry? EntryBySource(string officeId, string sourceKey) =>
        LedgerDocs.FindOne(LedgerIndexes.BySource(officeId, sourceKey)) is { } d ? Bson.Entry(d) : null;

    /// <summary>A project's figures carry no office of their own: the project's (cached) record says which it is.</summary>
    public (string OfficeId, ProjectBalance Figures)? StoredFigures(string projectId) =>
        BalanceDocs.FindById(projectId) is { } doc && Project(projectId) is { } project ? (project.OfficeId, Bson.Balance(doc)) : null;

    public override LedgerEntry Insert(LedgerEntry draft)
    {
        var entry = draft with { Id = NextId() };
        LedgerDocs.Insert(Bson.Entry(entry, entry.Id));
        _lastId = entry.Id;
        return entry;
    }

    /// <summary>Only this host writes the file, so the figures read in this unit are the current ones.</summary>
    public void MoveFigures(string officeId, ProjectBalance before, LedgerEntry entry) => BalanceDocs.Update(Bson.Balance(before.Apply(entry)));

    protected override void PutFigures(string officeId, ProjectBalance figures) => BalanceDocs.Upsert(Bson.Balance(figures));

    protected override IEnumerable<LedgerEntry> AllEntries() => LedgerDocs.Query().OrderBy("_id").ToEnumerable().Select(Bson.Entry);

    protected override IEnumerable<(string OfficeId, ProjectBalance Figures)> AllFigures() =>
        BalanceDocs.FindAll().Select(Bson.Balance).Select(b => (Project(b.ProjectId)?.OfficeId ?? "", b));

    /// <summary>Ids are assigned here, in the writer's lock, so the ledger's order is the order of commits.</summary>
    private long NextId()
    {
        _lastId ??= LedgerDocs.Count() == 0 ? 0 : LedgerDocs.Max("_id").AsInt64;
        return _lastId.Value + 1;
    }

    public override T Run<T>(Func<T> work) => _db.Run(work, Durable, ForgetCachedState, Ended);

    private void Durable(long commitStart)
    {
        _pending.Committed();
        Committed(commitStart);
    }

    private void Ended()
    {
        _pending.Ended();
        UnitEnded();
    }

    protected override void RestoreEntries(IReadOnlyList<LedgerEntry> entries)
    {
        LedgerDocs.InsertBulk(entries.Select(e => Bson.Entry(e, e.Id)));
        _lastId = null;
    }

    /// <summary>After a rollback the counters may hold what was never committed.</summary>
    private void ForgetCachedState()
    {
        _lastId = null;
        _lastSeq = null;
    }
}
