using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>Offices, years, projects, the ledger and each project's running figures.</summary>
internal sealed partial class PostgresStore
{
    public override IReadOnlyList<Office> Offices() =>
        Query("SELECT office_id, name FROM offices ORDER BY office_id", r => new Office(r.GetString(0), r.GetString(1)));

    public ProjectBalance Balance(string projectId) => WithUnitChanges(StoredBalance(projectId)?.Balance ?? ProjectBalance.Empty(projectId));

    /// <summary>The committed figures, with what this unit of work has appended to the project so far.</summary>
    private ProjectBalance WithUnitChanges(ProjectBalance stored) =>
        _unit.Value?.Balances.GetValueOrDefault(stored.ProjectId) is { } change
            ? stored with
            {
                Actual = stored.Actual.Add(1, change.Delta.Actual.Q1).Add(2, change.Delta.Actual.Q2).Add(3, change.Delta.Actual.Q3).Add(4, change.Delta.Actual.Q4),
                Entries = stored.Entries + change.Delta.Entries,
                LastEntryId = Math.Max(stored.LastEntryId, change.Delta.LastEntryId),
            }
            : stored;

    private (string Office, ProjectBalance Balance)? StoredBalance(string projectId) =>
        One("SELECT office_id, project_id, q1, q2, q3, q4, entries, last_entry FROM balances WHERE project_id = $1", r => (r.GetString(0), PostgresRows.ReadBalance(r, 1)), projectId);

    /// <summary>
    /// Adds the unit's changes to the running figures just before it commits, one project after another in the same
    /// order on every host: row locks taken in one order cannot deadlock.
    /// </summary>
    private void FlushBalances(UnitState unit)
    {
        foreach (var (projectId, change) in unit.Balances.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var d = change.Delta;
            Execute(
                """
                UPDATE balances SET q1 = q1 + $3, q2 = q2 + $4, q3 = q3 + $5, q4 = q4 + $6, entries = entries + $7, last_entry = greatest(last_entry, $8)
                WHERE office_id = $1 AND project_id = $2
                """,
                change.Office, projectId, d.Actual.Q1, d.Actual.Q2, d.Actual.Q3, d.Actual.Q4, d.Entries, d.LastEntryId);
        }

        unit.Balances.Clear();
    }

    public LedgerEntry? Entry(long entryId) => One($"SELECT {PostgresRows.EntryColumns} FROM ledger WHERE id = $1", PostgresRows.ReadEntry, entryId);

    public IReadOnlyList<LedgerEntry> History(string projectId, int max) =>
        Query($"SELECT {PostgresRows.EntryColumns} FROM ledger WHERE project_id = $1 ORDER BY id DESC LIMIT $2", PostgresRows.ReadEntry, projectId, max);

    public IReadOnlyList<LedgerEntry> Ledger(string officeId, int fiscalYear, string? projectId = null) =>
        Query(
            $"""
            SELECT {string.Join(", ", PostgresRows.EntryColumns.Split(", ").Select(c => "l." + c))} FROM ledger l
            JOIN projects p ON p.office_id = l.office_id AND p.id = l.project_id
            WHERE l.office_id = $1 AND p.fiscal_year = $2 AND ($3::text IS NULL OR l.project_id = $3)
            ORDER BY l.id
            """,
            PostgresRows.ReadEntry, officeId, fiscalYear, projectId);

    public LedgerEntry? LastEntryBy(string personId) =>
        One($"SELECT {PostgresRows.EntryColumns} FROM ledger WHERE by_person = $1 ORDER BY id DESC LIMIT 1", PostgresRows.ReadEntry, personId);

    public bool IsReversed(long entryId) => (bool)Scalar("SELECT EXISTS (SELECT 1 FROM ledger WHERE reverses = $1)", entryId)!;

    public LedgerEntry? EntryBySource(string officeId, string sourceKey) =>
        One($"SELECT {PostgresRows.EntryColumns} FROM ledger WHERE office_id = $1 AND source_key = $2", PostgresRows.ReadEntry, officeId, sourceKey);

