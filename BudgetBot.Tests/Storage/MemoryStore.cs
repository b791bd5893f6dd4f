using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

/// <summary>
/// The store kept in memory: proof that a store only finds and keeps rows, since every rule is <see cref="StoreRules"/>'
/// and the contract tests pass on this as on LiteDB and PostgreSQL. A unit of work runs under one lock on a copy of the
/// state, which replaces the state when the work returns and is dropped when it throws.
/// </summary>
internal sealed class MemoryStore : StoreRules, IServiceStore
{
    private readonly Lock _gate = new();
    private Data _s = new();
    private bool _inUnit;
    private bool _disposed;

    public bool IsNew => true;

    public override T Run<T>(Func<T> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_inUnit)
            {
                return work();
            }

            var before = _s;
            _s = before.Copy();
            _inUnit = true;
            try
            {
                var result = work();
                Committed();
                return result;
            }
            catch
            {
                _s = before;
                throw;
            }
            finally
            {
                _inUnit = false;
                UnitEnded();
            }
        }
    }

    public void Probe() => Read(() => 0);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    // The budget.
    public override IReadOnlyList<Office> Offices() => Read(() => _s.Offices.Values.OrderBy(o => o.Id, StringComparer.Ordinal).ToList());

    protected override CatalogRows ReadCatalog(string officeId) => Read(() => new CatalogRows(
        _s.Offices.GetValueOrDefault(officeId), [.. _s.Years.Values.Where(y => y.Year.OfficeId == officeId)],
        [.. _s.Divisions.Values.Where(d => d.OfficeId == officeId)], [.. _s.Projects.Values.Where(p => p.OfficeId == officeId)]));

    protected override void PutCatalog(CatalogRows rows) => InTransaction(() =>
    {
        if (rows.Office is { } office)
        {
            _s.Offices[office.Id] = office;
        }

        rows.Years.ToList().ForEach(y => _s.Years[y.Year.Id] = y);
        rows.Divisions.ToList().ForEach(d => _s.Divisions[d.Id] = d);
        rows.Projects.ToList().ForEach(p => _s.Projects[p.Id] = p);
    });

    public ProjectBalance Balance(string projectId) => Read(() => _s.Figures.TryGetValue(projectId, out var f) ? f.Figures : ProjectBalance.Empty(projectId));

    public LedgerEntry? Entry(long entryId) => Read(() => entryId >= 1 && entryId <= _s.Ledger.Count ? _s.Ledger[(int)entryId - 1] : null);

    public IReadOnlyList<LedgerEntry> History(string projectId, int max) =>
        Read(() => _s.Ledger.Where(e => e.ProjectId == projectId).Reverse().Take(max).ToList());

    public IReadOnlyList<LedgerEntry> Ledger(string officeId, int fiscalYear, string? projectId = null) =>
        Read(() => _s.Ledger.Where(e => (projectId ?? e.ProjectId) == e.ProjectId && _s.Projects.TryGetValue(e.ProjectId, out var p)
            && p.OfficeId == officeId && p.FiscalYear == fiscalYear).ToList());

    public LedgerEntry? LastEntryBy(string personId) => Read(() => _s.Ledger.LastOrDefault(e => e.By == personId));

    public bool IsReversed(long entryId) => Read(() => _s.Ledger.Any(e => e.Reverses == entryId));

    public LedgerEntry? EntryBySource(string officeId, string sourceKey) =>
        Read(() => _s.Ledger.FirstOrDefault(e => e.OfficeId == officeId && e.SourceKey == sourceKey));

    public (string OfficeId, ProjectBalance Figures)? StoredFigures(string projectId) => Read(() => _s.Figures.TryGetValue(projectId, out var f) ? f : ((string, ProjectBalance)?)null);

    public override LedgerEntry Insert(LedgerEntry draft) => Run(() =>
    {
        var entry = draft with { Id = _s.Ledger.Count + 1 };
        _s.Ledger.Add(entry);
        return entry;
    });

    public void MoveFigures(string officeId, ProjectBalance before, LedgerEntry entry) => Run(() => _s.Figures[entry.ProjectId] = (officeId, before.Apply(entry)));

    protected override void PutFigures(string officeId, ProjectBalance figures) => _s.Figures[figures.ProjectId] = (officeId, figures);

    protected override IEnumerable<LedgerEntry> AllEntries() => Read(() => _s.Ledger.ToList());

    protected override IEnumerable<(string OfficeId, ProjectBalance Figures)> AllFigures() => Read(() => _s.Figures.Values.ToList());

    // Rows and the audit trail.
    protected override StoredRow? GetRow(RowKind kind, string key) => Read(() => _s.Rows.TryGetValue((kind, key), out var r) ? r.Row : null);

    protected override void PutRow(RowKind kind, StoredRow row) => Run(() => _s.Rows[(kind, row.Key)] = (++_s.Seq, row));

    protected override bool TakeRow(RowKind kind, string key) => Run(() =>
    {
        if (!_s.Rows.TryGetValue((kind, key), out var r) || r.Row.Used)
        {
            return false;
        }

        _s.Rows[(kind, key)] = (r.Seq, r.Row with { Used = true });
        return true;
    });

    protected override IReadOnlyList<StoredRow> FindRows(RowKind kind, string? group, int max) => Read(() =>
    {
        var rows = _s.Rows.Where(r => r.Key.Item1 == kind).Select(r => r.Value);
        return (group is null ? rows.OrderBy(r => r.Row.Key, StringComparer.Ordinal) : rows.Where(r => r.Row.Group == group).OrderByDescending(r => r.Seq))
            .Take(max).Select(r => r.Row).ToList();
    });

    protected override int ForgetRows(RowKind kind, DateTimeOffset before, int max) =>
        Forget(d => d.Rows, r => r.Key.Item1 == kind && r.Value.Row.At < before, max);

    public override void Audit(AuditRecord record) => InTransaction(() => _s.Audit.Add(record));

    public IReadOnlyList<AuditRecord> AuditTrail(string officeId, int max) => Read(() => _s.Audit.Where(a => a.OfficeId == officeId).Reverse().Take(max).ToList());

    // The inbox.
    protected override IReadOnlyList<bool> InsertEvents(IReadOnlyList<EventRow> events) =>
        Run(() => events.Select(e => _s.Inbox.TryAdd(e.Key, (++_s.Seq, e))).ToList());

    public int Queued() => Read(() => _s.Inbox.Values.Count(e => !e.Row.Done));

    protected override IReadOnlyList<EventRow> FindEvents(EventsIn which, int max) => Read(() =>
    {
        var events = _s.Inbox.Values.OrderBy(e => e.Seq).Select(e => e.Row);
        return (which switch { EventsIn.Waiting => events.Where(e => !e.Done), EventsIn.Dead => events.Where(e => e.Dead).Reverse(), _ => events }).Take(max).ToList();
    });

    protected override EventRow? GetEvent(string key) => Read(() => _s.Inbox.TryGetValue(key, out var e) ? e.Row : null);

    protected override void PutEvent(EventRow e) => InTransaction(() =>
    {
        if (_s.Inbox.TryGetValue(e.Key, out var was))
        {
            _s.Inbox[e.Key] = (was.Seq, e);
        }
    });

    public void Processed(string key) => InTransaction(() =>
    {
        if (GetEvent(key) is { } e)
        {
            PutEvent(e with { Done = true, Payload = "" });
        }
    });

    public int ForgetProcessedEvents(DateTimeOffset before, int max) => Forget(d => d.Inbox, e => e.Value.Row is { Done: true, Dead: false } r && r.At < before, max);

    // The outbox.
    protected override bool InsertItem(ItemRow item) => Run(() => !_s.Sent.ContainsKey(item.Key) && _s.Outbox.TryAdd(item.Key, (++_s.Seq, item)));

    protected override bool IsArchived(string key) => Read(() => _s.Sent.ContainsKey(key));

    protected override IReadOnlyList<ItemRow> GetItems(IReadOnlyList<string> keys) => Read(() => keys.Where(_s.Outbox.ContainsKey).Select(k => _s.Outbox[k].Item).ToList());

    protected override void PutItems(IReadOnlyList<ItemRow> items) => InTransaction(() =>
    {
        foreach (var i in items.Where(i => _s.Outbox.ContainsKey(i.Key)))
        {
            _s.Outbox[i.Key] = (_s.Outbox[i.Key].Seq, i);
        }
    });

    protected override IReadOnlyList<ItemRow> FindItems(string? platform, OutboxStatus? status, bool newestFirst, int max) => Read(() =>
    {
        var items = _s.Outbox.Values.Where(i => (platform ?? i.Item.Platform) == i.Item.Platform && (status ?? i.Item.Status) == i.Item.Status).Select(i => (i.Seq, i.Item));
        return (newestFirst ? items.OrderByDescending(i => i.Seq) : items.OrderBy(i => i.Seq)).Take(max).Select(i => i.Item).ToList();
    });

    protected override void ArchiveItems(IReadOnlyList<(string Key, DateTimeOffset At)> sent) => InTransaction(() =>
    {
        foreach (var (key, at) in sent)
        {
            _s.Sent[key] = at;
            _s.Outbox.Remove(key);
        }
    });

    protected override IReadOnlyList<(string Key, DateTimeOffset At)> ArchivedKeys() => Read(() => _s.Sent.Select(s => (s.Key, s.Value)).ToList());

    // Copies (StoreRules copies the rest).
    protected override IEnumerable<AuditRecord> AllAudit() => Read(() => _s.Audit.ToList());

    protected override void RestoreEntries(IReadOnlyList<LedgerEntry> entries) => _s.Ledger.AddRange(entries);

    /// <summary>The dictionary is picked inside the unit: the state the unit works on is a copy made as it starts.</summary>
    private int Forget<TKey, TValue>(Func<Data, Dictionary<TKey, TValue>> pick, Func<KeyValuePair<TKey, TValue>, bool> old, int max)
        where TKey : notnull => Run(() =>
    {
        var from = pick(_s);
        var keys = from.Where(old).Take(max).Select(x => x.Key).ToList();
        keys.ForEach(k => from.Remove(k));
        return keys.Count;
    });

    /// <summary>Reads see the state between units, or the unit's own copy when called inside one.</summary>
    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return read();
        }
    }

    private sealed class Data
    {
        public Dictionary<string, Office> Offices { get; private init; } = [];

        public Dictionary<string, (FiscalYearBudget Year, string Source)> Years { get; private init; } = [];

        public Dictionary<string, Division> Divisions { get; private init; } = [];

        public Dictionary<string, Project> Projects { get; private init; } = [];

        public List<LedgerEntry> Ledger { get; private init; } = [];

        public Dictionary<string, (string OfficeId, ProjectBalance Figures)> Figures { get; private init; } = [];

        public Dictionary<(RowKind, string), (long Seq, StoredRow Row)> Rows { get; private init; } = [];

        public List<AuditRecord> Audit { get; private init; } = [];

        public Dictionary<string, (long Seq, EventRow Row)> Inbox { get; private init; } = [];

        public Dictionary<string, (long Seq, ItemRow Item)> Outbox { get; private init; } = [];

        public Dictionary<string, DateTimeOffset> Sent { get; private init; } = [];

        public long Seq { get; set; }

        public Data Copy() => new()
        {
            Offices = new(Offices), Years = new(Years), Divisions = new(Divisions), Projects = new(Projects), Ledger = [.. Ledger], Figures = new(Figures),
            Rows = new(Rows), Audit = [.. Audit], Inbox = new(Inbox), Outbox = new(Outbox), Sent = new(Sent), Seq = Seq,
        };
    }
}
