using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>Imports, the ledger's totals and the check of the running figures against it, the same for every store.</summary>
internal abstract partial class StoreRules
{
    public abstract LedgerEntry Insert(LedgerEntry draft);

    /// <summary>Keeps a project's running figures as they are given (an import's first figures, a restored copy's).</summary>
    protected abstract void PutFigures(string officeId, ProjectBalance figures);

    /// <summary>Every entry, oldest first.</summary>
    protected abstract IEnumerable<LedgerEntry> AllEntries();

    /// <summary>Every project's running figures with its office.</summary>
    protected abstract IEnumerable<(string OfficeId, ProjectBalance Figures)> AllFigures();

    /// <summary>
    /// Writes an imported office year all at once or not at all: the same document again changes nothing, another one
    /// for a year already held is refused. Every entry gets the ledger's next id and moves its project's figures.
    /// </summary>
    public ImportWrite Import(BudgetSnapshot snapshot) => Run(() =>
    {
        if (ImportedFrom(snapshot.Office.Id, snapshot.Year.FiscalYear) is { } source)
        {
            return source == snapshot.SourceId ? ImportWrite.Unchanged : ImportWrite.YearExists;
        }

        AddYear(snapshot with { Projects = KeepOwners(snapshot) });
        var figures = snapshot.Projects.ToDictionary(p => p.Id, p => ProjectBalance.Empty(p.Id));
        foreach (var draft in snapshot.Entries)
        {
            var entry = Insert(draft);
            figures[entry.ProjectId] = figures[entry.ProjectId].Apply(entry);
        }

        foreach (var f in figures.Values)
        {
            PutFigures(snapshot.Office.Id, f);
        }

        return ImportWrite.Written;
    });

    /// <summary>
    /// A new year's project that carries on one of the year before (the same name) keeps its owners, so nobody has to be
    /// invited again each October.
    /// </summary>
    private List<Project> KeepOwners(BudgetSnapshot snapshot)
    {
        var before = Projects(snapshot.Office.Id, snapshot.Year.FiscalYear - 1);
        return [.. snapshot.Projects.Select(p => p.Owners.Count == 0 && before.FirstOrDefault(b => Same(b.Name, p.Name)) is { Owners.Count: > 0 } last ? p with { Owners = last.Owners } : p)];

        static bool Same(string a, string b) => string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)) == string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Recomputes every running figure from the ledger and lists those that differ (maintenance, after a crash).</summary>
    public IReadOnlyList<BalanceMismatch> VerifyBalances()
    {
        var fromLedger = new Dictionary<string, QuarterAmounts>();
        foreach (var entry in AllEntries())
        {
            fromLedger[entry.ProjectId] = fromLedger.GetValueOrDefault(entry.ProjectId, QuarterAmounts.Zero).Add(entry.Quarter, entry.Amount);
        }

        return AllFigures()
            .Select(f => new BalanceMismatch(f.Figures.ProjectId, f.Figures.Actual, fromLedger.GetValueOrDefault(f.Figures.ProjectId, QuarterAmounts.Zero)))
            .Where(m => m.Stored != m.FromLedger)
            .OrderBy(m => m.ProjectId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How many entries the ledger holds and their sum: what a copy or a move is checked by.</summary>
    public (long Entries, decimal Sum) LedgerTotals() =>
        AllEntries().Aggregate((Entries: 0L, Sum: 0m), (t, e) => (t.Entries + 1, t.Sum + e.Amount));

    /// <summary>Entry ids by the message they came from, for the keys chosen (maintenance and the exactly-once checks).</summary>
    public Dictionary<string, List<long>> EntryIdsBySource(Func<string, bool> keys) =>
        AllEntries().Where(e => keys(e.SourceKey)).GroupBy(e => e.SourceKey).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToList());
}