    /// <summary>The committed figures with what this unit of work has added to them so far.</summary>
    public (string OfficeId, ProjectBalance Figures)? StoredFigures(string projectId) =>
        StoredBalance(projectId) is var (office, stored) ? (office, WithUnitChanges(stored)) : null;

    /// <summary>One statement: the entry goes in under the next id of the ledger's sequence, which it comes back with.</summary>
    public override LedgerEntry Insert(LedgerEntry draft) => draft with
    {
        Id = (long)Scalar($"INSERT INTO ledger ({PostgresRows.EntryColumns}) VALUES (nextval('ledger_ids'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            draft.OfficeId, draft.ProjectId, draft.Amount, draft.Date, draft.Note, draft.By, draft.SourceKey, draft.RecordedAt, draft.Reverses, draft.Category, draft.Document)!,
    };

    /// <remarks>
    /// The unique keys on the message and on the reversed entry make an append once whichever host makes it (a unit
    /// that loses that race runs again and finds the first). The figures are not locked here: the unit keeps each
    /// project's change and adds it to the row as it commits, projects in order (<see cref="FlushBalances"/>), so two
    /// hosts' batches touching the same projects wait for each other briefly instead of deadlocking.
    /// </remarks>
    public void MoveFigures(string officeId, ProjectBalance before, LedgerEntry entry)
    {
        var unit = _unit.Value!;
        var change = unit.Balances.GetValueOrDefault(entry.ProjectId) ?? new BalanceChange(officeId, ProjectBalance.Empty(entry.ProjectId));
        unit.Balances[entry.ProjectId] = change with { Delta = change.Delta.Apply(entry) };
    }

    protected override IEnumerable<LedgerEntry> AllEntries() => Query($"SELECT {PostgresRows.EntryColumns} FROM ledger ORDER BY id", PostgresRows.ReadEntry);

    protected override IEnumerable<(string OfficeId, ProjectBalance Figures)> AllFigures() =>
        Query("SELECT office_id, project_id, q1, q2, q3, q4, entries, last_entry FROM balances ORDER BY project_id", r => (r.GetString(0), PostgresRows.ReadBalance(r, 1)));

    protected override void PutFigures(string officeId, ProjectBalance b) =>
        Execute(
            """
            INSERT INTO balances (office_id, project_id, q1, q2, q3, q4, entries, last_entry) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (office_id, project_id) DO UPDATE SET q1 = excluded.q1, q2 = excluded.q2, q3 = excluded.q3, q4 = excluded.q4,
                entries = excluded.entries, last_entry = excluded.last_entry
            """,
            officeId, b.ProjectId, b.Actual.Q1, b.Actual.Q2, b.Actual.Q3, b.Actual.Q4, b.Entries, b.LastEntryId);

    protected override void RestoreEntries(IReadOnlyList<LedgerEntry> entries)
    {
        CopyLedger(entries);
        Execute("SELECT setval('ledger_ids', greatest((SELECT coalesce(max(id), 0) FROM ledger), 1))");
    }

    /// <summary>For <c>migrate</c>, by binary COPY: a ledger of a million entries moves in seconds, not one round trip per entry; a null goes as a null.</summary>
    private void CopyLedger(IReadOnlyList<LedgerEntry> entries)
    {
        using var copy = _db.UnitConnection!.BeginBinaryImport($"COPY ledger ({PostgresRows.EntryColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var e in entries)
        {
            copy.WriteRow(e.Id, e.OfficeId, e.ProjectId, e.Amount, e.Date, e.Note, e.By, e.SourceKey, e.RecordedAt.ToUniversalTime(), e.Reverses, e.Category, e.Document);
        }

        copy.Complete();
    }

    /// <summary>What a unit has appended to one project: entries, quarter amounts and the last id, added at commit.</summary>
    private sealed record BalanceChange(string Office, ProjectBalance Delta);
}
