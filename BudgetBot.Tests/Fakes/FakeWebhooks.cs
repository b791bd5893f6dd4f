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
