using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace BudgetBot.Host.Telegram;

internal static class TelegramSetup
{
    /// <summary>How a Telegram user is named in the settings: the user's numeric id.</summary>
    public static readonly PlatformIdentity Identity = new(TelegramUpdates.Platform, "telegram:123456789");

    /// <summary>
    /// The Telegram adapter; it stays idle unless <c>BudgetBot__Telegram__Token</c> is set, and polls unless
    /// <c>PublicBaseUrl</c> is set (then Telegram calls the webhook).
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        // The Bot API puts the token in every request's path: HttpClient's own request logging would write it out.
        services.AddHttpClient(nameof(TelegramBot)).RemoveAllLoggers();
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<TelegramParts>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BudgetBotOptions>>().Value.Telegram;
            return new RateLimits(TimeSpan.FromMilliseconds(o.PerChatIntervalMs), o.GroupPerMinute, o.GlobalPerSecond);
        });
        services.AddSingleton<IPlatformChannel, TelegramChannel>();
        services.AddSingleton(Identity);
        services.AddSingleton<IValidateOptions<BudgetBotOptions>, TelegramOptionsCheck>();
        services.AddHostedService<TelegramStartup>();
        services.AddHostedService<TelegramPoller>();
        return services;
    }

    /// <summary><c>POST /webhooks/telegram</c>: a wrong or missing secret gets 403 and changes nothing; a good update is stored before the 200.</summary>
    public static void MapTelegram(this WebApplication app) =>
        app.MapPost("/webhooks/telegram", async (HttpRequest request, InboxWriter inbox, IOptions<BudgetBotOptions> options, TimeProvider clock, CancellationToken ct) =>
        {
            var secret = options.Value.Telegram.WebhookSecret;
            var given = request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString();
            if (string.IsNullOrEmpty(secret) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(secret)))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (await WebhookBody.ReadAsync(request, ct) is not { } raw)
            {
                return WebhookBody.TooLarge();
            }

            string body;
            Update? update;
            try
            {
                body = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw);
                update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
            }
            catch (Exception ex) when (ex is JsonException or DecoderFallbackException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                // Not an update Telegram would send: refused, and Telegram (the only sender holding the secret) is told so.
                return Results.BadRequest();
            }

            if (update is { Id: > 0 })
            {
                await inbox.ReceiveAsync([new InboundEvent(TelegramPoller.TelegramKey(update.Id), TelegramUpdates.Platform, body, clock.GetUtcNow()) { Chat = TelegramUpdates.ChatOf(update) }]);
            }

            return Results.Ok();
        });
}
