using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The budget store in one LiteDB file. Each write is one LiteDB transaction, or part of the caller's unit of work, so
/// a crash leaves either all of a change or none of it; <see cref="LiteDbDatabase"/> serialises the writes, because a
/// LiteDB transaction belongs to one thread.
/// </summary>
internal sealed partial class LiteDbBudgetStore : StoreRules, IServiceStore
{
    private readonly LiteDbDatabase _db;
    private readonly PendingQueue _pending;

    public LiteDbBudgetStore(string path)
        : this(new LiteDbDatabase(path))
    {
    }

    /// <summary>For tests whose log file refuses writes as a full disk would (see <see cref="LiteDbFiles.Open"/>).</summary>
    internal LiteDbBudgetStore(string path, Func<string, FileStream> openLog)
        : this(new LiteDbDatabase(path, openLog))
    {
    }

    /// <summary>For tests that keep the whole database in a stream.</summary>
    public LiteDbBudgetStore(Stream stream)
        : this(new LiteDbDatabase(stream))
    {
    }

    private LiteDbBudgetStore(LiteDbDatabase db)
    {
        _db = db;
        // Every collection and index is made here, at start-up: made lazily, a first write could race a reader of it.
        LedgerIndexes.Ensure(LedgerDocs);
        YearDocs.EnsureIndex("office");
        DivisionDocs.EnsureIndex("office");
        ProjectDocs.EnsureIndex("year");
        QueueIndexes.Ensure(InboxDocs, OutboxDocs);
        Rows(RowKind.Feed).EnsureIndex("feed");
        Rows(RowKind.BudgetEvents).EnsureIndex("group");
        Rows(RowKind.Receipts).EnsureIndex("group");
        Rows(RowKind.ReceiptFiles).EnsureIndex("group");
        AuditLog.EnsureIndex("office");
        foreach (var other in Shapes.Keys.Where(k => k != RowKind.Feed).Select(Rows).Concat([OfficeDocs, BalanceDocs, SentKeys]))
        {
            // EnsureIndex("_id") would not do: LiteDB treats that index as always there and creates nothing. An empty
            // insert creates the collection (seen as "page type must be collection page" in a reader racing the first write).
            other.InsertBulk([]);
        }

        _pending = new PendingQueue(FindItems(null, OutboxStatus.Pending, false, int.MaxValue));
        MoveGoneChats(DateTimeOffset.UtcNow);
    }

    public override IReadOnlyList<Office> Offices() => OfficeDocs.FindAll().Select(Bson.Office).ToList();

    protected override CatalogRows ReadCatalog(string officeId)
    {
        var years = YearDocs.Find(Where.Is("office", officeId)).Select(d => (Bson.Year(d), d["source"].AsString)).ToList();
        return new(
            OfficeDocs.FindById(officeId) is { } office ? Bson.Office(office) : null,
            years,
            DivisionDocs.Find(Where.Is("office", officeId)).Select(Bson.Division).ToList(),
            years.SelectMany(y => ProjectDocs.Find(Where.Is("year", y.Item1.Id))).Select(Bson.Project).ToList());
    }

    protected override void PutCatalog(CatalogRows rows)
    {
        if (rows.Office is { } office)
        {
            OfficeDocs.Upsert(Bson.Office(office));
        }

        YearDocs.Upsert(rows.Years.Select(y => Bson.Year(y.Year, y.Source)));
        DivisionDocs.Upsert(rows.Divisions.Select(Bson.Division));
        ProjectDocs.Upsert(rows.Projects.Select(Bson.Project));
    }

    public ProjectBalance Balance(string projectId) =>
        BalanceDocs.FindById(projectId) is { } d ? Bson.Balance(d) : ProjectBalance.Empty(projectId);

    public LedgerEntry? Entry(long entryId) => LedgerDocs.FindById(entryId) is { } d ? Bson.Entry(d) : null;

    public IReadOnlyList<LedgerEntry> History(string projectId, int max) =>
        LedgerDocs.Query().Where(LedgerIndexes.OfProject(projectId)).OrderByDescending(LedgerIndexes.ProjectOrder).Limit(max)
            .ToEnumerable().Select(Bson.Entry).ToList();

    public IReadOnlyList<LedgerEntry> Ledger(string officeId, int fiscalYear, string? projectId = null)
    {
        var projects = projectId is null ? Projects(officeId, fiscalYear).Select(p => p.Id).ToList() : [projectId];
        return projects.SelectMany(id => LedgerDocs.Find(LedgerIndexes.OfProject(id)).Select(Bson.Entry)).OrderBy(e => e.Id).ToList();
    }

    public LedgerEntry? LastEntryBy(string personId) =>
        LedgerDocs.Query().Where(Where.Is("by", personId)).OrderByDescending("_id").Limit(1).ToEnumerable().Select(Bson.Entry).FirstOrDefault();

    public bool IsReversed(long entryId) => LedgerDocs.Exists(Where.Is("rev", entryId));

    // Asked of the engine each time: after the disk failed a write, the files are opened again with another one.
    private ILiteCollection<BsonDocument> OfficeDocs => _db.Engine.GetCollection("offices");

    private ILiteCollection<BsonDocument> YearDocs => _db.Engine.GetCollection("years");

    private ILiteCollection<BsonDocument> DivisionDocs => _db.Engine.GetCollection("divisions");

    private ILiteCollection<BsonDocument> ProjectDocs => _db.Engine.GetCollection("projects");

    private ILiteCollection<BsonDocument> LedgerDocs => _db.Engine.GetCollection("ledger", BsonAutoId.Int64);

    private ILiteCollection<BsonDocument> BalanceDocs => _db.Engine.GetCollection("balances");

    public void Dispose() => _db.Dispose();
}
