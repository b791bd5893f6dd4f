using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

/// <summary>What <c>migrate</c> relies on, on every store: a dump written into an empty store reads back the same.</summary>
public abstract class CopyContract(StoreKind kind)
{
    [SkippableFact]
    public void Dump_LoadedIntoAnEmptyStore_ReadsBackTheSame_AndALoadedStoreRefusesAnother()
    {
        using var source = StoreFixture.Seeded(kind, out var office);
        var spent = new Ledger(source).Spend(StoreFixture.ProjectId(office, 7), 250m, new DateOnly(2023, 2, 1), "x", "p", "k-copy", StoreFixture.At).Entry!;
        new Ledger(source).Reverse(spent.Id, "undo", "p", "k-copy-undo", StoreFixture.At);
        source.SavePerson(new Person("p", "Somchai") { Identities = ["telegram:42"], Roles = [new RoleGrant(office, Role.Admin, null)] });
        source.Audit(new AuditRecord(office, "p", "spend", "7 250", "k-copy", StoreFixture.At, Refused: false));
        source.ReceiveAll([new InboundEvent("telegram:1:9", "telegram", "{}", StoreFixture.At) { Chat = "telegram:1" }]);
        source.Enqueue(new OutboxItem("weekly:x", "Summary", office, null, "telegram:-5", new Reply("hi"), StoreFixture.At));
        source.SaveChatState(new ChatState(new ChatAddress("telegram", "-6"), Gone: true, StoreFixture.At));
        BudgetRules.Round(source, new BudgetEvent(office, 2566, BudgetEventKind.Round, 500m, new DateOnly(2023, 2, 1), "p", "k-round", StoreFixture.At) { Round = new AllocationRound(0, 500m, null) });
        BudgetRules.Transfer(source, new BudgetEvent(office, 2566, BudgetEventKind.Transfer, 100m, new DateOnly(2023, 2, 2), "p", "k-move", StoreFixture.At.AddSeconds(1))
        {
            From = StoreFixture.ProjectId(office, 9),
            To = StoreFixture.ProjectId(office, 7),
        });
        var dump = source.Dump();

        using var target = Stores.Open(kind);
        target.Load(dump);
        var again = target.Dump();

        Assert.Equal(dump.Ledger, again.Ledger);
        Assert.Equal(dump.Balances.OrderBy(b => b.Balance.ProjectId, StringComparer.Ordinal), again.Balances.OrderBy(b => b.Balance.ProjectId, StringComparer.Ordinal));
        Assert.Equal(dump.Years.Select(y => (y.Id, y.Source)), again.Years.Select(y => (y.Id, y.Source)));
        Assert.Equal(dump.Projects.Count, again.Projects.Count);
        Assert.Equal(dump.Audit, again.Audit);
        Assert.Equal(dump.Inbox.Select(e => e.Key), again.Inbox.Select(e => e.Key));
        Assert.Equal(dump.Outbox.Select(o => (o.Key, o.Status)), again.Outbox.Select(o => (o.Key, o.Status)));
        Assert.Equal(Rows(dump), Rows(again));
        Assert.True(target.IsReversed(spent.Id));
        Assert.Equal(source.BudgetEvents(office, 2566), target.BudgetEvents(office, 2566));
        Assert.Equal(3, target.FiscalYear(office, 2566)!.Rounds.Count);
        Assert.Equal(source.Project(StoreFixture.ProjectId(office, 7))!.Allocation, target.Project(StoreFixture.ProjectId(office, 7))!.Allocation);
        Assert.Empty(target.VerifyBalances());
        Assert.Equal("Somchai", target.PersonByIdentity("telegram:42")!.DisplayName);
        Assert.Throws<InvalidOperationException>(() => target.Load(dump));
    }

    private static List<(RowKind, string, string, bool)> Rows(StoreDump dump) =>
        [.. dump.Rows.Select(r => (r.Kind, r.Row.Key, r.Row.Value, r.Row.Used)).OrderBy(r => r.Kind).ThenBy(r => r.Key, StringComparer.Ordinal)];
}

public sealed class CopyTestsOnLiteDb() : CopyContract(StoreKind.LiteDb);

public sealed class CopyTestsOnPostgres() : CopyContract(StoreKind.Postgres);

public sealed class CopyTestsOnMemory() : CopyContract(StoreKind.Memory);
