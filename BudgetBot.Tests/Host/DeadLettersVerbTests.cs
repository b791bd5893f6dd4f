using BudgetBot.Domain.Ports;
using BudgetBot.Host.Cli;
using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Host;

/// <summary>The <c>dead-letters</c> verb lists set-aside events (also while the data dir is in use) and puts them back.</summary>
public sealed class DeadLettersVerbTests
{
    [Fact]
    public void List_WhileTheStoreIsOpen_ThenRetry_WhenItIsNot()
    {
        var dir = Seed.TempDir();
        var file = Path.Combine(dir, "budgetbot.db");
        using (var store = new LiteDbBudgetStore(file))
        {
            store.ReceiveAll([new InboundEvent("line:bad-one", "line", "{}", DateTimeOffset.UtcNow), new InboundEvent("line:good", "line", "{}", DateTimeOffset.UtcNow)]);
            Assert.True(store.Failed("line:bad-one", "mention index -5 is outside the text", 1));
            store.Processed("line:good");

            // The service holds the data dir: listing reads a consistent copy, retrying is refused.
            var (code, listed) = Verb(dir, "dead-letters");
            Assert.Equal(0, code);
            Assert.Contains("line:bad-one", listed, StringComparison.Ordinal);
            Assert.Contains("mention index -5", listed, StringComparison.Ordinal);
            Assert.DoesNotContain("line:good", listed, StringComparison.Ordinal);

            var (busy, refused) = Verb(dir, "dead-letters", "--retry", "line:bad-one");
            Assert.Equal(1, busy);
            Assert.Contains("another BudgetBot", refused, StringComparison.Ordinal);
        }

        var (retried, said) = Verb(dir, "dead-letters", "--retry", "line:bad-one");
        Assert.Equal(0, retried);
        Assert.Contains("1 event(s) back in the queue", said, StringComparison.Ordinal);
        Assert.Equal(2, Verb(dir, "dead-letters", "--retry", "line:no-such").Code);

        using var after = new LiteDbBudgetStore(file);
        Assert.Equal("line:bad-one", Assert.Single(after.Unprocessed(10)).Key);
        Assert.Empty(after.DeadLetterList(10));
    }

    [Fact]
    public async Task AWritingVerb_WhileTheServiceRuns_IsRefused_NotRunAlongside()
    {
        await using var host = await HostProcess.StartAsync();
        var (code, text, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["BudgetBot__DataDir"] = host.DataDir }, "import", Seed.Path);
        Assert.Equal(1, code);
        Assert.Contains("another BudgetBot", text + error, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Verb(string dir, params string[] args)
    {
        var output = new StringWriter();
        var code = CliVerbs.Run([.. args, "--data-dir", dir], output, output);
        return (code, output.ToString());
    }
}
