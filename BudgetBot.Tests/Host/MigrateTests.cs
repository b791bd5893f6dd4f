using BudgetBot.Host.Cli;
using BudgetBot.Host.Storage;
using BudgetBot.Host.Storage.Postgres;
using BudgetBot.Tests.Conversation;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Tests.Host;

/// <summary><c>migrate</c> moves an office's data dir into PostgreSQL and back, checked by its totals and every record.</summary>
public sealed class MigrateTests
{
    [SkippableFact]
    public void DataDir_ToPostgres_AndBack_KeepsEveryRecord_IdsAndFigures()
    {
        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        var dir = Seed.TempDir();
        var file = Path.Combine(dir, "budgetbot.db");
        using (var chat = new ChatFixture(new LiteDbBudgetStore(file)))
        {
            chat.Say("local:owner", "/spend 7 1,250.50 15/2/2566");
            chat.Say("local:owner", "/spend 8 300 1/11/2565");
            chat.Undo("local:owner");
            chat.Say("local:admin", "/subscribe weekly", Domain.Conversation.ChatKind.Group);
            chat.Store.Enqueue(new Domain.Ports.OutboxItem("weekly:test:demo-owner", "Reply", chat.OfficeId, null, "local:owner", new Domain.Conversation.Reply("สรุป"), ChatFixture.Now));
            chat.Store.Dispose();
        }

        var database = PostgresCluster.NewDatabase();
        var (toPostgres, said) = Migrate("postgres", dir, database);
        var back = Seed.TempDir();
        var (toLiteDb, saidBack) = Migrate("litedb", back, database);
        var (again, refused) = Migrate("postgres", dir, database);

        Assert.True(toPostgres == 0, said);
        Assert.True(toLiteDb == 0, saidBack);
        Assert.Equal(2, again);
        Assert.Contains("already holds data", refused, StringComparison.Ordinal);
        using var original = new LiteDbBudgetStore(file);
        using var postgres = PostgresStore.Open(database);
        using var returned = new LiteDbBudgetStore(Path.Combine(back, "budgetbot.db"));
        var expected = original.Dump();
        foreach (var copy in new IServiceStore[] { postgres, returned })
        {
            var dump = copy.Dump();
            Assert.Equal(expected.Ledger, dump.Ledger);
            Assert.Equal(expected.Balances.OrderBy(b => b.Balance.ProjectId), dump.Balances.OrderBy(b => b.Balance.ProjectId));
            Assert.Equal(expected.Audit, dump.Audit);
            Assert.Equal(Rows(expected), Rows(dump));
            Assert.Contains(dump.Rows, r => r.Kind == RowKind.Subscriptions);
            Assert.Equal(expected.Outbox.Select(o => (o.Key, o.Status)), dump.Outbox.Select(o => (o.Key, o.Status)));
            Assert.Equal(StoreDump.Totals(original), StoreDump.Totals(copy));
            Assert.Empty(copy.VerifyBalances());
            var undone = expected.Ledger.Single(e => e.Reverses is not null);
            Assert.True(copy.IsReversed(undone.Reverses!.Value));
            Assert.True(copy.HasOutbox("weekly:test:demo-owner"));
        }

        Assert.Contains("Totals and counts match", said, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutATarget_SaysHowToUseIt()
    {
        var output = new StringWriter();

        var code = CliVerbs.Run(["migrate", "--to", "mysql", "--data-dir", Seed.TempDir()], output, output);

        Assert.Equal(2, code);
        Assert.Contains("migrate --to postgres|litedb", output.ToString(), StringComparison.Ordinal);
    }

    private static (int Code, string Output) Migrate(string to, string dir, string connection)
    {
        var output = new StringWriter();
        var code = CliVerbs.Run(["migrate", "--to", to, "--data-dir", dir, "--connection", connection], output, output);
        return (code, output.ToString());
    }

    /// <summary>Every row's kind, key, value and whether it was used, in one order whatever store it came from.</summary>
    private static List<(RowKind, string, string, bool)> Rows(StoreDump dump) =>
        [.. dump.Rows.Select(r => (r.Kind, r.Row.Key, r.Row.Value, r.Row.Used)).OrderBy(r => r.Kind).ThenBy(r => r.Key, StringComparer.Ordinal)];
}
