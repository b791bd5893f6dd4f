using BudgetBot.Tests.Host;
using Microsoft.Playwright;

namespace BudgetBot.Tests.Browser;

/// <summary>
/// The playground in a real headless Chromium against the real host. Needs Debian's <c>chromium</c> package;
/// <c>.ci/run</c> installs it, elsewhere the test is skipped and says why.
/// </summary>
public sealed class PlaygroundBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task Playground_OwnerRecordsASpendAndAsksABalance_PageShowsTheFigures()
    {
        SystemTests.Need(File.Exists(Chromium), "needs Debian's chromium package at /usr/bin/chromium (bash .ci/run installs it)");
        // As the README runs it: no settings, the default relative data dir (./data), where media links once failed.
        await using var host = await HostProcess.StartLikeTheReadmeAsync(Seed.TempDir());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(host.Url.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await page.SelectOptionAsync("#person", "local:owner");
        await page.FillAsync("#text", "จ่าย 7 11,550 15 ก.พ. 66 ประชุมคณะกรรมการคัดเลือกครูดี");
        await page.ClickAsync("#send");
        var recorded = page.Locator(".bot").Nth(0);
        await Assertions.Expect(recorded).ToContainTextAsync("บันทึกแล้ว โครงการ 7");

        await page.FillAsync("#text", "ยอด 7");
        await page.ClickAsync("#send");
        var balance = page.Locator(".bot").Nth(1);
        // The balance is the card LINE gets, drawn from the same Flex message: a row per figure and the share paid.
        var card = balance.Locator(".flex-bubble");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("โครงการ 7");
        await Assertions.Expect(card).ToContainTextAsync("เบิกจ่ายแล้ว23,310 บาท");
        await Assertions.Expect(card).ToContainTextAsync("คงเหลือ63,550 บาท");
        await Assertions.Expect(card).ToContainTextAsync("เบิกจ่ายร้อยละ26.8");
        await Assertions.Expect(card).ToContainTextAsync("ของแผนถึงไตรมาส 3");
        if (Environment.GetEnvironmentVariable("BUDGETBOT_SCREENSHOTS") is { Length: > 0 } shots)
        {
            // How the README's picture of the playground is made: BUDGETBOT_SCREENSHOTS=docs/images dotnet test --filter Playground_
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "playground.png") });
        }

        // A tall window, so the message box fixed at the bottom covers none of the card in its picture.
        await page.SetViewportSizeAsync(1280, 1800);
        await card.ScrollIntoViewIfNeededAsync();
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Environment.GetEnvironmentVariable("BUDGETBOT_SCREENSHOTS") ?? host.DataDir, "balance-card.png") });

        // Tapping the undo button under the first reply restores the seed's figure.
        await recorded.Locator("button.choice").ClickAsync();
        await Assertions.Expect(page.Locator(".bot").Nth(2)).ToContainTextAsync("เบิกจ่ายแล้ว 11,760 บาท จากงบที่ได้รับจัดสรร 86,860 บาท");

        await page.FillAsync("#text", "กราฟ 7");
        await page.ClickAsync("#send");
        var chart = page.Locator(".bot").Nth(3).Locator("img");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        using (var http = new HttpClient { BaseAddress = host.Url })
        {
            var src = await chart.GetAttributeAsync("src");
            using var png = await http.GetAsync(new Uri(src!, UriKind.RelativeOrAbsolute));
            Assert.Equal(System.Net.HttpStatusCode.OK, png.StatusCode);
        }

        // The executive's report link downloads the spreadsheet.
        await page.SelectOptionAsync("#person", "local:executive");
        await page.FillAsync("#text", "รายงาน 6 เดือน");
        await page.ClickAsync("#send");
        var link = page.Locator(".bot a[download]").Last;
        await Assertions.Expect(link).ToBeVisibleAsync();
        var href = await link.GetAttributeAsync("href");
        // The page for phones is a link button, at the playground's own address.
        var open = page.Locator(".bot a.choice").Last;
        await Assertions.Expect(open).ToBeVisibleAsync();
        var pageHref = await open.GetAttributeAsync("href");
        Assert.StartsWith(host.Url.ToString().TrimEnd('/') + "/reports/", pageHref, StringComparison.Ordinal);
        Assert.StartsWith(host.Url.ToString().TrimEnd('/') + "/media/", href, StringComparison.Ordinal);
        using (var http = new HttpClient { BaseAddress = host.Url })
        {
            using var xlsx = await http.GetAsync(new Uri(href!, UriKind.RelativeOrAbsolute));
            Assert.Equal(System.Net.HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
            using var report = await http.GetAsync(new Uri(pageHref!, UriKind.Absolute));
            Assert.Contains("862,370.00", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(host.DataDir, "playground.png"), FullPage = true });
    }
}
