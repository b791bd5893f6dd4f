using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Bench.Load;

/// <summary>
/// The senders' side: Telegram webhook updates and signed LINE webhooks for one identity, each request awaited, with
/// the time each message went in and the ledger key of every acknowledged spend.
/// </summary>
internal sealed class Traffic(HttpClient host, FakeLineApi line)
{
    public const string WebhookSecret = "bench-secret";

    // Shared by every level: an id used again would be a redelivery, which the host rightly ignores.
    private static int _updateId = 1;
    private static int _messageId = 1;

    /// <summary>Send times per chat ("t:…" for Telegram, "l:…" for LINE).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> Sends { get; } = new();

    /// <summary>Ledger keys of acknowledged spends, with the sender and its own order.</summary>
    public ConcurrentQueue<(int Worker, long Order, string Key)> Spends { get; } = new();

    public long Acknowledged;
    public long Refused;

    public static long TelegramUser(int sender) => 5001 + sender;

    public static string LineUser(int sender) => "U" + sender.ToString("x", CultureInfo.InvariantCulture).PadLeft(32, '0');

    /// <summary>60% spends, 30% balances, 10% help; spends are one baht on one of the office's projects.</summary>
    public static (string Text, bool Spend) Message(long k, int sender)
    {
        var project = (int)((k * 7 + sender * 3) % 50) + 1;
        return (k % 10) switch
        {
            < 6 => ($"/spend {project} 1 15/2/2566", true),
            < 9 => ($"/balance {project}", false),
            _ => ("/help", false),
        };
    }

    /// <summary>One message from <paramref name="sender"/>'s identity, sent by <paramref name="worker"/> as its <paramref name="order"/>th.</summary>
    public async Task SendAsync(int sender, int worker, long order, string text, bool spend, bool viaLine)
    {
        var (chat, key, response) = viaLine ? await LineAsync(sender, text) : await TelegramAsync(sender, text);
        if (response)
        {
            Interlocked.Increment(ref Acknowledged);
            if (spend)
            {
                Spends.Enqueue((worker, order, key));
            }
        }
        else
        {
            Interlocked.Increment(ref Refused);
            Sends[chat].TryDequeue(out _);
        }
    }

    private void Sent(string chat) => Sends.GetOrAdd(chat, _ => new()).Enqueue(DateTimeOffset.UtcNow);

    private async Task<(string Chat, string Key, bool Ok)> TelegramAsync(int sender, string text)
    {
        var user = TelegramUser(sender);
        var messageId = Interlocked.Increment(ref _messageId);
        var command = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : text.Length;
        var update = new JsonObject
        {
            ["update_id"] = Interlocked.Increment(ref _updateId),
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Bench" },
                ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private" },
                ["text"] = text,
                ["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command }),
            },
        };
        using var content = new StringContent(update.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        content.Headers.Add("X-Telegram-Bot-Api-Secret-Token", WebhookSecret);
        var chat = "t:" + user.ToString(CultureInfo.InvariantCulture);
        Sent(chat);
        using var response = await host.PostAsync(new Uri("/webhooks/telegram", UriKind.Relative), content);
        return (chat, $"telegram:{user}:{messageId}", response.IsSuccessStatusCode);
    }

    private async Task<(string Chat, string Key, bool Ok)> LineAsync(int sender, string text)
    {
        var user = LineUser(sender);
        var e = line.Text(user, text);
        var chat = "l:" + user;
        Sent(chat);
        using var response = await FakeLineApi.PostAsync(host, events: e);
        return (chat, $"line:{user}:{e["message"]!["id"]}", response.IsSuccessStatusCode);
    }
}
