using System.Net.Http.Json;
using System.Text.Json;

namespace BudgetBot.Tests.Host;

/// <summary>What an operator starting the service by hand relies on: <c>--data-dir</c> is used, and the start says which version and which folder.</summary>
public sealed class OperatorStartTests
{
    [Fact]
    public async Task DataDirArgument_IsUsed_AndTheAbsolutePathAndVersionAreLogged()
    {
        var workingDirectory = Seed.TempDir();
        var office = Path.Combine(Seed.TempDir(), "office-a");
        Directory.CreateDirectory(office);
        var relative = Path.GetRelativePath(workingDirectory, office);

        await using var host = await HostProcess.StartAsync(office, null, workingDirectory, ["--data-dir", relative]);
        using var http = new HttpClient { BaseAddress = host.Url };
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.True(File.Exists(Path.Combine(office, "budgetbot.db")), "the data file is in the folder given");
        Assert.False(Directory.Exists(Path.Combine(workingDirectory, "data")), "nothing under ./data");
        Assert.Contains($"BudgetBot {BudgetBot.Host.Cli.CliVerbs.Version} starting; data in {office}", host.StartupLog, StringComparison.Ordinal);
        Assert.Equal(BudgetBot.Host.Cli.CliVerbs.Version, health.GetProperty("version").GetString());
    }
}
