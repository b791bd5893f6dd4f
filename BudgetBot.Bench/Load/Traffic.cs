using System.Collections.Concurrent;
using System.Globalization;
using BudgetBot.Tests.Fakes;

namespace BudgetBot.Bench.Load;

/// <summary>
/// The senders' side: Telegram webhook updates and signed LINE webhooks for one identity, each request awaited, with
/// the time each message went in and the ledger key of every acknowledged spend.
/// </summary>
internal sealed class Traffic(HttpClient host, FakeLineApi line)
{
    public const string WebhookSecret = "bench-secret";

    /// <summary>Send times per chat ("t:…" for Telegram, "l:…" for LINE).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> Sends { get; } = new();

    /// <summary>Ledger keys of acknowledged spends, with the sender and its own order.</summary>
    public ConcurrentQueue<(int Worker, long Order, string Key)> Spends { get; } = new();

    public long Acknowledged;
    public long Refused;

    public static long TelegramUser(int sender) => 5001 + sender;

    public static string LineUser(int sender) => "U" + sender.ToString("x", CultureInfo.InvariantCulture).PadLeft(32, '0');

    private static long _serial;

    /// <summary>
    /// 60% spends, 30% balances, 10% help; spends are one baht on one of the office's projects, each with a note of its
    /// own (the same spend sent again within half an hour is asked about, not recorded).
    /// </summary>
    public static (string Text, bool Spend) Message(long k, int sender)
    {
        var project = (int)((k * 7 + sender * 3) % 50) + 1;
        return (k % 10) switch
        {
            < 6 => ($"/spend {project} 1 15/2/2566 n{Interlocked.Increment(ref _serial)}", true),
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
        var (body, key) = FakeWebhooks.TelegramText(user, text);
        var chat = "t:" + user.ToString(CultureInfo.InvariantCulture);
        Sent(chat);
        using var response = await FakeWebhooks.PostTelegramAsync(host, body, WebhookSecret);
        return (chat, key, response.IsSuccessStatusCode);
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
