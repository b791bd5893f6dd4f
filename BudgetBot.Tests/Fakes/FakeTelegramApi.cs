using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BudgetBot.Tests.Fakes;

/// <summary>
/// A loopback fake of the Telegram Bot API (Kestrel on 127.0.0.1, port 0) speaking the wire format Telegram.Bot 22 uses:
/// POST /bot{token}/{method}, JSON or multipart with attach://, the ok/result envelope, and injectable 429/403/5xx.
/// </summary>
internal sealed class FakeTelegramApi : IAsyncDisposable
{
    public const string Token = "123456:TEST";
    public const string Username = "budgetbot_test";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Changes _changes = new();
    private readonly List<JsonObject> _updates = [];
    private readonly ConcurrentQueue<(string Method, int Code, int RetryAfter)> _faults = new();
    private int _nextUpdate = 500_000_001;
    private int _nextMessage = 1;

    private FakeTelegramApi(WebApplication app) => _app = app;

    public ConcurrentQueue<Call> Calls { get; } = new();

    private int _polling;
    private int _pollConflicts;

    public Uri Url => Loopback.UrlOf(_app);

    public IEnumerable<Call> Sent(long chatId) => Calls.Where(c => c.Ok && c.Method is "sendMessage" && c.ChatId == chatId);

    /// <summary>Messages delivered whose text starts so (a spend's "recorded" reply, say), to any chat.</summary>
    public int SentStartingWith(string prefix) => Calls.Count(c => c.Ok && c.Method is "sendMessage" && c.Text.StartsWith(prefix, StringComparison.Ordinal));

