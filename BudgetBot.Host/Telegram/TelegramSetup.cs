using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace BudgetBot.Host.Telegram;

internal static class TelegramSetup
{
    /// <summary>
    /// The Telegram adapter; it stays idle unless <c>BudgetBot__Telegram__Token</c> is set, and polls unless
    /// <c>PublicBaseUrl</c> is set (then Telegram calls the webhook).
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(TelegramBot));
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<TelegramDispatcher>();
        services.AddHostedService<TelegramStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<TelegramSender>());
        services.AddHostedService<TelegramPoller>();
        return services;
    }

    /// <summary><c>POST /webhooks/telegram</c>: a wrong or missing secret gets 403 and changes nothing; a good update is stored before the 200.</summary>
    public static void MapTelegram(this WebApplication app) =>
        app.MapPost("/webhooks/telegram", async (HttpRequest request, IInbox inbox, IOptions<BudgetBotOptions> options, IServiceProvider services, TimeProvider clock) =>
        {
            var secret = options.Value.Telegram.WebhookSecret;
            var given = request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString();
            if (string.IsNullOrEmpty(secret) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Update? update;
            try
            {
                update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is not null)
            {
                inbox.Receive(TelegramPoller.TelegramKey(update.Id), TelegramUpdates.Platform, body, clock.GetUtcNow());
                services.GetService<TelegramDispatcher>()?.Wake();
            }

            return Results.Ok();
        });
}
