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
    public static void MapLine(this WebApplication app) =>
        app.MapPost("/webhooks/line", async (HttpRequest request, InboxWriter inbox, IOptions<BudgetBotOptions> options, LineBotInfo bot, TimeProvider clock) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var raw = buffer.ToArray();
            if (!LineSignature.Verify(raw, options.Value.Line.ChannelSecret ?? "", request.Headers["x-line-signature"].ToString()))
            {
                return Results.Unauthorized();
            }

            JsonDocument body;
            try
            {
                body = JsonDocument.Parse(raw);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            var stored = new List<InboundEvent>();
            using (body)
            {
                var destination = body.RootElement.TryGetProperty("destination", out var d) ? d.GetString() : null;
                if (bot.UserId is { } ours && destination is not null && destination != ours)
                {
                    return Results.Ok(); // signed by our secret but meant for another bot: nothing to do
                }

                if (body.RootElement.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in events.EnumerateArray())
                    {
                        if (e.TryGetProperty("mode", out var mode) && mode.GetString() == "standby")
                        {
                            continue;
                        }

                        var id = e.TryGetProperty("webhookEventId", out var w) && w.GetString() is { Length: > 0 } eventId
                            ? eventId
                            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.GetRawText())))[..26];
                        stored.Add(new InboundEvent("line:" + id, LineEvents.Platform, e.GetRawText(), clock.GetUtcNow()));
                    }
                }
            }

            if (stored.Count > 0)
            {
                await inbox.ReceiveAsync(stored);
            }

            return Results.Ok();
        });
}

/// <summary>Our bot's user id (from <c>/v2/bot/info</c>), which a webhook's <c>destination</c> must match.</summary>
internal sealed class LineBotInfo
{
    public string? UserId { get; set; }
}
