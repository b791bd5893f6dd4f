using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Jobs;
using BudgetBot.Host.Local;
using BudgetBot.Host.Options;
using BudgetBot.Tests.Conversation;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetBot.Tests.Storage;

/// <summary>The nightly retention job forgets old working records and never the ledger or the audit trail.</summary>
public abstract class RetentionContract(StoreKind kind) : IDisposable
{
    private static readonly DateTimeOffset Now = ChatFixture.Now;
    private static readonly DateTimeOffset Old = Now.AddDays(-45);
    private static readonly DateTimeOffset Recent = Now.AddDays(-2);
    private readonly ChatFixture _chat = new(kind: kind);

    public void Dispose()
    {
        _chat.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void OldWorkingRecordsGo_RecentOnesStay_LedgerAndAuditStay()
    {
        var store = _chat.Store;
        store.ReceiveAll([new InboundEvent("t:old", "telegram", "{}", Old), new InboundEvent("t:new", "telegram", "{}", Recent), new InboundEvent("t:dead", "telegram", "{}", Old)]);
        store.Processed("t:old");
        store.Processed("t:new");
        Assert.True(store.Failed("t:dead", "boom", 1));
        store.MarkHandled("h:old", Old, [new Reply("a")]);
        store.MarkHandled("h:new", Recent, [new Reply("b")]);
        store.AddToFeed("f:old", "local:owner", new Reply("c"), Old);
        store.AddToFeed("f:new", "local:owner", new Reply("d"), Recent);
        store.SavePending(new UndoEntry("p-old", _chat.OfficeId, null, Old, 1));
        store.SavePending(new UndoEntry("p-new", _chat.OfficeId, null, Now.AddDays(1), 1));
        _chat.Say("local:owner", "/spend 7 100", at: Old);
        var ledgerBefore = _chat.Figures(7).Used;
        var auditBefore = store.AuditTrail(_chat.OfficeId, 10_000).Count;

        var dataDir = Seed.TempDir();
        var options = Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions { DataDir = dataDir });
        var clock = new Clock(Now);
        var media = new MediaFiles(options, clock);
        var (_, oldFile) = media.Save([1, 2, 3], ".png");
        File.SetLastWriteTimeUtc(oldFile, Old.UtcDateTime);
        var (_, newFile) = media.Save([4, 5, 6], ".png");

        var result = new RetentionRun(store, media, options, clock, NullLogger<RetentionRun>.Instance).Run();

        Assert.Equal(1, result.Events);
        Assert.Null(store.HandledReplies("h:old"));
        Assert.NotNull(store.HandledReplies("h:new"));
        Assert.Null(store.Delivered("f:old"));
        Assert.NotNull(store.Delivered("f:new"));
        Assert.Null(store.Pending("p-old"));
        Assert.NotNull(store.Pending("p-new"));
        Assert.Single(store.DeadLetters(10));
        Assert.False(File.Exists(oldFile));
        Assert.True(File.Exists(newFile));
        Assert.Equal(ledgerBefore, _chat.Figures(7).Used);
        Assert.Equal(auditBefore, store.AuditTrail(_chat.OfficeId, 10_000).Count);
        Assert.Empty(store.VerifyBalances());

        // A second run finds nothing more to do.
        Assert.Equal(new RetentionResult(0, 0, 0, 0, 0), new RetentionRun(store, media, options, clock, NullLogger<RetentionRun>.Instance).Run());
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class RetentionTestsOnLiteDb() : RetentionContract(StoreKind.LiteDb);

public sealed class RetentionTestsOnPostgres() : RetentionContract(StoreKind.Postgres);

public sealed class RetentionTestsOnMemory() : RetentionContract(StoreKind.Memory);
