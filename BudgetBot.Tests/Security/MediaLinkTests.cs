using System.Net;
using BudgetBot.Host.Local;
using BudgetBot.Host.Options;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BudgetBot.Tests.Security;

/// <summary>Chart and report links: 128 random bits, expire after 7 days, and name nothing but a file of their own.</summary>
public sealed class MediaLinkTests
{
    [Fact]
    public void Ids_AreRandom128Bit_AndExpireAfterSevenDays()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var media = new MediaFiles(Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions { DataDir = Seed.TempDir() }), clock);

        var ids = Enumerable.Range(0, 200).Select(_ => media.Save([1], ".png").Id).ToList();
        Assert.Equal(200, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}\\.png$", id));

        Assert.NotNull(media.Find(ids[0]));
        clock.Advance(MediaFiles.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Null(media.Find(ids[0]));
    }

    [Theory]
    [InlineData("00000000000000000000000000000000.png")]
    [InlineData("..%2Fbudgetbot.db")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("budgetbot.db")]
    [InlineData("hangfire.db")]
    [InlineData("ABCDEF00000000000000000000000000.png")]
    public async Task UnknownOrCraftedIds_AreNotFound(string id)
    {
        var dir = Seed.TempDir();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection([new("BudgetBot:DataDir", dir)])));
        using var client = factory.CreateClient();
        var (real, _) = factory.Services.GetRequiredService<MediaFiles>().Save([1, 2, 3], ".png");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/media/" + real, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/media/" + id, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AReportDownloadsUnderItsOwnName_AChartShowsInline()
    {
        var dir = Seed.TempDir();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection([new("BudgetBot:DataDir", dir)])));
        using var client = factory.CreateClient();
        var media = factory.Services.GetRequiredService<MediaFiles>();
        var (report, _) = media.Save([1, 2, 3], ".xlsx", "รายงาน-2566-h1.xlsx");
        var (chart, _) = media.Save([1, 2, 3], ".png", "chart.png");

        using var file = await client.GetAsync(new Uri("/media/" + report, UriKind.Relative));
        using var image = await client.GetAsync(new Uri("/media/" + chart, UriKind.Relative));

        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("รายงาน-2566-h1.xlsx", file.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Null(image.Content.Headers.ContentDisposition);
    }
}
