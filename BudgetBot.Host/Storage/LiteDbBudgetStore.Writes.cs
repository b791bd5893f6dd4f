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

    public LedgerEntry Insert(LedgerEntry draft)
    {
        var entry = draft with { Id = NextId() };
        _ledger.Insert(Bson.Entry(entry, entry.Id));
        _lastId = entry.Id;
        return entry;
    }

    /// <summary>Only this host writes the file, so the figures read in this unit are the current ones.</summary>
    public void MoveFigures(string officeId, ProjectBalance before, LedgerEntry entry) => _balances.Update(Bson.Balance(before.Apply(entry)));

    public ImportWrite Import(BudgetSnapshot snapshot) => Run(() =>
    {
        if (_years.FindById(snapshot.Year.Id) is { } existing)
        {
            return existing["source"].AsString == snapshot.SourceId ? ImportWrite.Unchanged : ImportWrite.YearExists;
        }

        _offices.Upsert(Bson.Office(snapshot.Office));
        _years.Insert(Bson.Year(snapshot.Year, snapshot.SourceId));
        _divisions.Upsert(snapshot.Divisions.Select(Bson.Division));
        _projects.Insert(snapshot.Projects.Select(Bson.Project));
        var balances = snapshot.Projects.ToDictionary(p => p.Id, p => ProjectBalance.Empty(p.Id));
        var id = NextId();
        foreach (var draft in snapshot.Entries)
        {
            var entry = draft with { Id = id++ };
            _ledger.Insert(Bson.Entry(entry, entry.Id));
            balances[entry.ProjectId] = balances[entry.ProjectId].Apply(entry);
        }

        _balances.Insert(balances.Values.Select(Bson.Balance));
        _lastId = id - 1;
        _projectCache.Clear();
        _yearCache.Clear();
        return ImportWrite.Written;
    });

    /// <summary>Entry ids by the message they came from, for the keys chosen (maintenance and the benchmarks' exactly-once check).</summary>
    public Dictionary<string, List<long>> EntryIdsBySource(Func<string, bool> keys)
    {
        var found = new Dictionary<string, List<long>>();
        foreach (var doc in _ledger.FindAll())
        {
            var key = doc["key"].AsString;
            if (keys(key))
            {
                if (!found.TryGetValue(key, out var ids))
                {
                    found[key] = ids = [];
                }

                ids.Add(doc["_id"].AsInt64);
            }
        }

        return found;
    }

    public IReadOnlyList<BalanceMismatch> VerifyBalances()
    {
        var fromLedger = new Dictionary<string, QuarterAmounts>();
        foreach (var entry in _ledger.FindAll().Select(Bson.Entry))
        {
            var sum = fromLedger.GetValueOrDefault(entry.ProjectId, QuarterAmounts.Zero);
            fromLedger[entry.ProjectId] = sum.Add(entry.Quarter, entry.Amount);
        }

        return _balances.FindAll().Select(Bson.Balance)
            .Select(b => new BalanceMismatch(b.ProjectId, b.Actual, fromLedger.GetValueOrDefault(b.ProjectId, QuarterAmounts.Zero)))
            .Where(m => m.Stored != m.FromLedger)
            .ToList();
    }

    /// <summary>Ids are assigned here, in the writer's lock, so the ledger's order is the order of commits.</summary>
    private long NextId()
    {
        _lastId ??= _ledger.Count() == 0 ? 0 : _ledger.Max("_id").AsInt64;
        return _lastId.Value + 1;
    }
}
