using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>Offices, years, projects, the ledger and each project's running figures.</summary>
internal sealed partial class PostgresStore
{
    private const string EntryColumns = "id, office_id, project_id, amount, date, note, by_person, source_key, recorded_at, reverses";

    public IReadOnlyList<Office> Offices() =>
        Query("SELECT office_id, name FROM offices ORDER BY office_id", r => new Office(r.GetString(0), r.GetString(1)));

    public Office? Office(string officeId) =>
        One("SELECT office_id, name FROM offices WHERE office_id = $1", r => new Office(r.GetString(0), r.GetString(1)), officeId);

    public FiscalYearBudget? FiscalYear(string officeId, int fiscalYear) => Catalog(officeId).Years.GetValueOrDefault(fiscalYear);

    public IReadOnlyList<int> FiscalYears(string officeId) => [.. Catalog(officeId).Years.Keys.Order()];

    public IReadOnlyList<Division> Divisions(string officeId) => Catalog(officeId).Divisions;

    public Project? Project(string projectId) =>
        OfficeAndYear(projectId) is var (office, year)
            ? Projects(office, year).FirstOrDefault(p => p.Id == projectId)
            : One("SELECT json FROM projects WHERE id = $1", r => JsonPayload.Read<Project>(r.GetString(0)), projectId);

    public IReadOnlyList<Project> Projects(string officeId, int fiscalYear) => Catalog(officeId).Projects.GetValueOrDefault(fiscalYear) ?? [];

    public ProjectBalance Balance(string projectId) =>
        One("SELECT project_id, q1, q2, q3, q4, entries, last_entry FROM balances WHERE project_id = $1", ReadBalance, projectId) ?? ProjectBalance.Empty(projectId);

    public LedgerEntry? Entry(long entryId) => One($"SELECT {EntryColumns} FROM ledger WHERE id = $1", ReadEntry, entryId);

    public IReadOnlyList<LedgerEntry> History(string projectId, int max) =>
        Query($"SELECT {EntryColumns} FROM ledger WHERE project_id = $1 ORDER BY id DESC LIMIT $2", ReadEntry, projectId, max);

    public IReadOnlyList<LedgerEntry> Ledger(string officeId, int fiscalYear, string? projectId = null) =>
        Query(
            $"""
            SELECT {string.Join(", ", EntryColumns.Split(", ").Select(c => "l." + c))} FROM ledger l
            JOIN projects p ON p.office_id = l.office_id AND p.id = l.project_id
            WHERE l.office_id = $1 AND p.fiscal_year = $2 AND ($3::text IS NULL OR l.project_id = $3)
            ORDER BY l.id
            """,
            ReadEntry, officeId, fiscalYear, projectId);

    public LedgerEntry? LastEntryBy(string personId) =>
        One($"SELECT {EntryColumns} FROM ledger WHERE by_person = $1 ORDER BY id DESC LIMIT 1", ReadEntry, personId);

    public bool IsReversed(long entryId) => (bool)Scalar("SELECT EXISTS (SELECT 1 FROM ledger WHERE reverses = $1)", entryId)!;

    public void SaveProject(Project project) => InTransaction(() =>
    {
        Execute("UPDATE projects SET number = $3, json = $4 WHERE office_id = $1 AND id = $2", project.OfficeId, project.Id, project.Number, JsonPayload.Write(project));
        CatalogChanged(project.OfficeId);
    });

    /// <remarks>
    /// The project's running figures are locked first, so appends to one project take turns whichever host makes them;
    /// the unique keys on the message and on the reversed entry catch what a concurrent transaction slipped in (the
    /// unit then runs again and finds it).
    /// </remarks>
    public AppendOutcome Append(LedgerEntry draft) => Run(() =>
    {
        if (One($"SELECT {EntryColumns} FROM ledger WHERE office_id = $1 AND source_key = $2", ReadEntry, draft.OfficeId, draft.SourceKey) is { } seen)
        {
            return new AppendOutcome(AppendStatus.Duplicate, seen, Balance(seen.ProjectId));
        }

        if (One("SELECT project_id, q1, q2, q3, q4, entries, last_entry FROM balances WHERE office_id = $1 AND project_id = $2 FOR UPDATE", ReadBalance, draft.OfficeId, draft.ProjectId) is not { } balance)
        {
            return new AppendOutcome(AppendStatus.UnknownProject, null, null);
        }

        if (draft.Reverses is { } target)
        {
            if (Entry(target) is null)
            {
                return new AppendOutcome(AppendStatus.UnknownEntry, null, null);
            }

            if (IsReversed(target))
            {
                return new AppendOutcome(AppendStatus.AlreadyReversed, null, null);
            }
        }

        var entry = draft with { Id = (long)Scalar("SELECT nextval('ledger_ids')")! };
        InsertEntry(entry);
        var after = balance.Apply(entry);
        SaveBalance(draft.OfficeId, after);
        return new AppendOutcome(AppendStatus.Applied, entry, after);
    });

