using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace BudgetBot.Tests.Fakes;

/// <summary>
/// What Telegram and LINE send to a host running as its own process: Telegram webhook updates with the secret
/// header, and the settings that point a host at the two loopback fakes (webhook mode, no rate limits).
/// </summary>
internal static class FakeWebhooks
{
    private static int _updateId;
    private static int _messageId;

    /// <summary>A private-chat text message as a webhook update; ids are unique in the process, so none reads as a redelivery.</summary>
    public static (string Body, string SourceKey) TelegramText(long user, string text)
    {
        var messageId = Interlocked.Increment(ref _messageId);
        var command = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : text.Length;
        var update = new JsonObject
        {
            ["update_id"] = Interlocked.Increment(ref _updateId),
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Sender" },
                ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private" },
                ["text"] = text,
                ["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = command }),
            },
        };
        return (update.ToJsonString(), $"telegram:{user.ToString(CultureInfo.InvariantCulture)}:{messageId.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// A private text message as each platform delivers it: the chat its reply is counted under (<c>t:</c>/<c>l:</c>
    /// and the user), the source key its spend is stored under, and how to post it (again, as a redelivery would).
    /// </summary>
    public static (string Chat, string Key, Func<HttpClient, Task<HttpResponseMessage>> Send) TelegramRequest(long user, string text, string secret)
    {
        var (body, key) = TelegramText(user, text);
        return ("t:" + user.ToString(CultureInfo.InvariantCulture), key, http => PostTelegramAsync(http, body, secret));
    }

    /// <inheritdoc cref="TelegramRequest"/>
    public static (string Chat, string Key, Func<HttpClient, Task<HttpResponseMessage>> Send) LineRequest(FakeLineApi line, string user, string text)
    {
        var e = line.Text(user, text);
        return ("l:" + user, $"line:{user}:{e["message"]!["id"]}", http => FakeLineApi.PostAsync(http, events: e));
    }

    /// <summary>
    /// Replies whose text passes <paramref name="counts"/>, per chat (<c>t:</c>/<c>l:</c> and the id, as the requests
    /// above name them), once there are <paramref name="expected"/> or ten seconds pass without a delivery (a reply
    /// that was lost never comes).
    /// </summary>
    public static async Task<Dictionary<string, int>> RepliesPerChatAsync(FakeTelegramApi telegram, FakeLineApi line, Func<string, bool> counts, int expected)
    {
        Dictionary<string, int> Count() =>
            telegram.Calls.Where(c => c.Ok && c.Method == "sendMessage" && counts(c.Text)).Select(c => "t:" + c.ChatId.ToString(CultureInfo.InvariantCulture))
                .Concat(line.Deliveries.Where(d => counts(FakeLineApi.TextOf(d.Messages[0]))).Select(d => "l:" + d.To))
                .GroupBy(chat => chat)
                .ToDictionary(g => g.Key, g => g.Count());
        while (true)
        {
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var next = Task.WhenAny(telegram.NextChange(quiet.Token), line.NextChange(quiet.Token));
            if (Count().Values.Sum() >= expected || (await next).IsCanceled)
            {
                return Count();
            }
        }
    }

    public static async Task<HttpResponseMessage> PostTelegramAsync(HttpClient host, string body, string secret)
    {
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        content.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return await host.PostAsync(new Uri("/webhooks/telegram", UriKind.Relative), content);
    }

    /// <summary>Environment settings for a host process using both fakes, with these identities as admins.</summary>
    public static Dictionary<string, string> HostSettings(FakeTelegramApi telegram, FakeLineApi line, string secret, IEnumerable<string> admins)
    {
        var settings = new Dictionary<string, string>
        {
            ["BudgetBot__PublicBaseUrl"] = "http://127.0.0.1",
            ["BudgetBot__Telegram__Token"] = FakeTelegramApi.Token,
            ["BudgetBot__Telegram__ApiBaseUrl"] = telegram.Url.ToString().TrimEnd('/'),
            ["BudgetBot__Telegram__WebhookSecret"] = secret,
            // The fake has no rate limits; Telegram's own (about 30 a second) would be the whole story otherwise.
            ["BudgetBot__Telegram__PerChatIntervalMs"] = "1",
            ["BudgetBot__Telegram__GroupPerMinute"] = "100000",
            ["BudgetBot__Telegram__GlobalPerSecond"] = "100000",
            ["BudgetBot__Line__ChannelSecret"] = FakeLineApi.Secret,
            ["BudgetBot__Line__ChannelAccessToken"] = FakeLineApi.AccessToken,
            ["BudgetBot__Line__ApiBaseUrl"] = line.Url.ToString().TrimEnd('/'),
            ["BudgetBot__Line__DataApiBaseUrl"] = line.Url.ToString().TrimEnd('/'),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var i = 0;
        foreach (var admin in admins)
        {
            settings[$"BudgetBot__Admins__{i++}"] = admin;
        }

        return settings;
    }
}
