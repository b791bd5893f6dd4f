using System.Text.Json.Nodes;
using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Local;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>
/// A reply as LINE message objects: texts of at most 5000 UTF-16 units, buttons as quick-reply postbacks on the last
/// message, charts as images and the report as a link under <c>PublicBaseUrl</c> (LINE fetches media itself), at most
/// five messages per request.
/// </summary>
internal sealed class LineMessages(Attachments attachments, MediaFiles media, Domain.Ports.IChatStore chat, IOptions<BudgetBotOptions> options)
{
    public const int MaxText = 5000;
    public const int PerRequest = 5;

    public List<JsonArray> Build(Reply reply, bool group = false)
    {
        var list = TextChunks.Split(reply.Text, MaxText).Select(t => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = t }).ToList();
        list.AddRange(reply.Attachments.Select(Attachment));
        if (group && Mentions(reply) is { } mention)
        {
            list.Add(mention);
        }

        var items = reply.AllButtons.Select(Action).OfType<JsonObject>().Take(13).Select(action => (JsonNode)new JsonObject { ["type"] = "action", ["action"] = action }).ToList();
        if (items.Count > 0)
        {
            list[^1]!["quickReply"] = new JsonObject { ["items"] = new JsonArray([.. items]) };
        }

        return list.Chunk(PerRequest).Select(batch => new JsonArray([.. batch])).ToList();
    }

    /// <summary>A tap as a postback; a link as a URI action at the service's public address, left out without one.</summary>
    private JsonObject? Action(Button b) =>
        b.Url is not { } url ? new JsonObject { ["type"] = "postback", ["label"] = Label(b.Label), ["data"] = b.Payload, ["displayText"] = b.Label }
        : Links.Absolute(url, options.Value.PublicBaseUrl) is { } open ? new JsonObject { ["type"] = "uri", ["label"] = Label(b.Label), ["uri"] = open }
        : null;

    private JsonNode Attachment(Attachment a)
    {
        var publicUrl = options.Value.PublicBaseUrl?.TrimEnd('/');
        var https = publicUrl is not null && publicUrl.StartsWith("https://", StringComparison.Ordinal);
        if (a.Kind == AttachmentKind.Image)
        {
            if (https && attachments.Bytes(a, english: false) is { } png)
            {
                var url = $"{publicUrl}/media/{media.Save(png, ".png").Id}";
                return new JsonObject { ["type"] = "image", ["originalContentUrl"] = url, ["previewImageUrl"] = url };
            }

            return Text("(กราฟแสดงใน LINE ได้เมื่อตั้งค่า BudgetBot__PublicBaseUrl เป็นที่อยู่ https)");
        }

        if (https && attachments.Bytes(a, english: false) is { } bytes)
        {
            return Text($"📎 {a.Name}: {publicUrl}/media/{media.Save(bytes, Messaging.Attachments.Extension(a), a.Name).Id} (ลิงก์ใช้ได้ 7 วัน)");
        }

        return Text("(ไฟล์รายงานส่งใน LINE ได้เมื่อตั้งค่า BudgetBot__PublicBaseUrl เป็นที่อยู่ https)");
    }

    /// <summary>A textV2 message that mentions each person with a LINE identity (at most 20), so LINE notifies them.</summary>
    private JsonObject? Mentions(Reply reply)
    {
        var users = reply.Mentions.Select(chat.Person)
            .Select(p => p?.Identities.FirstOrDefault(i => i.StartsWith("line:", StringComparison.Ordinal)))
            .OfType<string>().Distinct().Take(20).ToList();
        if (users.Count == 0)
        {
            return null;
        }

        var substitution = new JsonObject();
        for (var i = 0; i < users.Count; i++)
        {
            substitution[$"m{i}"] = new JsonObject { ["type"] = "mention", ["mentionee"] = new JsonObject { ["type"] = "user", ["userId"] = users[i]["line:".Length..] } };
        }

        return new JsonObject
        {
            ["type"] = "textV2",
            ["text"] = "🔔 " + string.Join(' ', Enumerable.Range(0, users.Count).Select(i => $"{{m{i}}}")),
            ["substitution"] = substitution,
        };
    }

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    private static string Label(string label) => label.Length <= 20 ? label : label[..19] + "…";
}