    public ImportWrite Import(BudgetSnapshot snapshot) => Run(() =>
    {
        if (Scalar("SELECT source FROM years WHERE office_id = $1 AND id = $2", snapshot.Office.Id, snapshot.Year.Id) is string source)
        {
            return source == snapshot.SourceId ? ImportWrite.Unchanged : ImportWrite.YearExists;
        }

        Execute("INSERT INTO offices (office_id, name) VALUES ($1, $2) ON CONFLICT (office_id) DO UPDATE SET name = excluded.name", snapshot.Office.Id, snapshot.Office.Name);
        Execute("INSERT INTO years (office_id, id, fiscal_year, source, json) VALUES ($1, $2, $3, $4, $5)",
            snapshot.Year.OfficeId, snapshot.Year.Id, snapshot.Year.FiscalYear, snapshot.SourceId, JsonPayload.Write(snapshot.Year));
        foreach (var d in snapshot.Divisions)
        {
            Execute("INSERT INTO divisions (office_id, id, name, ord) VALUES ($1, $2, $3, $4) ON CONFLICT (office_id, id) DO UPDATE SET name = excluded.name, ord = excluded.ord",
                d.OfficeId, d.Id, d.Name, d.Order);
        }

        foreach (var p in snapshot.Projects)
        {
            InsertProject(p);
        }

        var balances = snapshot.Projects.ToDictionary(p => p.Id, p => ProjectBalance.Empty(p.Id));
        foreach (var draft in snapshot.Entries)
        {
            var entry = draft with { Id = (long)Scalar("SELECT nextval('ledger_ids')")! };
            InsertEntry(entry);
            balances[entry.ProjectId] = balances[entry.ProjectId].Apply(entry);
        }

        foreach (var b in balances.Values)
        {
            SaveBalance(snapshot.Office.Id, b);
        }

        CatalogChanged(snapshot.Office.Id);
        return ImportWrite.Written;
    });

    public Dictionary<string, List<long>> EntryIdsBySource(Func<string, bool> keys)
    {
        var found = new Dictionary<string, List<long>>();
        foreach (var (key, id) in Query("SELECT source_key, id FROM ledger ORDER BY id", r => (r.GetString(0), r.GetInt64(1))).Where(x => keys(x.Item1)))
        {
            if (!found.TryGetValue(key, out var ids))
            {
                found[key] = ids = [];
            }

            ids.Add(id);
        }

        return found;
    }

    public IReadOnlyList<BalanceMismatch> VerifyBalances()
    {
        var fromLedger = new Dictionary<string, QuarterAmounts>();
        foreach (var entry in Query($"SELECT {EntryColumns} FROM ledger", ReadEntry))
        {
            fromLedger[entry.ProjectId] = fromLedger.GetValueOrDefault(entry.ProjectId, QuarterAmounts.Zero).Add(entry.Quarter, entry.Amount);
        }

        return Query("SELECT project_id, q1, q2, q3, q4, entries, last_entry FROM balances ORDER BY project_id", ReadBalance)
            .Select(b => new BalanceMismatch(b.ProjectId, b.Actual, fromLedger.GetValueOrDefault(b.ProjectId, QuarterAmounts.Zero)))
            .Where(m => m.Stored != m.FromLedger)
            .ToList();
    }

    public (long Entries, decimal Sum) LedgerTotals() =>
        One("SELECT count(*), coalesce(sum(amount), 0) FROM ledger", r => (r.GetInt64(0), r.GetDecimal(1)));

    private void InsertProject(Project p) =>
        Execute("INSERT INTO projects (office_id, id, fiscal_year, number, json) VALUES ($1, $2, $3, $4, $5)", p.OfficeId, p.Id, p.FiscalYear, p.Number, JsonPayload.Write(p));

    private void InsertEntry(LedgerEntry e) =>
        Execute($"INSERT INTO ledger ({EntryColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            e.Id, e.OfficeId, e.ProjectId, e.Amount, e.Date, e.Note, e.By, e.SourceKey, e.RecordedAt, e.Reverses);

    private void SaveBalance(string officeId, ProjectBalance b) =>
        Execute(
            """
            INSERT INTO balances (office_id, project_id, q1, q2, q3, q4, entries, last_entry) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (office_id, project_id) DO UPDATE SET q1 = excluded.q1, q2 = excluded.q2, q3 = excluded.q3, q4 = excluded.q4,
                entries = excluded.entries, last_entry = excluded.last_entry
            """,
            officeId, b.ProjectId, b.Actual.Q1, b.Actual.Q2, b.Actual.Q3, b.Actual.Q4, b.Entries, b.LastEntryId);

    private static LedgerEntry ReadEntry(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetFieldValue<DateOnly>(4), r.GetString(5), r.GetString(6), r.GetString(7),
        At(r, 8), r.IsDBNull(9) ? null : r.GetInt64(9));

    private static ProjectBalance ReadBalance(NpgsqlDataReader r) => new(
        r.GetString(0), new QuarterAmounts(r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(3), r.GetDecimal(4)), r.GetInt32(5), r.GetInt64(6));
}
