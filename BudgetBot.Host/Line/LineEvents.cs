using System.Text.Json;
using BudgetBot.Domain.Conversation;

namespace BudgetBot.Host.Line;

/// <summary>Reads LINE webhook events (kept as JSON, so unknown types and fields pass through harmlessly).</summary>
internal static class LineEvents
{
    public const string Platform = "line";

    public static string Type(JsonElement e) => Text(e, "type") ?? "";

    /// <summary>The chat a reply goes to: the group, the room, or the user.</summary>
    public static string? ChatId(JsonElement e) =>
        e.TryGetProperty("source", out var s) ? Text(s, "groupId") ?? Text(s, "roomId") ?? Text(s, "userId") : null;

    public static string? UserId(JsonElement e) => e.TryGetProperty("source", out var s) ? Text(s, "userId") : null;

    public static bool InGroup(JsonElement e) => e.TryGetProperty("source", out var s) && Text(s, "type") is "group" or "room";

    /// <summary>LINE's ids say what they name: a group's starts with C, a multi-person chat's (room) with R, a user's with U.</summary>
    public static bool IsGroupId(string chatId) => chatId.StartsWith('C') || chatId.StartsWith('R');

    public static string? ReplyToken(JsonElement e) => Text(e, "replyToken");

    /// <summary>How old an event may be and still be taken: LINE redelivers for a while after a failed delivery, not for days.</summary>
    public static readonly TimeSpan AcceptedAge = TimeSpan.FromHours(24);

    /// <summary>How far ahead of this host's clock an event may claim to be (clocks differ a little).</summary>
    public static readonly TimeSpan AcceptedAhead = TimeSpan.FromMinutes(5);

    /// <summary>When the event happened by LINE's <c>timestamp</c>; null when it has none that reads as a time.</summary>
    public static DateTimeOffset? Occurred(JsonElement e) =>
        e.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var ms)
            && ms >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    public static DateTimeOffset At(JsonElement e) =>
        e.TryGetProperty("timestamp", out var t) && t.TryGetInt64(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.UtcNow;

    /// <summary>A text message or a postback as the engine's message; null for anything else.</summary>
    public static IncomingMessage? ToMessage(JsonElement e, string eventId)
    {
        if (ChatId(e) is not { } chat || UserId(e) is not { } user)
        {
            return null;
        }

        var kind = InGroup(e) ? ChatKind.Group : ChatKind.Private;
        switch (Type(e))
        {
            case "message" when e.TryGetProperty("message", out var m) && Text(m, "type") == "text":
                var (text, mentioned) = WithoutSelfMention(Text(m, "text") ?? "", m);
                return new IncomingMessage(Platform, chat, kind, user, user, text, Text(m, "id") ?? eventId, At(e)) { MentionsBot = mentioned };
            case "message" when e.TryGetProperty("message", out var m) && Text(m, "type") == "image" && Text(m, "id") is { } image && ProvidedByLine(m):
                // LINE images carry no caption: which entry they go with is the sender's last spend or their /receipt.
                return new IncomingMessage(Platform, chat, kind, user, user, "", image, At(e)) { Photo = image };
            case "postback" when e.TryGetProperty("postback", out var p):
                return new IncomingMessage(Platform, chat, kind, user, user, "", "pb:" + eventId, At(e)) { ButtonPayload = Text(p, "data") };
            default:
                return null;
        }
    }

    /// <summary>An image LINE keeps (not one at an address of the sender's own), so its content is LINE's to give.</summary>
    private static bool ProvidedByLine(JsonElement message) =>
        !message.TryGetProperty("contentProvider", out var provider) || Text(provider, "type") is null or "line";

    /// <summary>A mention of our bot (<c>isSelf</c>) addresses the message to us and is removed from its text.</summary>
    private static (string Text, bool Mentioned) WithoutSelfMention(string text, JsonElement message)
    {
        if (!message.TryGetProperty("mention", out var mention) || !mention.TryGetProperty("mentionees", out var list))
        {
            return (text, false);
        }

        foreach (var m in list.EnumerateArray())
        {
            if (m.TryGetProperty("isSelf", out var self) && self.ValueKind == JsonValueKind.True
                && m.TryGetProperty("index", out var index) && m.TryGetProperty("length", out var length)
                && index.GetInt32() + length.GetInt32() <= text.Length)
            {
                return ((text[..index.GetInt32()] + text[(index.GetInt32() + length.GetInt32())..]).Trim(), true);
            }
        }

        return (text, false);
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
