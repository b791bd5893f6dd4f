using BudgetBot.Host.Cli;

namespace BudgetBot.Tests.Host;

/// <summary>The README's walk-through, in its order, on a fresh data dir: import, a dry run of the reminders, a chat.</summary>
public sealed class WalkThroughTests
{
    [Fact]
    public void Import_ThenRemindDryRun_ThenChat_EachAnswers()
    {
        var dir = Seed.TempDir();
        var (imported, importText) = Verb(null, "import", Seed.Path, "--accept-repairs", "--data-dir", dir);
        Assert.True(imported == 0, importText);

        // No one is registered yet: the dry run still shows what is behind, and who to invite. --at without an offset is Bangkok time.
        var (dry, remind) = Verb(null, "remind", "--dry-run", "--at", "2023-03-24T09:00", "--data-dir", dir);
        Assert.Equal(0, dry);
        Assert.Contains("2023-03-24 09:00 +07:00", remind, StringComparison.Ordinal);
        Assert.Contains("ไม่มีผู้รับ", remind, StringComparison.Ordinal);
        Assert.Contains("39. ", remind, StringComparison.Ordinal);

        var (chatted, chat) = Verb("ยอด 7\n", "chat", "--as", "local:owner", "--data-dir", dir);
        Assert.Equal(0, chatted);
        Assert.Contains("โครงการ 7", chat, StringComparison.Ordinal);
        Assert.DoesNotContain("ยังไม่ได้ลงทะเบียน", chat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_SaysInOneLinePerPlatformWhetherItIsConfigured()
    {
        await using var telegram = await Fakes.FakeTelegramApi.StartAsync();
        var logs = new Logs();
        await using var host = Telegram.TelegramHost.Start(telegram, Seed.TempDir(), logs);

        Assert.Single(logs.Lines, l => l.Contains("Telegram: configured, long polling", StringComparison.Ordinal));
        Assert.Single(logs.Lines, l => l.Contains("LINE: not configured", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Demo mode", StringComparison.Ordinal));
    }

    private static (int Code, string Output) Verb(string? input, params string[] args)
    {
        var output = new StringWriter();
        var code = CliVerbs.Run(args, output, output, new StringReader(input ?? ""));
        return (code, output.ToString());
    }
}
