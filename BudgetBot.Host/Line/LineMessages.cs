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

    /// <summary>LINE's limit on a Flex message's alternative text (shown in notifications and chat lists).</summary>
    public const int MaxAltText = 400;

    public List<JsonArray> Build(Reply reply, bool group = false)
    {
        var list = reply.Card is { } card
            ? [Flex(card, reply.Text)]
            : TextChunks.Split(reply.Text, MaxText).Select(t => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = t }).ToList();
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

    /// <summary>
    /// A card as a Flex bubble: the title, a row per figure (label at the left, figure at the right), a bar filled to
    /// the share paid, the note; the reply's text, cut to LINE's 400 characters, as its alternative text.
    /// </summary>
    public static JsonNode Flex(Card card, string text)
    {
        static JsonObject Text(string value, string size, string? color = null, string align = "start", bool bold = false, int? flex = null)
        {
            var t = new JsonObject { ["type"] = "text", ["text"] = value, ["size"] = size, ["wrap"] = true, ["align"] = align };
            if (color is not null)
            {
                t["color"] = color;
            }

            if (bold)
            {
                t["weight"] = "bold";
            }

            if (flex is { } f)
            {
                t["flex"] = f;
            }

            return t;
        }

        var rows = card.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["type"] = "box",
            ["layout"] = "horizontal",
            ["contents"] = new JsonArray(Text(r.Label, "sm", "#555555", flex: 5), Text(r.Value, "sm", align: "end", flex: 6)),
        });
        var filled = Math.Clamp(card.Percent, 0, 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
        var bar = new JsonObject
        {
            ["type"] = "box",
            ["layout"] = "vertical",
            ["backgroundColor"] = "#DDDDDD",
            ["height"] = "8px",
            ["margin"] = "md",
            ["contents"] = new JsonArray(new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["backgroundColor"] = "#1F4E79",
                ["width"] = filled,
                ["height"] = "8px",
                ["contents"] = new JsonArray(new JsonObject { ["type"] = "filler" }),
            }),
        };
        var body = new JsonArray([.. rows, bar, Text(card.PercentLabel, "sm", "#1F4E79", bold: true)]);
        if (card.Note is { } note)
        {
            body.Add(Text(note, "xs", "#777777"));
        }

        return new JsonObject
        {
            ["type"] = "flex",
            ["altText"] = text.Length <= MaxAltText ? text : text[..(MaxAltText - 1)] + "…",
            ["contents"] = new JsonObject
            {
                ["type"] = "bubble",
                ["header"] = new JsonObject { ["type"] = "box", ["layout"] = "vertical", ["contents"] = new JsonArray(Text(card.Title, "md", bold: true)) },
                ["body"] = new JsonObject { ["type"] = "box", ["layout"] = "vertical", ["spacing"] = "sm", ["contents"] = body },
            },
        };
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
