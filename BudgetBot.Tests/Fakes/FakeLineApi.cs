using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using BudgetBot.Host.Line;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BudgetBot.Tests.Fakes;

/// <summary>
/// A loopback fake of api.line.me: reply tokens are single-use and expire after a minute (on the fake's own clock),
/// push retry keys are remembered (a repeat gets 409), and 429/500 can be injected. It also signs and posts webhooks.
/// </summary>
internal sealed class FakeLineApi : IAsyncDisposable
{
    public const string AccessToken = "line-token";
    public const string Secret = "0123456789abcdef0123456789abcdef";
    public const string BotUserId = "U0123456789abcdef0123456789abcdef";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string To, DateTimeOffset At, bool Used)> _tokens = new();
    private readonly ConcurrentDictionary<string, bool> _retryKeys = new();
    private readonly ConcurrentQueue<int> _pushFaults = new();
    private readonly Changes _changes = new();
    private TimeSpan _clock = TimeSpan.Zero;
    private int _next;

    private FakeLineApi(WebApplication app) => _app = app;

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public ConcurrentQueue<string> Rejections { get; } = new();

    public Uri Url => Loopback.UrlOf(_app);

    public DateTimeOffset Now => DateTimeOffset.UtcNow + _clock;

    public static async Task<FakeLineApi> StartAsync()
    {
        FakeLineApi? fake = null;
        await Loopback.StartAsync(app =>
        {
            fake = new FakeLineApi(app);
            app.MapPost("/v2/bot/message/reply", (Delegate)fake.Reply);
            app.MapPost("/v2/bot/message/push", (Delegate)fake.Push);
            app.MapGet("/v2/bot/message/quota", (HttpContext http) => Authorized(http)
                ? Results.Json(fake.QuotaLimit is { } limit ? new { type = "limited", value = (long?)limit } : new { type = "none", value = (long?)null })
                : Results.Json(new { message = "Authentication failed" }, statusCode: 401));
            app.MapGet("/v2/bot/message/quota/consumption", (HttpContext http) => Authorized(http)
                ? Results.Json(new { totalUsage = Interlocked.Read(ref fake._quotaUsed) })
                : Results.Json(new { message = "Authentication failed" }, statusCode: 401));
            // The data address (api-data.line.me) serves what users sent; the tests point DataApiBaseUrl here too.
            app.MapGet("/v2/bot/message/{id}/content", (HttpContext http, string id) => !Authorized(http)
                ? Results.Json(new { message = "Authentication failed" }, statusCode: 401)
                : fake.Images.TryGetValue(id, out var image) ? Results.Bytes(image, "image/jpeg") : Results.NotFound());
            app.MapGet("/v2/bot/info", (HttpContext http) => Authorized(http)
                ? Results.Json(new { userId = BotUserId, basicId = "@budgetbot", displayName = "BudgetBot", chatMode = "bot", markAsReadMode = "auto" })
                : Results.Json(new { message = "Authentication failed" }, statusCode: 401));
        });
        return fake!;
    }

    public void AdvanceClock(TimeSpan by) => _clock += by;

    private long _quotaUsed;

    /// <summary>The plan's monthly target limit LINE reports (null: none set).</summary>
    public long? QuotaLimit { get; set; }

    /// <summary>Messages counted against the quota this month: set to start from a figure; every push accepted adds one.</summary>
    public long QuotaUsed
    {
        get => Interlocked.Read(ref _quotaUsed);
        set => Interlocked.Exchange(ref _quotaUsed, value);
    }

    /// <summary>Push requests wait, unanswered, until this is completed: whatever the host does meanwhile is not waiting on LINE.</summary>
    public TaskCompletionSource PushesHeld { get; set; } = Completed();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    /// <summary>The next push attempts fail: 500 after accepting it (the answer is lost), or 429 for a used-up quota.</summary>
    public void FailPush(int status, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _pushFaults.Enqueue(status);
        }
    }

    public IEnumerable<string> TextsTo(string to) =>
        Deliveries.Where(d => d.To == to).SelectMany(d => d.Messages.Select(TextOf)).Where(t => t.Length > 0);

    /// <summary>What a message says: a text's text, a Flex card's alternative text (the reply's whole text); empty for others.</summary>
    public static string TextOf(JsonNode? message) =>
        message?["type"]?.ToString() == "flex" ? message["altText"]?.ToString() ?? "" : message?["text"]?.ToString() ?? "";

    public Task<Delivery> WaitFor(Func<Delivery, bool> match, TimeSpan? timeout = null) =>
        _changes.WaitFor(() => Deliveries.FirstOrDefault(match), timeout ?? TimeSpan.FromSeconds(20),
            () => "LINE got nothing matching. Deliveries: " + string.Join(" | ", Deliveries.Select(d => d.Kind + ":" + d.Messages.ToJsonString())));

    /// <summary>Completes at the next delivery (for waiters that count rather than match).</summary>
    public Task NextChange(CancellationToken ct) => _changes.Next(ct);

    /// <summary>A text message event from a user (in a group when <paramref name="groupId"/> is set), with a fresh reply token.</summary>
    public JsonObject Text(string userId, string text, string? groupId = null) =>
        Event("message", userId, groupId, new JsonObject { ["message"] = new JsonObject { ["type"] = "text", ["id"] = Id(), ["quoteToken"] = "q", ["text"] = text } });

    /// <summary>Pictures users sent, by message id: what the content address gives.</summary>
    public ConcurrentDictionary<string, byte[]> Images { get; } = new();

    /// <summary>An image message event whose content LINE keeps (<paramref name="picture"/> is served for it).</summary>
    public JsonObject Image(string userId, byte[] picture, string? groupId = null)
    {
        var id = Id();
        Images[id] = picture;
        return Event("message", userId, groupId, new JsonObject
        {
            ["message"] = new JsonObject { ["type"] = "image", ["id"] = id, ["quoteToken"] = "q", ["contentProvider"] = new JsonObject { ["type"] = "line" } },
        });
    }

    public JsonObject Postback(string userId, string data, string? groupId = null) =>
        Event("postback", userId, groupId, new JsonObject { ["postback"] = new JsonObject { ["data"] = data } });

    public JsonObject Follow(string userId) => Event("follow", userId, null, new JsonObject { ["follow"] = new JsonObject { ["isUnblocked"] = false } });

    public JsonObject Unfollow(string userId)
    {
        var e = Event("unfollow", userId, null, []);
        e.Remove("replyToken");
        return e;
    }

    /// <summary>Serializes once, signs those exact bytes, and posts them to the bot's webhook.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient bot, string? signature = null, string? secret = Secret, string destination = BotUserId, params JsonObject[] events)
    {
        var body = new JsonObject { ["destination"] = destination, ["events"] = new JsonArray([.. events.Select(e => e.DeepClone())]) };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        content.Headers.Add("x-line-signature", signature ?? LineSignature.Sign(bytes, secret!));
        return await bot.PostAsync(new Uri("/webhooks/line", UriKind.Relative), content);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private JsonObject Event(string type, string userId, string? groupId, JsonObject extra)
    {
        var token = "rt" + Id();
        _tokens[token] = (groupId ?? userId, Now, false);
        var e = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = Now.ToUnixTimeMilliseconds(),
            ["source"] = groupId is null
                ? new JsonObject { ["type"] = "user", ["userId"] = userId }
                : new JsonObject { ["type"] = "group", ["groupId"] = groupId, ["userId"] = userId },
            ["webhookEventId"] = "01H" + Id().PadLeft(23, '0'),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
            ["replyToken"] = token,
        };
        foreach (var (k, v) in extra)
        {
            e[k] = v?.DeepClone();
        }

        return e;
    }

    private string Id() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool Authorized(HttpContext http) => http.Request.Headers.Authorization.ToString() == "Bearer " + AccessToken;

    private async Task<IResult> Reply(HttpContext http)
    {
        if (!Authorized(http))
        {
            return Results.Json(new { message = "Authentication failed" }, statusCode: 401);
        }

        var body = (await http.Request.ReadFromJsonAsync<JsonObject>())!;
        var token = body["replyToken"]?.ToString() ?? "";
        if (http.Request.Headers.ContainsKey("X-Line-Retry-Key"))
        {
            return Reject("retry key on reply");
        }

        if (!_tokens.TryGetValue(token, out var t) || t.Used || Now - t.At > TimeSpan.FromMinutes(1))
        {
            Rejections.Enqueue("Invalid reply token");
            return Results.Json(new { message = "Invalid reply token" }, statusCode: 400);
        }

        if (Validate(body["messages"]) is { } problem)
        {
            return Reject(problem);
        }

        _tokens[token] = t with { Used = true };
        Deliveries.Enqueue(new Delivery("reply", t.To, body["messages"]!.AsArray(), null));
        _changes.Notify();
        return Results.Json(new { sentMessages = new[] { new { id = Id(), quoteToken = "q" } } });
    }

    private async Task<IResult> Push(HttpContext http)
    {
        if (!Authorized(http))
        {
            return Results.Json(new { message = "Authentication failed" }, statusCode: 401);
        }

        await PushesHeld.Task;
        var body = (await http.Request.ReadFromJsonAsync<JsonObject>())!;
        var key = http.Request.Headers["X-Line-Retry-Key"].ToString();
        if (key.Length > 0 && _retryKeys.ContainsKey(key))
        {
            http.Response.Headers["X-Line-Accepted-Request-Id"] = "accepted-" + key;
            return Results.Json(new { message = "The retry key is already accepted" }, statusCode: 409);
        }

        if (Validate(body["messages"]) is { } problem)
        {
            return Reject(problem);
        }

        if (_pushFaults.TryDequeue(out var fault) && fault == 429)
        {
            return Results.Json(new { message = "You have reached your monthly limit." }, statusCode: 429);
        }

        if (key.Length > 0)
        {
            _retryKeys[key] = true;
        }

        Deliveries.Enqueue(new Delivery("push", body["to"]!.ToString(), body["messages"]!.AsArray(), key));
        // LINE counts a push to one person as one message, whatever number of bubbles it carries.
        Interlocked.Increment(ref _quotaUsed);
        _changes.Notify();
        return fault == 500
            ? Results.Json(new { message = "Internal error" }, statusCode: 500)
            : Results.Json(new { sentMessages = new[] { new { id = Id(), quoteToken = "q" } } });
    }

    private IResult Reject(string problem)
    {
        Rejections.Enqueue(problem);
        return Results.Json(new { message = "The request body has 1 error(s)", details = new[] { new { message = problem } } }, statusCode: 400);
    }

    /// <summary>Every Flex message is refused (400), as LINE refuses one it finds invalid.</summary>
    public bool RefuseFlex { get; set; }

    /// <summary>What LINE's schema asks of a Flex message (flex-message.schema.json, from LINE's Messaging API OpenAPI document).</summary>
    private static readonly Json.Schema.JsonSchema FlexSchema = Json.Schema.JsonSchema.FromText(
        new StreamReader(typeof(FakeLineApi).Assembly.GetManifestResourceStream("flex-message.schema.json")!).ReadToEnd());

    /// <summary>The first thing the schema refuses in a Flex message, with where; null for a message it accepts.</summary>
    public static string? FlexProblem(JsonNode message)
    {
        var result = FlexSchema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(message), new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        return result.IsValid
            ? null
            : string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(3).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"));
    }

    private string? Validate(JsonNode? messages)
    {
        if (messages is not JsonArray list || list.Count is < 1 or > 5)
        {
            return "1 to 5 messages";
        }

        foreach (var m in list)
        {
            switch (m!["type"]?.ToString())
            {
                case "text" when (m["text"]?.ToString().Length ?? 0) is < 1 or > 5000:
                    return "text of 1 to 5000 characters";
                case "image" when !(m["originalContentUrl"]?.ToString() ?? "").StartsWith("https://", StringComparison.Ordinal):
                    return "image URLs must be https";
                case "flex" when RefuseFlex:
                    return "the Flex message is invalid";
                case "flex" when FlexProblem(m) is { } problem:
                    return problem;
            }

            if (m["quickReply"]?["items"] is JsonArray items && (items.Count > 13 || items.Any(i => (i!["action"]?["data"]?.ToString().Length ?? 0) > 300)))
            {
                return "quick reply limits";
            }
        }

        return null;
    }

    public sealed record Delivery(string Kind, string To, JsonArray Messages, string? RetryKey)
    {
        public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;
    }
}
