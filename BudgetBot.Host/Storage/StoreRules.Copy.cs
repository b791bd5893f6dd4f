using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>
/// What <c>migrate</c> moves, read and written the same way for every store: the budget and the rows through the same
/// primitives as everything else, and only the ledger through a copy of its own (kept ids).
/// </summary>
internal abstract partial class StoreRules
{
    public abstract void Audit(AuditRecord record);

    /// <summary>The audit trail, oldest first.</summary>
    protected abstract IEnumerable<AuditRecord> AllAudit();

    /// <summary>Writes entries under the ids they have, and moves the ledger's next id past them.</summary>
    protected abstract void RestoreEntries(IReadOnlyList<LedgerEntry> entries);

    /// <summary>Everything the store holds.</summary>
    public StoreDump Dump() => Run(() =>
    {
        var dump = new StoreDump();
        foreach (var office in Offices())
        {
            dump.Offices.Add(office);
            dump.Divisions.AddRange(Divisions(office.Id));
            foreach (var year in FiscalYears(office.Id).Select(fy => FiscalYear(office.Id, fy)!))
            {
                dump.Years.Add(new DumpedYear(office.Id, year.Id, year.FiscalYear, ImportedFrom(office.Id, year.FiscalYear) ?? "", JsonPayload.Write(year)));
                dump.Projects.AddRange(Projects(office.Id, year.FiscalYear));
            }
        }

        dump.Ledger.AddRange(AllEntries());
        dump.Balances.AddRange(AllFigures());
        dump.Audit.AddRange(AllAudit().Select(a => (a.OfficeId, JsonPayload.Write(a))));
        dump.Inbox.AddRange(FindEvents(EventsIn.All, int.MaxValue));
        dump.Outbox.AddRange(FindItems(null, null, false, int.MaxValue));
        dump.SentKeys.AddRange(ArchivedKeys());
        dump.Rows.AddRange(AllRows());
        return dump;
    });

    /// <summary>Writes a dump into this store in one unit of work; refused unless the store holds no office and no entry.</summary>
    public void Load(StoreDump dump) => InTransaction(() =>
    {
        if (Offices().Count > 0 || AllEntries().Any())
        {
            throw new InvalidOperationException("the target store already holds data");
        }

        foreach (var y in dump.Years)
        {
            AddYear(new BudgetSnapshot(
                y.Source, dump.Offices.Single(o => o.Id == y.OfficeId), JsonPayload.Read<FiscalYearBudget>(y.Json),
                dump.Divisions.Where(d => d.OfficeId == y.OfficeId).ToList(), dump.Projects.Where(p => p.OfficeId == y.OfficeId && p.FiscalYear == y.FiscalYear).ToList(), []));
        }

        RestoreEntries(dump.Ledger);
        foreach (var (office, figures) in dump.Balances)
        {
            PutFigures(office, figures);
        }

        foreach (var (_, json) in dump.Audit)
        {
            Audit(JsonPayload.Read<AuditRecord>(json));
        }

        InsertEvents(dump.Inbox);
        dump.Outbox.ForEach(i => InsertItem(i));
        ArchiveItems(dump.SentKeys);
        PutRows(dump.Rows);
    });
}
