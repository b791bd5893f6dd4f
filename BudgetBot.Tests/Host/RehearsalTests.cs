using BudgetBot.Host.Cli;

namespace BudgetBot.Tests.Host;

/// <summary><c>chat --at</c> runs a session at another time, so a rehearsal can live through a year; <c>--version</c> says what this is.</summary>
public sealed class RehearsalTests
{
    [Fact]
    public void ChatAt_RunsTheSessionAtThatTime()
    {
        var dir = Seed.TempDir();

        var (code, output) = Verb("จ่าย 7 100 ค่าวัสดุ\n", "chat", "--as", "local:admin", "--data-dir", dir, "--at", "2023-05-15T09:00");

        Assert.True(code == 0, output);
        Assert.Contains("100 บาท ลงวันที่ 15 พ.ค. 2566", output, StringComparison.Ordinal);

        // Without --at it is today again: a spend dated today is outside the demo's fiscal year 2566.
        var (_, today) = Verb("จ่าย 7 100 ค่าวัสดุ\n", "chat", "--as", "local:admin", "--data-dir", dir);
        Assert.DoesNotContain("15 พ.ค. 2566", today, StringComparison.Ordinal);
    }

    [Fact]
    public void ChatAt_ThatIsNotATime_IsRefused()
    {
        var (code, output) = Verb("", "chat", "--as", "local:admin", "--data-dir", Seed.TempDir(), "--at", "15 May");

        Assert.Equal(2, code);
        Assert.Contains("is not a time", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_IsPrinted()
    {
        var output = new StringWriter();

        Assert.Equal(0, CliVerbs.Usage(["--version"], output, output));
        Assert.Matches(@"^BudgetBot [0-9]+\.[0-9]+\.[0-9]+", output.ToString());
    }

    private static (int Code, string Output) Verb(string input, params string[] args)
    {
        var output = new StringWriter();
        var code = CliVerbs.Run(args, output, output, new StringReader(input));
        return (code, output.ToString());
    }
}
