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

    protected override CatalogRows ReadCatalog(string officeId)
    {
        var years = _years.Find(Where.Is("office", officeId)).Select(d => (Bson.Year(d), d["source"].AsString)).ToList();
        return new(
            _offices.FindById(officeId) is { } office ? Bson.Office(office) : null,
            years,
            _divisions.Find(Where.Is("office", officeId)).Select(Bson.Division).ToList(),
            years.SelectMany(y => _projects.Find(Where.Is("year", y.Item1.Id))).Select(Bson.Project).ToList());
    }

    protected override void PutCatalog(CatalogRows rows)
    {
        if (rows.Office is { } office)
        {
            _offices.Upsert(Bson.Office(office));
        }

        _years.Upsert(rows.Years.Select(y => Bson.Year(y.Year, y.Source)));
        _divisions.Upsert(rows.Divisions.Select(Bson.Division));
        _projects.Upsert(rows.Projects.Select(Bson.Project));
    }

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

    public LedgerEntry? LastEntryBy(string personId) =>
        _ledger.Query().Where(Where.Is("by", personId)).OrderByDescending("_id").Limit(1).ToEnumerable().Select(Bson.Entry).FirstOrDefault();

    public bool IsReversed(long entryId) => _ledger.Exists(Where.Is("rev", entryId));

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
