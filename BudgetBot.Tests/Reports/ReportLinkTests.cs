using System.Net;
using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Line;
using BudgetBot.Tests.Telegram;

namespace BudgetBot.Tests.Reports;

/// <summary>
/// The report's page for phones is a link button at the address people reach the service at: a Telegram URL button, a
/// LINE URI action, both under <c>PublicBaseUrl</c>; without a public address there is no button (a path alone opens
/// nothing in a chat app).
/// </summary>
public sealed class ReportLinkTests
{
    private const string Public = "https://bot.example.org";

    [Fact]
    public async Task Telegram_ReportPage_IsAUrlButton_UnderThePublicAddress()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir(), ("BudgetBot:PublicBaseUrl", Public), ("BudgetBot:Telegram:WebhookSecret", "link-secret"));
        using var client = host.CreateClient();
        await fake.WaitFor(c => c.Method == "setWebhook");

        var (body, _) = FakeWebhooks.TelegramText(1007, "/report h1");
        Assert.Equal(HttpStatusCode.OK, (await FakeWebhooks.PostTelegramAsync(client, body, "link-secret")).StatusCode);
        var sent = await fake.WaitFor(c => c.Method == "sendMessage" && c.ChatId == 1007 && c.Text.Contains("หน้ารายงานสำหรับมือถือ", StringComparison.Ordinal));

        Assert.Matches("\"url\":\"https://bot\\.example\\.org/reports/[0-9a-f]{32}\"", sent.Markup);
        Assert.DoesNotContain("/reports/", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telegram_WithoutAPublicAddress_HasNoLinkButton()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir());

        fake.EnqueueText(1008, 1008, "/report h1");
        var sent = await fake.WaitFor(c => c.Method == "sendMessage" && c.ChatId == 1008 && c.Text.Contains("หน้ารายงานสำหรับมือถือ", StringComparison.Ordinal));

        Assert.DoesNotContain("/reports/", sent.Markup ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("/reports/", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Line_ReportPage_IsAUriAction_UnderThePublicAddress()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake, ("BudgetBot:PublicBaseUrl", Public));
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "รายงาน 6 เดือน"))).StatusCode);
        var sent = await fake.WaitFor(d => d.To == LineHost.Admin && d.Messages.ToJsonString().Contains("quickReply", StringComparison.Ordinal));

        var action = sent.Messages[^1]!["quickReply"]!["items"]![0]!["action"]!;
        Assert.Equal("uri", action["type"]!.ToString());
        Assert.Matches("^https://bot\\.example\\.org/reports/[0-9a-f]{32}$", action["uri"]!.ToString());
    }
}
