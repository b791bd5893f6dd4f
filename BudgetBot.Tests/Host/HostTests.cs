using System.Net.Http.Json;
using System.Text.Json;
using BudgetBot.Host.Cli;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BudgetBot.Tests.Host;

public sealed class HostTests
{
    [Fact]
    public async Task Host_OnEmptyDataDir_StartsAndImportsTheDemoOffice()
    {
        var dir = Seed.TempDir();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection([new("BudgetBot:DataDir", dir)])));
        using var client = factory.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(1, health.GetProperty("offices").GetInt32());
        Assert.True(File.Exists(Path.Combine(dir, "budgetbot.db")));
    }

    [Fact]
    public async Task Host_WithBadTimeZone_RefusesToStart()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection([new("BudgetBot:DataDir", Seed.TempDir()), new("BudgetBot:TimeZone", "Mars/Olympus")])));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("TimeZone", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ImportVerb_Json_PrintsOneObjectWithTheDocumentedKeys()
    {
        var dir = Seed.TempDir();
        using var output = new StringWriter();
        var code = CliVerbs.Run(["import", Seed.Path, "--json", "--data-dir", dir], output, TextWriter.Null);

        Assert.Equal(4, code); // the seed needs repairs, which were not accepted: nothing stored
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal("repairsnotaccepted", root.GetProperty("stored").GetString());
        Assert.Equal("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาระยอง เขต 2", root.GetProperty("office").GetString());
        Assert.Equal(2566, root.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(49, root.GetProperty("projects").GetInt32());
        Assert.Equal(10, root.GetProperty("divisions").GetArrayLength());
        Assert.Equal(1_975_480m, root.GetProperty("totals").GetProperty("allocated").GetDecimal());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(29, findings.Count);
        var row4 = findings.Single(f => f.GetProperty("row").ValueKind == JsonValueKind.Number && f.GetProperty("row").GetInt32() == 4);
        Assert.Equal(21_440m, row4.GetProperty("expected").GetDecimal());
        Assert.Equal(-21_440m, row4.GetProperty("difference").GetDecimal());
        Assert.Equal(21_440m, row4.GetProperty("repair").GetProperty("result").GetProperty("q1").GetDecimal());
        Assert.Equal("ผลสี่ไตรมาสรวมได้ 0.00 แต่ช่องงบประมาณที่ใช้จริงคือ 21,440.00", row4.GetProperty("message").GetString());
        Assert.Equal("ไตรมาส 1 ผล 0.00 → 21,440.00", row4.GetProperty("repair").GetProperty("description").GetString());
        Assert.Contains(findings, f => f.GetProperty("row").ValueKind == JsonValueKind.Null && f.GetProperty("check").GetString() == "project-envelope");
    }

    [Fact]
    public void ImportVerb_WithoutAcceptingRepairs_StoresNothing_ThenWithThem_StoresTheRepairedFigures()
    {
        var dir = Seed.TempDir();
        var first = new StringWriter();
        Assert.Equal(4, CliVerbs.Run(["import", Seed.Path, "--data-dir", dir], first, TextWriter.Null));
        Assert.Contains("ยังไม่ได้บันทึก", first.ToString(), StringComparison.Ordinal);

        var second = new StringWriter();
        Assert.Equal(0, CliVerbs.Run(["import", Seed.Path, "--accept-repairs", "--data-dir", dir], second, TextWriter.Null));
        Assert.Contains("บันทึกแล้ว", second.ToString(), StringComparison.Ordinal);

        using var store = new BudgetBot.Host.Storage.LiteDbBudgetStore(Path.Combine(dir, "budgetbot.db"));
        var office = Assert.Single(store.Offices()).Id;
        Assert.Equal(862_370m, store.Projects(office, 2566).Sum(p => store.Balance(p.Id).Actual.Total)); // the report's total row
    }

    [Fact]
    public void ExportVerb_AfterImport_WritesTheSpreadsheet()
    {
        var dir = Seed.TempDir();
        Assert.Equal(0, CliVerbs.Run(["import", Seed.Path, "--accept-repairs", "--data-dir", dir], TextWriter.Null, TextWriter.Null));
        var xlsx = Path.Combine(dir, "out", "report.xlsx");
        using var output = new StringWriter();

        Assert.Equal(0, CliVerbs.Run(["export", xlsx, "--fiscal-year", "2566", "--round", "h1", "--data-dir", dir], output, TextWriter.Null));
        Assert.True(new FileInfo(xlsx).Length > 1000);
        Assert.Equal(2, CliVerbs.Run(["export", xlsx, "--round", "q9", "--data-dir", dir], TextWriter.Null, TextWriter.Null));
    }

    [Theory]
    [InlineData("--help", 0)]
    [InlineData("backupp", 2)]
    [InlineData("nonsense", 2)]
    public void HelpOrUnknownVerb_PrintsTheVerbs_AndDoesNotStartTheService(string first, int expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(expected, CliVerbs.Usage([first, "--data-dir", "x"], output, error));

        Assert.Contains("import <file>", output.ToString() + error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceOptions_StartTheService()
    {
        Assert.Null(CliVerbs.Usage([], TextWriter.Null, TextWriter.Null));
        Assert.Null(CliVerbs.Usage(["--urls", "http://127.0.0.1:5099"], TextWriter.Null, TextWriter.Null));
    }
}
