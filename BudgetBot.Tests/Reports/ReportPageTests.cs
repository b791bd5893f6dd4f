using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Host;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace BudgetBot.Tests.Reports;

/// <summary>The report as a page for a phone: reached from /report, one office's figures, unguessable, expiring.</summary>
public sealed partial class ReportPageTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task ReportReply_LinksToThePage_WhichShowsTheTotalsAndFindings_AndExpires()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection([new("BudgetBot:DataDir", Seed.TempDir())])));
        using var client = factory.CreateClient();
        var engine = factory.Services.GetRequiredService<Domain.Conversation.ConversationEngine>();
        var reply = engine.Handle(new Domain.Conversation.IncomingMessage("local", "executive", Domain.Conversation.ChatKind.Private, "executive", "x", "รายงาน 6 เดือน", "m1", DateTimeOffset.UtcNow))[0];

        // The link is a button, not text: each channel opens it at the address people reach the service at.
        var path = Assert.Single(reply.AllButtons, b => b.Url is not null).Url!;
        Assert.Matches("^/reports/[0-9a-f]{32}$", path);
        Assert.DoesNotContain("/reports/", reply.Text, StringComparison.Ordinal);
        var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาระยอง เขต 2", html, StringComparison.Ordinal);
        Assert.Contains("862,370.00", html, StringComparison.Ordinal);
        Assert.Contains("แปดแสนหกหมื่นสองพันสามร้อยเจ็ดสิบบาทถ้วน", html, StringComparison.Ordinal);
        Assert.Contains("ข้อสังเกตจากการนำเข้า", html, StringComparison.Ordinal);
        Assert.Contains("ข้อมูล ณ วันที่ 31 มีนาคม 2566", html, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());

        // Guessed, altered and expired links are refused.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/reports/" + new string('0', 32), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(path[..^1] + (path[^1] == 'a' ? 'b' : 'a'), UriKind.Relative))).StatusCode);
        var store = factory.Services.GetRequiredService<IServiceStore>();
        // The host's own clock: in demo mode it runs in the demo year.
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        const string expired = "0123456789abcdef0123456789abcdef";
        store.SaveReportLink(new ReportLink(ReportLink.Hash(expired), store.Offices()[0].Id, 2566, "h1", now.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/reports/" + expired, UriKind.Relative))).StatusCode);
        const string foreign = "fedcba9876543210fedcba9876543210";
        store.SaveReportLink(new ReportLink(ReportLink.Hash(foreign), "another-office", 2566, "h1", now.AddDays(1)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/reports/" + foreign, UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task Page_At390Pixels_NeedsNoSidewaysScrolling()
    {
        SystemTests.Need(File.Exists(Chromium), "needs Debian's chromium package at /usr/bin/chromium (bash .ci/run installs it)");
        await using var host = await HostProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Url };
        using var playground = await http.PostAsync(new Uri("/playground/messages", UriKind.Relative),
            new StringContent("""{"identity":"local:executive","chat":"private","text":"รายงาน 6 เดือน"}""", System.Text.Encoding.UTF8, "application/json"));
        var answer = await playground.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var url = answer.EnumerateArray().SelectMany(r => r.GetProperty("buttons").EnumerateArray())
            .Select(b => b.GetProperty("url").GetString()).Single(u => u is not null)!;
        // The playground shows the link at its own address, absolute, as a phone would get it under PublicBaseUrl.
        Assert.StartsWith(host.Url.ToString().TrimEnd('/') + "/reports/", url, StringComparison.Ordinal);
        var path = LinkIn().Match(url).Value;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 3 });
        await page.GotoAsync(new Uri(host.Url, path).ToString());

        Assert.Contains("862,370.00", await page.ContentAsync(), StringComparison.Ordinal);
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"scrollWidth {scroll} > clientWidth {client}");
        // The first screen (844 px high) holds the office's headline: the total, what is paid and committed with their
        // rates, the plan to date and the cabinet's target, and the projects furthest behind begin on it.
        var headline = page.Locator("section.headline");
        await Assertions.Expect(headline).ToBeVisibleAsync();
        var first = await page.EvaluateAsync<string>("""
            [...document.querySelectorAll('section.headline dt, section.headline dd, section.headline li')]
              .filter(e => e.getBoundingClientRect().bottom <= window.innerHeight).map(e => e.textContent).join('\n')
            """);
        Assert.Contains("งบที่ได้รับจัดสรร", first, StringComparison.Ordinal);
        Assert.Contains("เบิกจ่ายแล้ว", first, StringComparison.Ordinal);
        Assert.Contains("เบิกจ่ายและผูกพัน", first, StringComparison.Ordinal);
        Assert.Contains("แผนถึงไตรมาส 2", first, StringComparison.Ordinal);
        Assert.Contains("เป้าหมาย ครม. ถึงไตรมาส 2", first, StringComparison.Ordinal);
        Assert.Contains("ต่ำกว่าแผน", first, StringComparison.Ordinal);
        Assert.Matches("ร้อยละ [0-9.]+", first);
        // Divisions come folded after it; the preamble (where the money came from) after them.
        Assert.True(await page.Locator("details.division").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("details.division[open]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("""
            document.querySelector('section.headline').compareDocumentPosition(document.querySelector('details.division')) & Node.DOCUMENT_POSITION_FOLLOWING
            """));
        Assert.True(await page.EvaluateAsync<bool>("""
            document.querySelector('details.division').compareDocumentPosition(document.querySelector('section.preamble')) & Node.DOCUMENT_POSITION_FOLLOWING
            """));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Environment.GetEnvironmentVariable("BUDGETBOT_CHARTS") ?? host.DataDir, "report-390.png") });
    }

    [GeneratedRegex(@"/reports/[0-9a-f]{32}")]
    private static partial Regex LinkIn();
}
