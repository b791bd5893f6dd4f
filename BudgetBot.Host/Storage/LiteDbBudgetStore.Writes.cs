using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

internal sealed partial class LiteDbBudgetStore
{
    private long? _lastId;

    public LedgerEntry? EntryBySource(string officeId, string sourceKey) =>
        _ledger.FindOne(LedgerIndexes.BySource(officeId, sourceKey)) is { } d ? Bson.Entry(d) : null;

    /// <summary>A project's figures carry no office of their own: the project's (cached) record says which it is.</summary>
    public (string OfficeId, ProjectBalance Figures)? StoredFigures(string projectId) =>
        _balances.FindById(projectId) is { } doc && Project(projectId) is { } project ? (project.OfficeId, Bson.Balance(doc)) : null;

    public override LedgerEntry Insert(LedgerEntry draft)
    {
        var entry = draft with { Id = NextId() };
        _ledger.Insert(Bson.Entry(entry, entry.Id));
        _lastId = entry.Id;
        return entry;
    }

    /// <summary>Only this host writes the file, so the figures read in this unit are the current ones.</summary>
    public void MoveFigures(string officeId, ProjectBalance before, LedgerEntry entry) => _balances.Update(Bson.Balance(before.Apply(entry)));

    protected override void PutFigures(string officeId, ProjectBalance figures) => _balances.Upsert(Bson.Balance(figures));

    protected override IEnumerable<LedgerEntry> AllEntries() => _ledger.Query().OrderBy("_id").ToEnumerable().Select(Bson.Entry);

    protected override IEnumerable<(string OfficeId, ProjectBalance Figures)> AllFigures() =>
        _balances.FindAll().Select(Bson.Balance).Select(b => (Project(b.ProjectId)?.OfficeId ?? "", b));

    /// <summary>Ids are assigned here, in the writer's lock, so the ledger's order is the order of commits.</summary>
    private long NextId()
    {
        _lastId ??= _ledger.Count() == 0 ? 0 : _ledger.Max("_id").AsInt64;
        return _lastId.Value + 1;
    }
}
