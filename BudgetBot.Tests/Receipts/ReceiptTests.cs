using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BudgetBot.Host.Cli;
using BudgetBot.Host.Reports;
using BudgetBot.Host.Storage;
using BudgetBot.Host.Storage.Postgres;
using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Line;
using BudgetBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Receipts;

/// <summary>
/// A receipt's photo on both platforms, end to end: sent right after a spend (or after <c>/receipt</c>), fetched from
/// the platform's fake, kept with the entry, opened from <c>/history</c>'s button, the audit trail and the report
/// page, and still there in a backup and after <c>migrate</c>.
/// </summary>
public sealed partial class ReceiptTests
{
    private const string Site = "https://budget.example.go.th";
    private const string Secret = "receipt-secret";

    [SkippableFact]
    public async Task Telegram_PhotoAfterASpend_IsKeptWithTheEntry_OpensFromHistoryAndTheReportPage_AndIsInTheBackupAndAfterMigrate()
    {
        var dir = Seed.WithOffice(Seed.TempDir());
        var picture = Picture(1);
        long entry;
        await using (var fake = await FakeTelegramApi.StartAsync())
        await using (var host = TelegramHost.Start(fake, dir, ("BudgetBot:PublicBaseUrl", Site), ("BudgetBot:Telegram:WebhookSecret", Secret)))
        {
            // With a public address Telegram delivers by webhook: each update the fake makes is posted as Telegram would.
            var client = host.CreateClient();
            await fake.WaitFor(c => c.Method == "setWebhook");
            async Task Deliver(Action enqueue)
            {
                enqueue();
                Assert.Equal(HttpStatusCode.OK, (await FakeWebhooks.PostTelegramAsync(client, fake.LastUpdate(), Secret)).StatusCode);
            }

            await Deliver(() => fake.EnqueueText(1001, 1001, "/spend 7 2,400 15/2/2566 ค่าวัสดุ"));
            var recorded = await fake.WaitFor(c => c.ChatId == 1001 && c.Text.StartsWith("บันทึกแล้ว", StringComparison.Ordinal));
            await Deliver(() => fake.EnqueuePhoto(1001, 1001, picture));
            var kept = await fake.WaitFor(c => c.ChatId == 1001 && c.Text.Contains("เก็บรูปใบเสร็จกับรายการ #", StringComparison.Ordinal));
            entry = long.Parse(EntryNumber().Match(kept.Text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("(ใบที่ 1)", kept.Text, StringComparison.Ordinal);

            // A photo nobody addressed, in a group, is somebody's picture: not a receipt, and not answered.
            await Deliver(() => fake.EnqueuePhoto(-1001234567890, 1001, Picture(9), chatType: "supergroup"));
            var store = host.Services.GetRequiredService<IServiceStore>();
            await Fetched(store, 1);
            await PipelineIdle.WaitAsync(host.Services);
            Assert.Empty(fake.Sent(-1001234567890));
            var receipt = Assert.Single(store.Receipts(store.Offices().Single().Id, 2566));
            Assert.Equal(entry, receipt.EntryId);
            Assert.Equal(picture, store.ReceiptFile(receipt.Key));

            // /history marks the entry and opens its receipt from a URL button.
            await Deliver(() => fake.EnqueueText(1001, 1001, "/history 7"));
            var history = await fake.WaitFor(c => c.ChatId == 1001 && c.Text.StartsWith("โครงการ 7", StringComparison.Ordinal) && c.Text.Contains("📎", StringComparison.Ordinal));
            var url = JsonNode.Parse(history.Markup!)!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["url"]?.ToString()).OfType<string>().Single();
            Assert.StartsWith($"{Site}/reports/", url, StringComparison.Ordinal);
            Assert.EndsWith($"/receipts/{entry}/1", url, StringComparison.Ordinal);
            await AssertServes(client, url, picture, entry);
            // That link opens this entry's receipts only, and no report page.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Path(url.Replace($"/{entry}/1", $"/{entry - 1}/1", StringComparison.Ordinal)))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Path(url[..url.IndexOf("/receipts/", StringComparison.Ordinal)]))).StatusCode);

            // Auditors: the report page lists the receipt, opened under the page's own token.
            await Deliver(() => fake.EnqueueText(1001, 1001, "/report"));
            var report = await fake.WaitFor(c => c.ChatId == 1001 && c.Markup?.Contains("/reports/", StringComparison.Ordinal) == true && c.Text.StartsWith("รายงาน", StringComparison.Ordinal));
            var page = JsonNode.Parse(report.Markup!)!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Select(b => b!["url"]?.ToString()).OfType<string>().Single();
            var html = await client.GetStringAsync(Path(page));
            Assert.Contains("ใบเสร็จที่แนบกับรายการ (1)", html, StringComparison.Ordinal);
            var href = PageLink().Match(html).Groups[1].Value;
            Assert.Equal(page + $"/receipts/{entry}/1", href);
            await AssertServes(client, href, picture, entry);
        }

        KeptInBackupAndAfterMigrate(dir, [(entry, picture)]);
    }

    [SkippableFact]
    public async Task Line_ImageAfterASpend_AndAfterReceiptCommand_AreKept_InTheAuditTrail_TheBackup_AndAfterMigrate()
    {
        var dir = Seed.WithOffice(Seed.TempDir());
        var first = Picture(2);
        var second = Picture(3);
        long entry;
        await using (var fake = await FakeLineApi.StartAsync())
        await using (var host = LineHost.Start(fake, ("BudgetBot:DataDir", dir), ("BudgetBot:PublicBaseUrl", Site)))
        {
            using var client = host.CreateClient();
            await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "จ่าย 8 1,000 1 มี.ค. 66 ค่าถ่ายเอกสาร"));
            var recorded = await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).StartsWith("บันทึกแล้ว", StringComparison.Ordinal));
            entry = long.Parse(EntryNumber().Match(FakeLineApi.TextOf(recorded.Messages[0])).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

            // Right after the spend: the image goes with it.
            await FakeLineApi.PostAsync(client, events: fake.Image(LineHost.Admin, first));
            await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).Contains($"เก็บรูปใบเสร็จกับรายการ #{entry} แล้ว (ใบที่ 1)", StringComparison.Ordinal));

            // Named with ใบเสร็จ: the next image goes with that entry, as its second receipt.
            await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, $"ใบเสร็จ {entry}"));
            await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).StartsWith($"ส่งรูปใบเสร็จของรายการ #{entry}", StringComparison.Ordinal));
            await FakeLineApi.PostAsync(client, events: fake.Image(LineHost.Admin, second));
            await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).Contains($"(ใบที่ 2)", StringComparison.Ordinal));

            // A number that names no entry changes nothing and says what to type.
            await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "ใบเสร็จ 999999"));
            await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).StartsWith("ไม่พบรายการ #999999", StringComparison.Ordinal));

            var store = host.Services.GetRequiredService<IServiceStore>();
            await Fetched(store, 2);

            // The audit trail links each receipt, absolute, and the links open them.
            var csv = System.Text.Encoding.UTF8.GetString(host.Services.GetRequiredService<LedgerCsv>().Write(store.Offices().Single().Id, 2566));
            var row = csv.Split("\r\n").Single(l => l.StartsWith($"{entry},", StringComparison.Ordinal));
            var links = row.Split(',')[^1].Split(' ');
            Assert.Equal(2, links.Length);
            Assert.All(links, l => Assert.StartsWith($"{Site}/reports/", l, StringComparison.Ordinal));
            await AssertServes(client, links[0], first, entry);
            await AssertServes(client, links[1], second, entry);
        }

        KeptInBackupAndAfterMigrate(dir, [(entry, first), (entry, second)]);
    }

    /// <summary>
    /// A backup of the data dir holds each picture, as it holds the ledger; <c>migrate</c> to PostgreSQL moves them
    /// (that part needs a PostgreSQL server, and is skipped where there is none unless CI asks for it).
    /// </summary>
    private static void KeptInBackupAndAfterMigrate(string dir, IReadOnlyList<(long Entry, byte[] Picture)> expected)
    {
        var backup = System.IO.Path.Combine(Seed.TempDir(), "backup.db");
        var output = new StringWriter();
        Assert.True(CliVerbs.Run(["backup", backup, "--data-dir", dir], output, output) == 0, output.ToString());
        using (var copy = new LiteDbBudgetStore(backup))
        {
            Assert.Equal(Base64(expected), Pictures(copy));
        }

        SystemTests.Need(PostgresCluster.Available, PostgresCluster.Why);
        var database = PostgresCluster.NewDatabase();
        var said = new StringWriter();
        Assert.True(CliVerbs.Run(["migrate", "--to", "postgres", "--data-dir", dir, "--connection", database], said, said) == 0, said.ToString());
        using var postgres = PostgresStore.Open(database);
        Assert.Equal(Base64(expected), Pictures(postgres));
    }

    private static List<(long, string)> Pictures(IServiceStore store) =>
        [.. store.Receipts(store.Offices().Single().Id, 2566).Select(r => (r.EntryId, Convert.ToBase64String(store.ReceiptFile(r.Key) ?? [])))];

    private static List<(long, string)> Base64(IReadOnlyList<(long Entry, byte[] Picture)> pictures) => [.. pictures.Select(p => (p.Entry, Convert.ToBase64String(p.Picture)))];

    /// <summary>A JPEG's first bytes, then bytes of its own, so each picture is told apart.</summary>
    private static byte[] Picture(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }

    /// <summary>Until <paramref name="count"/> pictures are kept: each one is kept by a commit, so the wait is for the next commit.</summary>
    private static async Task Fetched(IServiceStore store, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var next = store.NextCommit;
            var receipts = store.Receipts(store.Offices().Single().Id, 2566);
            if (receipts.Count(r => store.ReceiptFile(r.Key) is not null) >= count)
            {
                return;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"the receipts' pictures were never fetched ({store.ReceiptsToFetch(100).Count} waiting of {receipts.Count})");
            }
        }
    }

    private static async Task AssertServes(HttpClient client, string url, byte[] picture, long entry)
    {
        using var response = await client.GetAsync(Path(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith($"receipt-{entry}-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.Equal(picture, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The path of an address under <see cref="Site"/>, to ask the test host for it.</summary>
    private static Uri Path(string url) => new(url.StartsWith(Site, StringComparison.Ordinal) ? url[Site.Length..] : url, UriKind.Relative);

    [GeneratedRegex(@"#([0-9]+)")]
    private static partial Regex EntryNumber();

    [GeneratedRegex("<section class=\"receipts\">.*?href=\"([^\"]+)\"")]
    private static partial Regex PageLink();
}
