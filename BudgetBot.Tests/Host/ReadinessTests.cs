using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Host;

/// <summary><c>/healthz</c> is liveness; <c>/readyz</c> says whether people are being answered.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task WebhookNotAcceptedYet_NotReady_ThenReadyOnceTelegramTakesIt()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        telegram.Fail("setWebhook", 400, count: 2);
        await using var app = TelegramHost.Start(telegram, Seed.TempDir(),
            ("BudgetBot:PublicBaseUrl", "https://bot.example.org"), ("BudgetBot:Telegram:WebhookSecret", "a-secret"));
        using var client = app.CreateClient();

        using var first = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("telegram", Assert.Single(body.GetProperty("waiting").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

        // The start tries setWebhook again after two seconds, then four more.
        await telegram.WaitFor(c => c.Method == "setWebhook", TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, await Eventually(client, HttpStatusCode.OK));
    }

    [Fact]
    public async Task AnEventWaitingMoreThanTwoMinutes_IsNotReady()
    {
        await using var telegram = await FakeTelegramApi.StartAsync();
        telegram.Fail("getMe", 500, count: 1_000);
        await using var app = TelegramHost.Start(telegram, Seed.TempDir());
        using var client = app.CreateClient();
        var store = app.Services.GetRequiredService<IServiceStore>();

        // Telegram events wait while the bot does not know its own name: this one has waited ten minutes.
        store.ReceiveAll([new InboundEvent("telegram:update:424242", "telegram", "{}", DateTimeOffset.UtcNow.AddMinutes(-10))]);

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(body.GetProperty("inboxOldestSeconds").GetDouble() >= 600, body.ToString());
    }

    private static async Task<HttpStatusCode> Eventually(HttpClient client, HttpStatusCode wanted)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 200 && status != wanted; i++)
        {
            status = (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode;
            if (status != wanted)
            {
                await Task.Delay(100);
            }
        }

        return status;
    }
}
