using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Line;
using BudgetBot.Tests.Telegram;

namespace BudgetBot.Tests.Host;

public sealed class SecretsInLogsTests
{
    private const string WebhookSecret = "hook-Secret_42";
    private const string DashboardPassword = "dash-pass-42";

    [Fact]
    public async Task TelegramAndLineSession_AtTraceLevel_WritesNoSecretToTheLog()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        await using var line = await FakeLineApi.StartAsync();
        var logs = new Logs();
        await using var host = TelegramHost.Start(telegram, Seed.TempDir(), logs,
            ("BudgetBot:Line:ChannelSecret", FakeLineApi.Secret),
            ("BudgetBot:Line:ChannelAccessToken", FakeLineApi.AccessToken),
            ("BudgetBot:Line:ApiBaseUrl", line.Url.ToString().TrimEnd('/')),
            ("BudgetBot:Line:DataApiBaseUrl", line.Url.ToString().TrimEnd('/')),
            ("BudgetBot:Admins:40", "line:" + LineHost.Admin),
            ("BudgetBot:Telegram:WebhookSecret", WebhookSecret),
            ("BudgetBot:Dashboard:User", "ops"),
            ("BudgetBot:Dashboard:Password", DashboardPassword),
            ("Logging:LogLevel:Default", "Trace"),
            ("Logging:LogLevel:Microsoft", "Trace"),
            ("Logging:LogLevel:Microsoft.AspNetCore", "Trace"),
            ("Logging:LogLevel:System.Net.Http.HttpClient", "Trace"));
        using var client = host.CreateClient();

        telegram.EnqueueText(1001, 1001, "/balance 7");
        await telegram.WaitFor(c => c.ChatId == 1001 && c.Method == "sendMessage");
        await FakeLineApi.PostAsync(client, events: line.Text(LineHost.Admin, "/balance 7"));
        await line.WaitFor(d => d.To == LineHost.Admin);
        var (update, _) = FakeWebhooks.TelegramText(1002, "/balance 17");
        await FakeWebhooks.PostTelegramAsync(client, update, WebhookSecret);
        await FakeWebhooks.PostTelegramAsync(client, update, "wrong-" + WebhookSecret);
        await telegram.WaitFor(c => c.ChatId == 1002 && c.Method == "sendMessage");
        using (var dashboard = new HttpRequestMessage(HttpMethod.Get, "/hangfire"))
        {
            dashboard.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ops:" + DashboardPassword)));
            (await client.SendAsync(dashboard)).Dispose();
        }

        await PipelineIdle.WaitAsync(host.Services);

        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { FakeTelegramApi.Token, FakeTelegramApi.Token.Split(':')[1], FakeLineApi.AccessToken, FakeLineApi.Secret, WebhookSecret, DashboardPassword, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ops:" + DashboardPassword)) })
        {
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
