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

        // The start tries setWebhook again after two seconds, then four more; the bot is ready once Telegram takes it.
        await app.Services.GetRequiredService<BudgetBot.Host.Telegram.TelegramBot>().Ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
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
}
