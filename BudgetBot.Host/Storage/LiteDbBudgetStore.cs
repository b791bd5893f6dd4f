using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The budget store in one LiteDB file. Each write is one LiteDB transaction, or part of the caller's unit of work, so
/// a crash leaves either all of a change or none of it; writes are serialised here because a LiteDB transaction
/// belongs to one thread.
/// </summary>
internal sealed partial class LiteDbBudgetStore : StoreRules, IServiceStore
{
    // Replaced together, under the write gate, when the files are opened again after the disk failed (Reopen.cs).
    private LiteDbFiles _files;
    private LiteDatabase _db;
    private readonly Lock _writeGate = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Project> _projectCache = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Project>> _yearCache = new();
    private ILiteCollection<BsonDocument> _offices;
    private ILiteCollection<BsonDocument> _years;
    private ILiteCollection<BsonDocument> _divisions;
    private ILiteCollection<BsonDocument> _projects;
    private ILiteCollection<BsonDocument> _ledger;
    private ILiteCollection<BsonDocument> _balances;

    public LiteDbBudgetStore(string path)
        : this(LiteDbFiles.Open(path))
    {
        _path = path;
    }

    /// <summary>For tests whose log file refuses writes as a full disk would (see <see cref="LiteDbFiles.Open"/>).</summary>
    internal LiteDbBudgetStore(string path, Func<string, FileStream> openLog)
        : this(LiteDbFiles.Open(path, openLog))
    {
        _path = path;
        _openLog = openLog;
    }

    /// <summary>For tests that keep the whole database in a stream.</summary>
    public LiteDbBudgetStore(Stream stream)
        : this(LiteDbFiles.InMemory(stream))
    {
    }

    private LiteDbBudgetStore(LiteDbFiles files)
    {
        Attach(files);
        // Every collection and index is made here, at start-up: made lazily, a first write could race a reader of it.
        LedgerIndexes.Ensure(_ledger);
        _years.EnsureIndex("office");
        _divisions.EnsureIndex("office");
        _projects.EnsureIndex("year");
        QueueIndexes.Ensure(InboxDocs, OutboxDocs);
        Rows(RowKind.Feed).EnsureIndex("feed");
        Rows(RowKind.BudgetEvents).EnsureIndex("group");
        Rows(RowKind.Receipts).EnsureIndex("group");
        Rows(RowKind.ReceiptFiles).EnsureIndex("group");
        AuditLog.EnsureIndex("office");
        foreach (var other in Shapes.Keys.Where(k => k != RowKind.Feed).Select(Rows).Concat([_offices, _balances, SentKeys]))
        {
            // EnsureIndex("_id") would not do: LiteDB treats that index as always there and creates nothing. An empty
            // insert creates the collection (seen as "page type must be collection page" in a reader racing the first write).
            other.InsertBulk([]);
        }

        MoveGoneChats(DateTimeOffset.UtcNow);
    }

    public override IReadOnlyList<Office> Offices() => _offices.FindAll().Select(Bson.Office).ToList();

    public Office? Office(string officeId) => _offices.FindById(officeId) is { } d ? Bson.Office(d) : null;

    public override FiscalYearBudget? FiscalYear(string officeId, int fiscalYear) =>
        _years.FindById(FiscalYearBudget.KeyFor(officeId, fiscalYear)) is { } d ? Bson.Year(d) : null;

    public override IReadOnlyList<int> FiscalYears(string officeId) =>
        _years.Find(Where.Is("office", officeId)).Select(d => d["fy"].AsInt32).Order().ToList();

    public override IReadOnlyList<Division> Divisions(string officeId) =>
        _divisions.Find(Where.Is("office", officeId)).Select(Bson.Division).OrderBy(d => d.Order).ToList();

    /// <summary>
    /// Projects change rarely and only through this store (the data file is opened exclusively), so they are kept
    /// in memory once read: a spend checks its project without a read transaction of its own.
    /// </summary>
    public Project? Project(string projectId)
    {
        if (_projectCache.TryGetValue(projectId, out var cached))
        {
            return cached;
        }

        var project = _projects.FindById(projectId) is { } d ? Bson.Project(d) : null;
        if (project is not null)
        {
            _projectCache[projectId] = project;
        }

        return project;
    }

    /// <summary>A year's projects, kept in memory like single projects: every spend picks its project from this list.</summary>
    public override IReadOnlyList<Project> Projects(string officeId, int fiscalYear) =>
        _yearCache.GetOrAdd(FiscalYearBudget.KeyFor(officeId, fiscalYear), year =>
            _projects.Find(Where.Is("year", year)).Select(Bson.Project).OrderBy(p => p.Number).ToList());

    public ProjectBalance Balance(string projectId) =>
        _balances.FindById(projectId) is { } d ? Bson.Balance(d) : ProjectBalance.Empty(projectId);

    public LedgerEntry? Entry(long entryId) => _ledger.FindById(entryId) is { } d ? Bson.Entry(d) : null;

    public IReadOnlyList<LedgerEntry> History(string projectId, int max) =>
        _ledger.Query().Where(LedgerIndexes.OfProject(projectId)).OrderByDescending(LedgerIndexes.ProjectOrder).Limit(max)
            .ToEnumerable().Select(Bson.Entry).ToList();

    public IReadOnlyList<LedgerEntry> Ledger(string officeId, int fiscalYear, string? projectId = null)
    {
        var projects = projectId is null ? Projects(officeId, fiscalYear).Select(p => p.Id).ToList() : [projectId];
        return projects.SelectMany(id => _ledger.Find(LedgerIndexes.OfProject(id)).Select(Bson.Entry)).OrderBy(e => e.Id).ToList();
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_files), nameof(_db), nameof(_offices), nameof(_years), nameof(_divisions), nameof(_projects), nameof(_ledger), nameof(_balances))]
    private void Attach(LiteDbFiles files)
    {
        _files = files;
        var db = _db = files.Database;
        _offices = db.GetCollection("offices");
        _years = db.GetCollection("years");
        _divisions = db.GetCollection("divisions");
        _projects = db.GetCollection("projects");
        _ledger = db.GetCollection("ledger", BsonAutoId.Int64);
        _balances = db.GetCollection("balances");
    }

    public void Dispose() => _files.Dispose();
}
