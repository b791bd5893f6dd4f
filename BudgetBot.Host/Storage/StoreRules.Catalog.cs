using System.Collections.Concurrent;
using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>
/// An office's catalog (its record, years, divisions and projects), the same for every store. It changes rarely (an
/// import, a project saved) and is read by nearly every message, so it is kept in memory per office: a store reads an
/// office's records at once and writes records only, and which project belongs to which office and year is decided here.
/// </summary>
internal abstract partial class StoreRules
{
    private readonly ConcurrentDictionary<string, OfficeCatalog> _catalogs = new();
    private readonly AsyncLocal<HashSet<string>?> _changing = new();
    private readonly Lock _catalogGate = new();
    private long _catalogGeneration;

    public abstract IReadOnlyList<Office> Offices();

    /// <summary>An office's record, its years (each with the document it was imported from), divisions and projects.</summary>
    protected abstract CatalogRows ReadCatalog(string officeId);

    /// <summary>Adds each record given, or replaces the one under its key.</summary>
    protected abstract void PutCatalog(CatalogRows rows);

    /// <summary>
    /// What a store shared by hosts says about an office's catalog, so a host reads it again after another host changed
    /// it; a store of one host sees every change here and keeps 0.
    /// </summary>
    protected virtual long CatalogVersion(string officeId) => 0;

    /// <summary>Inside the write's unit of work: a store shared by hosts moves the office's version on.</summary>
    protected virtual void CatalogChanged(string officeId)
    {
    }

    public Office? Office(string officeId) => Catalog(officeId).Office;

    public FiscalYearBudget? FiscalYear(string officeId, int fiscalYear) => Catalog(officeId).Years.GetValueOrDefault(fiscalYear).Year;

    public IReadOnlyList<int> FiscalYears(string officeId) => Catalog(officeId).FiscalYears;

    public IReadOnlyList<Division> Divisions(string officeId) => Catalog(officeId).Divisions;

    public IReadOnlyList<Project> Projects(string officeId, int fiscalYear) => Catalog(officeId).Projects.GetValueOrDefault(fiscalYear) ?? [];

    /// <summary>A project id is <c>office/year/number</c> (<see cref="Domain.Budget.Project.KeyFor"/>): its office's catalog has it.</summary>
    public Project? Project(string projectId) =>
        Domain.Budget.Project.OfficeOf(projectId) is { } office && Catalog(office).ById.TryGetValue(projectId, out var project) ? project : null;

    /// <summary>Only a project held is saved: anything else is a mistake of the caller's, not a new project.</summary>
    public void SaveProject(Project project) => InTransaction(() =>
    {
        _ = Project(project.Id) ?? throw new InvalidOperationException($"no project {project.Id}");
        WriteCatalog(project.OfficeId, new CatalogRows(null, [], [], [project]));
    });

    public void SaveYear(FiscalYearBudget year) => InTransaction(() =>
    {
        var held = Catalog(year.OfficeId).Years.GetValueOrDefault(year.FiscalYear);
        _ = held.Year ?? throw new InvalidOperationException($"no year {year.Id}");
        WriteCatalog(year.OfficeId, new CatalogRows(null, [(year, held.Source ?? "")], [], []));
    });

    /// <summary>A project added to a year held starts with no entries, so a spend on it finds its figures.</summary>
    public void AddProject(Project project) => InTransaction(() =>
    {
        if (Project(project.Id) is not null)
        {
            throw new InvalidOperationException($"project {project.Id} is held already");
        }

        WriteCatalog(project.OfficeId, new CatalogRows(null, [], [], [project]));
        PutFigures(project.OfficeId, ProjectBalance.Empty(project.Id));
    });

    /// <summary>The document an office's year was imported from; null for a year the store does not hold.</summary>
    private string? ImportedFrom(string officeId, int fiscalYear) => Catalog(officeId).Years.GetValueOrDefault(fiscalYear).Source;

    /// <summary>An office (name updated), a new year with its source, its divisions (updated) and its projects.</summary>
    private void AddYear(BudgetSnapshot snapshot) =>
        WriteCatalog(snapshot.Office.Id, new CatalogRows(snapshot.Office, [(snapshot.Year, snapshot.SourceId)], snapshot.Divisions, snapshot.Projects));

    private void WriteCatalog(string officeId, CatalogRows rows)
    {
        lock (_catalogGate)
        {
            (_changing.Value ??= []).Add(officeId);
            _catalogGeneration++;
            _catalogs.TryRemove(officeId, out _);
        }

        PutCatalog(rows);
        CatalogChanged(officeId);
    }

    /// <summary>
    /// Each store calls this as its outermost unit of work ends, committed or not: what the unit changed is read again,
    /// and a reader that read it before the end does not keep what it read.
    /// </summary>
    protected void UnitEnded()
    {
        if (_changing.Value is not { } changed)
        {
            return;
        }

        lock (_catalogGate)
        {
            _catalogGeneration++;
            foreach (var office in changed)
            {
                _catalogs.TryRemove(office, out _);
            }
        }

        _changing.Value = null;
    }

    /// <summary>A unit that changed the office reads it afresh and keeps nothing: its changes are not committed yet.</summary>
    private OfficeCatalog Catalog(string officeId)
    {
        if (_changing.Value?.Contains(officeId) == true)
        {
            return OfficeCatalog.Of(0, ReadCatalog(officeId));
        }

        var version = CatalogVersion(officeId);
        if (_catalogs.TryGetValue(officeId, out var cached) && cached.Version == version)
        {
            return cached;
        }

        var generation = Interlocked.Read(ref _catalogGeneration);
        var fresh = OfficeCatalog.Of(version, ReadCatalog(officeId));
        lock (_catalogGate)
        {
            if (_catalogGeneration == generation)
            {
                _catalogs[officeId] = fresh;
            }
        }

        return fresh;
    }

    /// <summary>Records of one office as a store keeps them; on a write, only those to add or replace.</summary>
    protected sealed record CatalogRows(
        Office? Office, IReadOnlyList<(FiscalYearBudget Year, string Source)> Years, IReadOnlyList<Division> Divisions, IReadOnlyList<Project> Projects);

    private sealed record OfficeCatalog(
        long Version, Office? Office, Dictionary<int, (FiscalYearBudget? Year, string? Source)> Years, IReadOnlyList<int> FiscalYears,
        IReadOnlyList<Division> Divisions, Dictionary<int, IReadOnlyList<Project>> Projects, Dictionary<string, Project> ById)
    {
        public static OfficeCatalog Of(long version, CatalogRows rows) => new(
            version,
            rows.Office,
            rows.Years.ToDictionary(y => y.Year.FiscalYear, y => ((FiscalYearBudget?)y.Year, (string?)y.Source)),
            [.. rows.Years.Select(y => y.Year.FiscalYear).Order()],
            [.. rows.Divisions.OrderBy(d => d.Order)],
            rows.Projects.GroupBy(p => p.FiscalYear).ToDictionary(g => g.Key, g => (IReadOnlyList<Project>)[.. g.OrderBy(p => p.Number)]),
            rows.Projects.ToDictionary(p => p.Id));
    }
}
