using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BudgetBot.Host.Line;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Line;
using BudgetBot.Tests.Telegram;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Security;

/// <summary>
/// Malformed webhook bodies, signed and unsigned, against the real host: each gets a 2xx or 4xx (never 5xx, which a
/// platform redelivers forever), the host keeps serving, the next real message is answered, and no figure moves.
/// </summary>
public sealed class HostileWebhookTests
{
    private const string Secret = "hostile-Secret_1";

    [Fact]
    public async Task Line_FiftyMalformedBodies_NoServerError_NextMessageAnswered_FiguresUnchanged()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();
        var before = OfficeUsed(host);

        var bodies = LineBodies(fake).ToList();
        Assert.True(bodies.Count >= 50, $"{bodies.Count} bodies");
        foreach (var (name, bytes, signed) in bodies)
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.Add("x-line-signature", signed ? LineSignature.Sign(bytes, FakeLineApi.Secret) : "Zm9yZ2Vk");
            using var response = await client.PostAsync(new Uri("/webhooks/line", UriKind.Relative), content);
            Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode}");
            if (!signed)
            {
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.RequestEntityTooLarge, $"{name}: {(int)response.StatusCode}");
            }
        }

        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "ยอด 7"));
        await fake.WaitFor(d => d.To == LineHost.Admin && FakeLineApi.TextOf(d.Messages[0]).StartsWith("โครงการ 7", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(before, OfficeUsed(host));
    }

    [Fact]
    public async Task Telegram_FiftyMalformedBodies_NoServerError_NextMessageAnswered_FiguresUnchanged()
    {
        await using var fake = await FakeTelegramApi.StartAsync();
        await using var host = TelegramHost.Start(fake, Seed.TempDir(), ("BudgetBot:Telegram:WebhookSecret", Secret));
        using var client = host.CreateClient();
        var before = OfficeUsed(host);

        var bodies = TelegramBodies().ToList();
        Assert.True(bodies.Count >= 50, $"{bodies.Count} bodies");
        foreach (var (name, bytes, secret) in bodies)
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            using var response = await client.PostAsync(new Uri("/webhooks/telegram", UriKind.Relative), content);
            Assert.True((int)response.StatusCode < 500, $"{name}: {(int)response.StatusCode}");
            if (secret != Secret)
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }

        var (body, _) = FakeWebhooks.TelegramText(1001, "/balance 7");
        Assert.Equal(HttpStatusCode.OK, (await FakeWebhooks.PostTelegramAsync(client, body, Secret)).StatusCode);
        await fake.WaitFor(c => c.Method == "sendMessage" && c.ChatId == 1001 && c.Text.StartsWith("โครงการ 7", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(before, OfficeUsed(host));
    }

    [Fact]
    public async Task BodiesOverOneMegabyte_Get413_BeforeTheSignatureIsChecked()
    {
        await using var fake = await FakeLineApi.StartAsync();
        await using var host = LineHost.Start(fake, ("BudgetBot:Telegram:WebhookSecret", Secret));
        using var client = host.CreateClient();
        var big = new byte[(1024 * 1024) + 1];

        using var line = new ByteArrayContent(big);
        line.Headers.Add("x-line-signature", "Zm9yZ2Vk");
        using var telegram = new ByteArrayContent(big);
        telegram.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync(new Uri("/webhooks/line", UriKind.Relative), line)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync(new Uri("/webhooks/telegram", UriKind.Relative), telegram)).StatusCode);
    }

    private static decimal OfficeUsed(WebApplicationFactory<Program> host)
    {
        var store = host.Services.GetRequiredService<IServiceStore>();
        var office = store.Offices().Single().Id;
        return store.Projects(office, 2566).Sum(p => store.Balance(p.Id).Actual.Total);
    }

    private static IEnumerable<(string Name, byte[] Body, bool Signed)> LineBodies(FakeLineApi fake)
    {
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        static byte[] Wrap(JsonNode? e) => Utf8(new JsonObject { ["destination"] = FakeLineApi.BotUserId, ["events"] = new JsonArray(e) }.ToJsonString());

        foreach (var raw in new[] { "", "null", "[]", "123", "\"text\"", "{", "{}", "{\"events\":null}", "{\"events\":{}}", "{\"events\":[1,2,3]}", "{\"events\":[null]}", "{\"events\":[[]]}", "{\"destination\":5,\"events\":[]}", "{\"events\":[{}]}" })
        {
            yield return ($"raw {raw}", Utf8(raw), true);
        }

        yield return ("invalid UTF-8", [.. Utf8("{\"events\":[{\"type\":\"message\",\"message\":{\"type\":\"text\",\"text\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}}]}")], true);
        yield return ("nested 2,000 deep", Utf8(new string('[', 2000) + new string(']', 2000)), true);
        yield return ("a thousand events", Utf8(new JsonObject { ["destination"] = FakeLineApi.BotUserId, ["events"] = new JsonArray([.. Enumerable.Range(0, 1000).Select(_ => (JsonNode)new JsonObject { ["type"] = "unknown" })]) }.ToJsonString()), true);
        yield return ("another bot", Utf8(new JsonObject { ["destination"] = "Uother", ["events"] = new JsonArray(fake.Text(LineHost.Admin, "/spend 7 100")) }.ToJsonString()), true);

        var mutations = new (string Name, Action<JsonObject> Change)[]
        {
            ("mode number", e => e["mode"] = 1),
            ("mode object", e => e["mode"] = new JsonObject()),
            ("event id number", e => e["webhookEventId"] = 42),
            ("event id 2,000 chars", e => e["webhookEventId"] = new string('A', 2000)),
            ("event id with slashes", e => e["webhookEventId"] = "../../etc/passwd"),
            ("type number", e => e["type"] = 7),
            ("type unknown", e => e["type"] = "teleport"),
            ("no source", e => e.Remove("source")),
            ("source string", e => e["source"] = "user"),
            ("user id number", e => e["source"]!["userId"] = 12345),
            ("user id empty", e => e["source"]!["userId"] = ""),
            ("user id 5,000 chars", e => e["source"]!["userId"] = "U" + new string('f', 5000)),
            ("group without id", e => e["source"] = new JsonObject { ["type"] = "group", ["userId"] = LineHost.Admin }),
            ("room source", e => e["source"] = new JsonObject { ["type"] = "room", ["roomId"] = "R1", ["userId"] = LineHost.Admin }),
            ("no message", e => e.Remove("message")),
            ("message string", e => e["message"] = "hello"),
            ("text number", e => e["message"]!["text"] = 5),
            ("text null", e => e["message"]!["text"] = null),
            ("message type sticker", e => e["message"] = new JsonObject { ["type"] = "sticker", ["id"] = "1", ["packageId"] = "1", ["stickerId"] = "1" }),
            ("message type image", e => e["message"] = new JsonObject { ["type"] = "image", ["id"] = "1" }),
            ("message type number", e => e["message"]!["type"] = 3),
            ("mention negative index", e => e["message"]!["mention"] = new JsonObject { ["mentionees"] = new JsonArray(new JsonObject { ["index"] = -5, ["length"] = 3, ["type"] = "user", ["isSelf"] = true }) }),
            ("mention past the text", e => e["message"]!["mention"] = new JsonObject { ["mentionees"] = new JsonArray(new JsonObject { ["index"] = 500, ["length"] = 3, ["type"] = "user", ["isSelf"] = true }) }),
            ("mention huge length", e => e["message"]!["mention"] = new JsonObject { ["mentionees"] = new JsonArray(new JsonObject { ["index"] = 0, ["length"] = int.MaxValue, ["type"] = "user", ["isSelf"] = true }) }),
            ("mentionees string", e => e["message"]!["mention"] = new JsonObject { ["mentionees"] = "all" }),
            ("reply token number", e => e["replyToken"] = 99),
            ("reply token 2,000 chars", e => e["replyToken"] = new string('r', 2000)),
            ("timestamp string", e => e["timestamp"] = "yesterday"),
            ("timestamp huge", e => e["timestamp"] = JsonValue.Create(decimal.MaxValue)),
            ("timestamp negative", e => e["timestamp"] = -1),
            ("redelivery string", e => e["deliveryContext"] = new JsonObject { ["isRedelivery"] = "yes" }),
            ("control characters", e => e["message"]!["text"] = "/progress 7 a\u0001b\u0000c"),
            ("bidi marks", e => e["message"]!["text"] = "\u202Eจ่าย 7 100"),
            ("overflowing amount", e => e["message"]!["text"] = "1000000000000000000000000000000 บาท โครงการ 7"),
            ("exponent amount", e => e["message"]!["text"] = "/spend 7 1e30"),
            ("100,000 characters", e => e["message"]!["text"] = new string('ก', 100_000)),
            ("postback data number", e => { e["type"] = "postback"; e["postback"] = new JsonObject { ["data"] = 5 }; }),
            ("postback without data", e => { e["type"] = "postback"; e["postback"] = new JsonObject(); }),
            ("postback forged undo", e => { e["type"] = "postback"; e["postback"] = new JsonObject { ["data"] = "undo:1" }; }),
            ("postback 10,000 chars", e => { e["type"] = "postback"; e["postback"] = new JsonObject { ["data"] = new string('x', 10_000) }; }),
            ("member joined malformed", e => { e["type"] = "memberJoined"; e["joined"] = "everyone"; }),
            ("unsend", e => { e["type"] = "unsend"; e["unsend"] = new JsonObject { ["messageId"] = 1 }; }),
            ("follow from a stranger", e => { e["type"] = "follow"; e["source"]!["userId"] = "Ustranger0000000000000000000000"; }),
            ("stranger spends", e => { e["source"]!["userId"] = "Ustranger0000000000000000000001"; e["message"]!["text"] = "/spend 7 100"; }),
        };
        foreach (var (name, change) in mutations)
        {
            var e = fake.Text(LineHost.Admin, "hello");
            change(e);
            yield return (name, Wrap(e), true);
        }

        yield return ("forged signature", Wrap(fake.Text(LineHost.Admin, "/spend 7 100")), false);
    }

    private static IEnumerable<(string Name, byte[] Body, string Secret)> TelegramBodies()
    {
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        static JsonObject Update(string text) => JsonNode.Parse(FakeWebhooks.TelegramText(1001, text).Body)!.AsObject();

        foreach (var raw in new[] { "", "null", "[]", "123", "\"text\"", "{", "{}", "{\"update_id\":\"x\"}", "{\"update_id\":-5}", "{\"update_id\":99999999999999999999}", "{\"update_id\":1.5}", "{\"update_id\":7,\"message\":5}", "{\"update_id\":8,\"message\":{}}", "{\"update_id\":9,\"callback_query\":{}}" })
        {
            yield return ($"raw {raw}", Utf8(raw), Secret);
        }

        yield return ("invalid UTF-8", [.. Utf8("{\"update_id\":10,\"message\":{\"text\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}}")], Secret);
        yield return ("nested 2,000 deep", Utf8(new string('[', 2000) + new string(']', 2000)), Secret);

        var mutations = new (string Name, Action<JsonObject> Change)[]
        {
            ("text number", u => u["message"]!["text"] = 5),
            ("chat id string", u => u["message"]!["chat"]!["id"] = "abc"),
            ("chat type unknown", u => u["message"]!["chat"]!["type"] = "spaceship"),
            ("no from", u => u["message"]!.AsObject().Remove("from")),
            ("no chat", u => u["message"]!.AsObject().Remove("chat")),
            ("date string", u => u["message"]!["date"] = "today"),
            ("date huge", u => u["message"]!["date"] = JsonValue.Create(decimal.MaxValue)),
            ("entity offset negative", u => u["message"]!["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = -4, ["length"] = 3 })),
            ("entity past the text", u => u["message"]!["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 400, ["length"] = 3 })),
            ("entity huge length", u => u["message"]!["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = int.MaxValue })),
            ("entity type unknown", u => u["message"]!["entities"] = new JsonArray(new JsonObject { ["type"] = "laser", ["offset"] = 0, ["length"] = 1 })),
            ("entities string", u => u["message"]!["entities"] = "all"),
            ("control characters", u => u["message"]!["text"] = "/progress 7 a\u0001b\u0000c"),
            ("bidi marks", u => u["message"]!["text"] = "\u202E/spend 7 100"),
            ("zero width in number", u => u["message"]!["text"] = "/spend 7 2\u200B400"),
            ("overflowing amount", u => u["message"]!["text"] = "1000000000000000000000000000000 บาท โครงการ 7"),
            ("exponent amount", u => u["message"]!["text"] = "/spend 7 1e30"),
            ("negative amount", u => u["message"]!["text"] = "/spend 7 -500"),
            ("100,000 characters", u => u["message"]!["text"] = new string('ก', 100_000)),
            ("stranger spends", u => { u["message"]!["from"]!["id"] = 777; u["message"]!["chat"]!["id"] = 777; u["message"]!["text"] = "/spend 7 100"; }),
            ("stranger invites", u => { u["message"]!["from"]!["id"] = 778; u["message"]!["chat"]!["id"] = 778; u["message"]!["text"] = "/invite admin"; }),
            ("callback data forged", u => { u.Remove("message"); u["callback_query"] = new JsonObject { ["id"] = "1", ["from"] = new JsonObject { ["id"] = 779, ["is_bot"] = false, ["first_name"] = "x" }, ["chat_instance"] = "1", ["data"] = "undo:1" }; }),
            ("callback data number", u => { u.Remove("message"); u["callback_query"] = new JsonObject { ["id"] = "2", ["from"] = new JsonObject { ["id"] = 1001, ["is_bot"] = false, ["first_name"] = "x" }, ["chat_instance"] = "1", ["data"] = 5 }; }),
            ("callback without from", u => { u.Remove("message"); u["callback_query"] = new JsonObject { ["id"] = "3", ["chat_instance"] = "1", ["data"] = "x" }; }),
            ("edited message", u => { u["edited_message"] = u["message"]!.DeepClone(); u.Remove("message"); }),
            ("channel post", u => { u["channel_post"] = u["message"]!.DeepClone(); u.Remove("message"); }),
            ("photo without text", u => { u["message"]!.AsObject().Remove("text"); u["message"]!["photo"] = new JsonArray(); }),
            ("migrate to chat id string", u => u["message"]!["migrate_to_chat_id"] = "x"),
            ("my chat member malformed", u => { u.Remove("message"); u["my_chat_member"] = new JsonObject { ["chat"] = 5 }; }),
            ("unknown update kind", u => { u.Remove("message"); u["teleport"] = new JsonObject(); }),
            ("reply to message loop", u => u["message"]!["reply_to_message"] = new JsonObject { ["message_id"] = 1, ["date"] = 0, ["chat"] = new JsonObject { ["id"] = 1, ["type"] = "private" } }),
            ("group without mention", u => u["message"]!["chat"] = new JsonObject { ["id"] = -100, ["type"] = "supergroup", ["title"] = "x" }),
            ("from is a bot", u => u["message"]!["from"]!["is_bot"] = true),
            ("another office project", u => u["message"]!["text"] = "/spend 9999 100"),
            ("sql looking", u => u["message"]!["text"] = "/balance 7'; DROP TABLE ledger;--"),
            ("html looking", u => u["message"]!["text"] = "/progress 7 <script>alert(1)</script>"),
        };
        foreach (var (name, change) in mutations)
        {
            var u = Update("/help");
            change(u);
            yield return (name, Utf8(u.ToJsonString()), Secret);
        }

        yield return ("no secret", Utf8(Update("/spend 7 100").ToJsonString()), "");
        yield return ("wrong secret", Utf8(Update("/spend 7 100").ToJsonString()), "guess");
    }
}
