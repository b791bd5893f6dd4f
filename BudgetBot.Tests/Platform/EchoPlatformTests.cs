using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Platform;

public sealed class EchoPlatformTests
{
    [Fact]
    public async Task PlatformDefinedInTheTests_CarriesASpendAndItsReply()
    {
        var dataDir = Seed.WithOffice(Seed.TempDir());
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(
            [
                new("BudgetBot:DataDir", dataDir),
                new("BudgetBot:Admins:0", "echo:7001"),
            ]));
            b.ConfigureServices(s => s.AddEcho());
        });
        using var client = factory.CreateClient();
        var echo = factory.Services.GetRequiredService<EchoChannel>();

        using var body = new StringContent("""{"Id":"m1","Chat":"7001","User":"7001","Text":"/spend 7 1,500 1/3/2566 ค่าวัสดุ"}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/webhooks/echo", UriKind.Relative), body)).StatusCode);
        await PipelineIdle.WaitAsync(factory.Services);

        var (chat, reply) = Assert.Single(echo.Sent);
        Assert.Equal("7001", chat);
        Assert.Contains("บันทึกแล้ว โครงการ 7", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1,500", reply.Text, StringComparison.Ordinal);
        var store = factory.Services.GetRequiredService<BudgetBot.Host.Storage.IServiceStore>();
        Assert.Single(store.EntryIdsBySource(k => k.StartsWith("echo:", StringComparison.Ordinal)).Values.Single());
    }
}
