using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BudgetBot.Host.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Host;

/// <summary>A data file the store cannot read stops the start and says how to restore; it is never replaced by demo data.</summary>
public sealed class DataFileTests
{
    [Fact]
    public async Task EmptyDataFile_IsRefused_NotReplacedByTheDemoOffice()
    {
        var dir = Seed.TempDir();
        var file = Path.Combine(dir, "budgetbot.db");
        await File.WriteAllBytesAsync(file, []);

        var (code, _, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["BudgetBot__DataDir"] = dir }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n'), l => l.StartsWith("BudgetBot cannot start", StringComparison.Ordinal));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("backup", line, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(file).Length);
    }

    [Fact]
    public async Task TruncatedDataFile_IsRefused()
    {
        var dir = Seed.WithOffice(Seed.TempDir());
        var file = Path.Combine(dir, "budgetbot.db");
        var length = new FileInfo(file).Length;
        Assert.True(length > 8192 * 4, "the import leaves a checkpointed data file");
        await using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(length / 2 / 8192 * 8192);
        }

        var (code, _, error) = await HostProcess.RunToExitAsync(new Dictionary<string, string> { ["BudgetBot__DataDir"] = dir }, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, code);
        Assert.Contains(file, Assert.Single(error.Split('\n'), l => l.StartsWith("BudgetBot cannot start", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataFileWithoutAnOffice_GetsNoDemoData()
    {
        var dir = Seed.TempDir();
        new LiteDbBudgetStore(Path.Combine(dir, "budgetbot.db")).Dispose();

        await using var factory = Host(dir);
        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal(0, health.GetProperty("offices").GetInt32());
    }

    [Fact]
    public async Task Healthz_WhenTheStoreCannotBeRead_Is503()
    {
        await using var factory = Host(Seed.TempDir());
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        factory.Services.GetRequiredService<IServiceStore>().Dispose();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    private static WebApplicationFactory<Program> Host(string dir) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection([new("BudgetBot:DataDir", dir)])));
}
