using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>
/// <c>POST /webhooks/line</c>: the signature is checked over the raw bytes before anything is parsed (401, no effect);
/// each active event is stored under its <c>webhookEventId</c> and the 200 goes out at once; the work happens later.
/// </summary>
internal static class LineWebhook
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static void MapLine(this WebApplication app) =>
        app.MapPost("/webhooks/line", async (HttpRequest request, InboxWriter inbox, IOptions<BudgetBotOptions> options, LineBotInfo bot, TimeProvider clock, ILogger<LineBotInfo> logger, CancellationToken ct) =>
        {
            if (await WebhookBody.ReadAsync(request, ct) is not { } raw)
            {
                return WebhookBody.TooLarge();
            }

            if (!LineSignature.Verify(raw, options.Value.Line.ChannelSecret ?? "", request.Headers["x-line-signature"].ToString()))
            {
                return Results.Unauthorized();
            }

            List<InboundEvent> stored;
            try
            {
                stored = Events(raw, bot.UserId, clock.GetUtcNow(), logger);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
            {
                // Signed, so it came from LINE or someone holding the secret; a 4xx tells LINE not to redeliver it.
                Log.LineBodyUnreadable(logger, ex.Message);
                return Results.BadRequest();
            }

            if (stored.Count > 0)
            {
                await inbox.ReceiveAsync(stored);
            }

            return Results.Ok();
        });

    /// <summary>The active events of a signed body; an event of the wrong shape is logged and skipped, never a 500.</summary>
    private static List<InboundEvent> Events(byte[] raw, string? ourUserId, DateTimeOffset at, ILogger logger)
    {
        // JSON readers pass invalid UTF-8 inside strings through until a string is read; refuse it whole, here.
        _ = StrictUtf8.GetCharCount(raw);
        using var body = JsonDocument.Parse(raw);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the body is not a JSON object");
        }

        var destination = root.TryGetProperty("destination", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        var stored = new List<InboundEvent>();
        if ((ourUserId is not null && destination is not null && destination != ourUserId)
            || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return stored; // meant for another bot, or nothing to do
        }

        foreach (var e in events.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                Log.LineEventUnreadable(logger, "an event is not a JSON object");
                continue;
            }

            if (e.TryGetProperty("mode", out var mode) && mode.ValueKind == JsonValueKind.String && mode.GetString() == "standby")
            {
                continue;
            }

            // An event that happened long ago (or in the future) is no redelivery LINE would make: a replay, or a clock
            // gone wrong. Redeliveries inside the window are taken, and their ids keep them from counting twice.
            if (LineEvents.Occurred(e) is { } occurred && (occurred < at - LineEvents.AcceptedAge || occurred > at + LineEvents.AcceptedAhead))
            {
                Log.LineEventUnreadable(logger, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it happened at {occurred:O}, outside the {LineEvents.AcceptedAge.TotalHours:0} hours LINE may still deliver"));
                continue;
            }

            // LINE's ids are 26 characters; anything else (a number, 2,000 characters) is keyed by the event's hash.
            var id = e.TryGetProperty("webhookEventId", out var w) && w.ValueKind == JsonValueKind.String && w.GetString() is { Length: > 0 and <= 64 } eventId && eventId.All(char.IsAsciiLetterOrDigit)
                ? eventId
                : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.GetRawText())))[..26];
            stored.Add(new InboundEvent("line:" + id, LineEvents.Platform, e.GetRawText(), at) { Chat = ChatOf(e) });
        }

        return stored;
    }

    /// <summary>The group, room or user the event came from (LINE's <c>source</c>): that chat's events are handled in order.</summary>
    private static string? ChatOf(JsonElement e)
    {
        if (!e.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (string[])["groupId", "roomId", "userId"])
        {
            if (source.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value)
            {
                return LineEvents.Platform + ":" + value;
            }
        }

        return null;
    }
}

/// <summary>Our bot's user id (from <c>/v2/bot/info</c>), which a webhook's <c>destination</c> must match.</summary>
internal sealed class LineBotInfo
{
    public string? UserId { get; set; }
}
