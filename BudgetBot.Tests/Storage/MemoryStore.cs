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

    public Office? Office(string officeId) => Read(() => _s.Offices.GetValueOrDefault(officeId));

    public override FiscalYearBudget? FiscalYear(string officeId, int fiscalYear) =>
        Read(() => _s.Years.TryGetValue(FiscalYearBudget.KeyFor(officeId, fiscalYear), out var y) ? y.Year : null);

    public override IReadOnlyList<int> FiscalYears(string officeId) =>
        Read(() => _s.Years.Values.Where(y => y.Year.OfficeId == officeId).Select(y => y.Year.FiscalYear).Order().ToList());

    public override IReadOnlyList<Division> Divisions(string officeId) => Read(() => _s.Divisions.Values.Where(d => d.OfficeId == officeId).OrderBy(d => d.Order).ToList());

    public Project? Project(string projectId) => Read(() => _s.Projects.GetValueOrDefault(projectId));

    public override IReadOnlyList<Project> Projects(string officeId, int fiscalYear) =>
        Read(() => _s.Projects.Values.Where(p => p.OfficeId == officeId && p.FiscalYear == fiscalYear).OrderBy(p => p.Number).ToList());

    public ProjectBalance Balance(string projectId) => Read(() => _s.Figures.TryGetValue(projectId, out var f) ? f.Figures : ProjectBalance.Empty(projectId));

    public LedgerEntry? Entry(long entryId) => Read(() => entryId >= 1 && entryId <= _s.Ledger.Count ? _s.Ledger[(int)entryId - 1] : null);

    public IReadOnlyList<LedgerEntry> History(string projectId, int max) =>
        Read(() => _s.Ledger.Where(e => e.ProjectId == projectId).Reverse().Take(max).ToList());

    public IReadOnlyList<LedgerEntry> Ledger(string officeId, int fiscalYear, string? projectId = null) =>
        Read(() => _s.Ledger.Where(e => (projectId ?? e.ProjectId) == e.ProjectId && _s.Projects.TryGetValue(e.ProjectId, out var p)
            && p.OfficeId == officeId && p.FiscalYear == fiscalYear).ToList());

    public void SaveProject(Project project) => Run(() => _s.Projects[project.Id] = project);

    public void SaveYear(FiscalYearBudget year) => Run(() => _s.Years[year.Id] = (year, _s.Years[year.Id].Source));

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

    protected override string? ImportedFrom(string officeId, string yearId) => _s.Years.TryGetValue(yearId, out var y) && y.Year.OfficeId == officeId ? y.Source : null;

    protected override void AddYear(BudgetSnapshot snapshot)
    {
        _s.Offices[snapshot.Office.Id] = snapshot.Office;
        _s.Years[snapshot.Year.Id] = (snapshot.Year, snapshot.SourceId);
        snapshot.Divisions.ToList().ForEach(d => _s.Divisions[d.Id] = d);
        snapshot.Projects.ToList().ForEach(p => _s.Projects[p.Id] = p);
    }

    protected override void InsertProject(Project project) => _s.Projects.Add(project.Id, project);

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
    public override IReadOnlyList<bool> ReceiveAll(IReadOnlyList<InboundEvent> events) =>
        Run(() => events.Select(e => _s.Inbox.TryAdd(e.Key, new Event(++_s.Seq, e, false, false))).ToList());

    public int Queued() => Read(() => _s.Inbox.Values.Count(e => !e.Done));

    public IReadOnlyList<InboundEvent> Unprocessed(int max) => Read(() => _s.Inbox.Values.Where(e => !e.Done).OrderBy(e => e.Seq).Take(max).Select(e => e.E).ToList());

    public IReadOnlyList<InboundEvent> Take(int max) => Unprocessed(max);

    public InboundEvent? TakeOne(string key) => Read(() => _s.Inbox.TryGetValue(key, out var e) && !e.Done ? e.E : null);

    public void Processed(string key) => ChangeEvent(key, e => e with { Done = true, E = e.E with { Payload = "" } });

    protected override (int Tries, bool Dead)? EventState(string key) => _s.Inbox.TryGetValue(key, out var e) ? (e.E.Attempts, e.Dead) : null;

    protected override void SetEventState(string key, int tries, string? error, bool done, bool dead) =>
        ChangeEvent(key, e => e with { E = e.E with { Attempts = tries, Error = error }, Done = done, Dead = dead });

    public override IReadOnlyList<InboundEvent> DeadLetters(int max) =>
        Read(() => _s.Inbox.Values.Where(e => e.Dead).OrderByDescending(e => e.Seq).Take(max).Select(e => e.E).ToList());

    public int ForgetProcessedEvents(DateTimeOffset before, int max) => Forget(d => d.Inbox, e => e.Value.Done && !e.Value.Dead && e.Value.E.At < before, max);

    // The outbox.
    protected override bool AddItem(OutboxItem routed) => !HasOutbox(routed.Key) && _s.Outbox.TryAdd(routed.Key, (++_s.Seq, routed));

    public bool HasOutbox(string key) => Read(() => _s.Outbox.ContainsKey(key) || _s.Sent.ContainsKey(key));

    public IReadOnlyList<OutboxItem> Pending(string platform, int max) => Outbox(OutboxStatus.Pending, int.MaxValue).Where(i => i.Platform == platform).Take(max).ToList();

    public IReadOnlyList<QueuedItem> Queue(string platform, int max) => Pending(platform, max).Select(i => new QueuedItem(i.Key, i.ChatId, i.DueAt)).ToList();

    public IReadOnlyList<OutboxItem> Items(IReadOnlyList<string> keys) => Read(() => keys.Where(_s.Outbox.ContainsKey).Select(k => _s.Outbox[k].Item).ToList());

    public IReadOnlyList<OutboxItem> Outbox(OutboxStatus status, int max) =>
        Read(() => _s.Outbox.Values.Where(i => i.Item.Status == status).OrderBy(i => i.Seq).Take(max).Select(i => i.Item).ToList());

    public IReadOnlyList<OutboxItem> Failed(int max) => Outbox(OutboxStatus.Failed, int.MaxValue).AsEnumerable().Reverse().Take(max).ToList();

    public IReadOnlyList<string> HoldChats(string platform, IReadOnlyList<string> chats) => chats;

    public void ReleaseChats(string platform, IReadOnlyList<string> chats)
    {
    }

    public void Claim(IReadOnlyList<string> keys) => Change(keys, i => i with { InFlight = true });

    public void Progress(string key, int partsSent) => Change([key], i => i with { PartsSent = partsSent });

    public void Complete(IReadOnlyList<OutboxUpdate> updates) => InTransaction(() =>
    {
        foreach (var u in updates)
        {
            Change([u.Key], i => i with { Status = u.Status, PartsSent = u.PartsSent, Attempts = u.Attempts, DueAt = u.DueAt, Error = u.Error, InFlight = false });
        }
    });

    public int ArchiveSent(DateTimeOffset before, int max) => Run(() =>
    {
        var old = Outbox(OutboxStatus.Sent, int.MaxValue).Where(i => i.DueAt < before).Take(max).ToList();
        foreach (var item in old)
        {
            _s.Sent[item.Key] = item.DueAt;
            _s.Outbox.Remove(item.Key);
        }

        return old.Count;
    });

    // Copies (StoreRules copies the rest).
    protected override IEnumerable<AuditRecord> AllAudit() => Read(() => _s.Audit.ToList());

    protected override (IEnumerable<DumpedEvent> Inbox, IEnumerable<DumpedItem> Outbox, IEnumerable<(string Key, DateTimeOffset At)> Sent) AllQueued() => Read(() => (
        _s.Inbox.Values.OrderBy(e => e.Seq).Select(e => new DumpedEvent(e.E.Key, e.E.Platform, e.E.Chat, e.E.Payload, e.E.At, e.Done, e.Dead, e.E.Attempts, e.E.Error)).ToList(),
        _s.Outbox.Values.OrderBy(i => i.Seq).Select(x => x.Item).Select(i =>
            new DumpedItem(i.Key, i.Platform, i.ChatId, i.Status.ToString(), i.DueAt, i.PartsSent, i.Attempts, i.Error, i.InFlight, JsonPayload.Write(i))).ToList(),
        (IEnumerable<(string, DateTimeOffset)>)_s.Sent.Select(s => (s.Key, s.Value)).ToList()));

    protected override void RestoreEntries(IReadOnlyList<LedgerEntry> entries) => _s.Ledger.AddRange(entries);

    protected override void RestoreQueued(StoreDump dump)
    {
        dump.Inbox.ForEach(e => _s.Inbox[e.Key] = new Event(++_s.Seq, new InboundEvent(e.Key, e.Platform, e.Payload, e.At) { Attempts = e.Tries, Error = e.Error, Chat = e.Chat }, e.Done, e.Dead));
        dump.Outbox.ForEach(o => _s.Outbox[o.Key] = (++_s.Seq, JsonPayload.Read<OutboxItem>(o.Json) with
        {
            Status = Enum.Parse<OutboxStatus>(o.Status), PartsSent = o.Parts, Attempts = o.Tries, DueAt = o.Due, Error = o.Error, InFlight = o.Sending,
        }));
        dump.SentKeys.ForEach(s => _s.Sent[s.Key] = s.At);
    }

    private bool ChangeEvent(string key, Func<Event, Event> change) => Run(() =>
    {
        if (!_s.Inbox.TryGetValue(key, out var e))
        {
            return false;
        }

        _s.Inbox[key] = change(e);
        return true;
    });

    private void Change(IReadOnlyList<string> keys, Func<OutboxItem, OutboxItem> change) => InTransaction(() =>
    {
        foreach (var key in keys.Where(_s.Outbox.ContainsKey))
        {
            _s.Outbox[key] = (_s.Outbox[key].Seq, change(_s.Outbox[key].Item));
        }
    });

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

    private sealed record Event(long Seq, InboundEvent E, bool Done, bool Dead);

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

        public Dictionary<string, Event> Inbox { get; private init; } = [];

        public Dictionary<string, (long Seq, OutboxItem Item)> Outbox { get; private init; } = [];

        public Dictionary<string, DateTimeOffset> Sent { get; private init; } = [];

        public long Seq { get; set; }

        public Data Copy() => new()
        {
            Offices = new(Offices), Years = new(Years), Divisions = new(Divisions), Projects = new(Projects), Ledger = [.. Ledger], Figures = new(Figures),
            Rows = new(Rows), Audit = [.. Audit], Inbox = new(Inbox), Outbox = new(Outbox), Sent = new(Sent), Seq = Seq,
        };
    }
}