    public static async Task<FakeTelegramApi> StartAsync()
    {
        FakeTelegramApi? fake = null;
        await Loopback.StartAsync(app =>
        {
            fake = new FakeTelegramApi(app);
            app.Map("/bot{token}/{method}", fake.Handle);
            app.MapGet("/file/bot{token}/{**path}", (string token, string path) =>
                token == Token && fake.Files.TryGetValue(path, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        });
        return fake!;
    }

    public void EnqueueText(long chatId, long fromId, string text, string chatType = "private")
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessage),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["from"] = new JsonObject { ["id"] = fromId, ["is_bot"] = false, ["first_name"] = "User" + fromId },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType },
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        Add(new JsonObject { ["message"] = message });
    }

    /// <summary>Files the bot may download, by their path; a photo's sizes are kept under its file ids.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>A photo message (two sizes, as Telegram sends them; the larger holds <paramref name="picture"/>), with an optional caption.</summary>
    public void EnqueuePhoto(long chatId, long fromId, byte[] picture, string? caption = null, string chatType = "private")
    {
        var id = Interlocked.Increment(ref _nextMessage);
        Files[$"photos/file_{id}.jpg"] = picture;
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["from"] = new JsonObject { ["id"] = fromId, ["is_bot"] = false, ["first_name"] = "User" + fromId },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType },
            ["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = $"thumb-{id}", ["file_unique_id"] = $"t{id}", ["width"] = 90, ["height"] = 120, ["file_size"] = 1000 },
                new JsonObject { ["file_id"] = $"photo-{id}", ["file_unique_id"] = $"p{id}", ["width"] = 960, ["height"] = 1280, ["file_size"] = picture.Length }),
        };
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        Add(new JsonObject { ["message"] = message });
    }

    public void EnqueueCallback(long chatId, long fromId, int messageId, string data) =>
        Add(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cq" + Interlocked.Increment(ref _nextMessage).ToString(CultureInfo.InvariantCulture),
                ["from"] = new JsonObject { ["id"] = fromId, ["is_bot"] = false, ["first_name"] = "User" + fromId },
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId,
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
                    ["text"] = "…",
                },
                ["chat_instance"] = "1",
                ["data"] = data,
            },
        });

    /// <summary>A group upgraded to a supergroup: the service message Telegram sends in the old group.</summary>
    public void EnqueueMigration(long oldId, long newId) =>
        Add(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessage),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = oldId, ["type"] = "group" },
                ["migrate_to_chat_id"] = newId,
            },
        });

    /// <summary>The same update delivered again (as Telegram does after a timeout).</summary>
    public void Redeliver(int index)
    {
        lock (_gate)
        {
            _updates.Add(_updates[index]);
        }

        _changes.Notify();
    }

    /// <summary>The update queued last, as JSON: what a webhook test posts instead of waiting for a poll.</summary>
    public string LastUpdate()
    {
        lock (_gate)
        {
            return _updates[^1].ToJsonString();
        }
    }

    public JsonObject UpdateAt(int index)
    {
        lock (_gate)
        {
            return _updates[index];
        }
    }

    private int _every;
    private int _counted;

    /// <summary>Every <paramref name="n"/>th sendMessage answers 429 with <c>retry_after</c> = 1 (0 turns it off).</summary>
    public void ThrottleEvery(int n) => _every = n;

    private int _acceptLimit = int.MaxValue;
    private int _accepted;

    /// <summary>
    /// sendMessage is accepted <paramref name="count"/> more times, then answered 429 (retry after a minute) until
    /// <see cref="AcceptAll"/>: a burst can be cut at an exact point.
    /// </summary>
    public void AcceptOnly(int count)
    {
        _accepted = 0;
        _acceptLimit = count;
    }

    public void AcceptAll() => _acceptLimit = int.MaxValue;

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> fail with this error code.</summary>
    public void Fail(string method, int code, int count = 1, int retryAfter = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue((method, code, retryAfter));
        }
    }

    public Task<Call> WaitFor(Func<Call, bool> match, TimeSpan? timeout = null) =>
        _changes.WaitFor(() => Calls.FirstOrDefault(c => c.Ok && match(c)), timeout ?? TimeSpan.FromSeconds(20),
            () => "The bot never made the expected call. Calls: " + string.Join(", ", Calls.Select(c => c.Method + ":" + c.Text)));

    /// <summary>Completes once <paramref name="done"/> holds, looking again after every call.</summary>
    public Task WaitUntil(Func<bool> done, TimeSpan timeout) =>
        _changes.WaitFor(() => done() ? this : null, timeout, () => "the bot never got there. Calls: " + Calls.Count);

    /// <summary>Completes at the next call or update (for waiters that count rather than match).</summary>
    public Task NextChange(CancellationToken ct) => _changes.Next(ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Add(JsonObject update)
    {
        lock (_gate)
        {
            update["update_id"] = _nextUpdate++;
            _updates.Add(update);
        }

        _changes.Notify();
    }

    private async Task Handle(HttpContext http, string token, string method)
    {
        if (token != Token)
        {
            await Reply(http, 401, new JsonObject { ["ok"] = false, ["error_code"] = 401, ["description"] = "Unauthorized" });
            return;
        }

        var args = await Read(http.Request);
        var call = new Call(method, args, Ok: true);
        if (method == "sendMessage" && _every > 0 && Interlocked.Increment(ref _counted) % _every == 0)
        {
            _faults.Enqueue((method, 429, 1));
        }

        if (method == "sendMessage" && _acceptLimit != int.MaxValue && Interlocked.Increment(ref _accepted) > _acceptLimit)
        {
            _faults.Enqueue((method, 429, 60));
        }

        if (method != "getUpdates" && _faults.TryPeek(out var fault) && fault.Method == method && _faults.TryDequeue(out fault))
        {
            Calls.Enqueue(call with { Ok = false });
            _changes.Notify();
            if (fault.Code >= 500)
            {
                http.Response.StatusCode = fault.Code;
                await http.Response.WriteAsync("<html>Bad Gateway</html>");
                return;
            }

            var error = new JsonObject { ["ok"] = false, ["error_code"] = fault.Code, ["description"] = fault.Code == 429 ? "Too Many Requests: retry after " + fault.RetryAfter : "Forbidden: bot was blocked by the user" };
            if (fault.Code == 429)
            {
                error["parameters"] = new JsonObject { ["retry_after"] = fault.RetryAfter };
            }

            await Reply(http, fault.Code == 429 ? 429 : 403, error);
            return;
        }

        JsonNode result = method switch
        {
            "getFile" when args["file_id"]?.ToString() is { } fileId && fileId.StartsWith("photo-", StringComparison.Ordinal) => new JsonObject
            {
                ["file_id"] = fileId,
                ["file_unique_id"] = "u" + fileId,
                ["file_size"] = Files.GetValueOrDefault($"photos/file_{fileId[6..]}.jpg")?.Length ?? 0,
                ["file_path"] = $"photos/file_{fileId[6..]}.jpg",
            },
            "getMe" => new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "BudgetBot", ["username"] = Username },
            "getUpdates" => await Updates(args, http) is { } updates ? updates : null!,
            "sendMessage" or "sendPhoto" or "sendDocument" => new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _nextMessage),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = call.ChatId, ["type"] = call.ChatId < 0 ? "supergroup" : "private" },
                ["text"] = call.Text,
            },
            _ => true,
        };
        if (method == "getUpdates" && http.Response.HasStarted)
        {
            return; // refused as a second poller
        }

        if (method != "getUpdates")
        {
            Calls.Enqueue(call);
            _changes.Notify();
        }

        await Reply(http, 200, new JsonObject { ["ok"] = true, ["result"] = result });
    }

    /// <summary>
    /// Long polls that arrived while another was open. Telegram answers such a request with 409 Conflict ("terminated by
    /// other getUpdates request"): two pollers of one bot are a fault, and the fake counts them.
    /// </summary>
    public int PollConflicts => Volatile.Read(ref _pollConflicts);

    private async Task<JsonNode?> Updates(JsonObject args, HttpContext http)
    {
        if (Interlocked.Increment(ref _polling) > 1)
        {
            Interlocked.Decrement(ref _polling);
            Interlocked.Increment(ref _pollConflicts);
            await Reply(http, 409, new JsonObject { ["ok"] = false, ["error_code"] = 409, ["description"] = "Conflict: terminated by other getUpdates request" });
            return null;
        }

        try
        {
            return await Updates(args, http.RequestAborted);
        }
        finally
        {
            Interlocked.Decrement(ref _polling);
        }
    }

    private async Task<JsonNode> Updates(JsonObject args, CancellationToken ct)
    {
        var offset = args["offset"]?.GetValue<int>() ?? 0;
        var wait = Math.Min(args["timeout"]?.GetValue<int>() ?? 0, 1);
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
        poll.CancelAfter(TimeSpan.FromSeconds(wait));
        while (true)
        {
            var next = _changes.Next(poll.Token);
            lock (_gate)
            {
                var due = _updates.Where(u => u["update_id"]!.GetValue<int>() >= offset).Select(u => u.DeepClone()).ToArray();
                if (due.Length > 0 || poll.IsCancellationRequested)
                {
                    return new JsonArray(due);
                }
            }

            try
            {
                await next;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The long poll's time is up: answer with what there is (nothing).
            }
        }
    }

    private static async Task<JsonObject> Read(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var args = new JsonObject();
            foreach (var (key, value) in form)
            {
                args[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                args["file:" + file.Name] = file.Length;
                args["filename"] = file.FileName;
            }

            return args;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject();
    }

    private static async Task Reply(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    public sealed record Call(string Method, JsonObject Args, bool Ok)
    {
        public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;

        public long ChatId => Args["chat_id"] is { } id ? long.Parse(id.ToString(), CultureInfo.InvariantCulture) : 0;

        /// <summary>The text as Telegram shows it: the HTML mode's tags read as formatting, its three escapes undone.</summary>
        public string Text => Regex.Replace(Html, "<[^>]+>", "").Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

        /// <summary>The text as sent, in Telegram's HTML mode.</summary>
        public string Html => Args["text"]?.ToString() ?? "";

        public string? Markup => Args["reply_markup"]?.ToJsonString();
    }
}
