using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>A thin typed client of the LINE Messaging API calls BudgetBot makes (reply, push, bot info).</summary>
internal sealed class LineApi(HttpClient http, IOptions<BudgetBotOptions> options)
{
    public enum Outcome
    {
        Failed,
        Sent,
        AlreadySent,
        InvalidReplyToken,
        QuotaUsedUp,
        RateLimited,
        /// <summary>A 4xx other than 409 and 429: the request will never succeed as it is.</summary>
        Refused,
    }

    public async Task<Outcome> ReplyAsync(string replyToken, JsonArray messages, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "/v2/bot/message/reply", new JsonObject { ["replyToken"] = replyToken, ["messages"] = messages.DeepClone() });
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest && (await response.Content.ReadAsStringAsync(ct)).Contains("reply token", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.InvalidReplyToken;
        }

        return await Classify(response, ct);
    }

    /// <summary>Push with a retry key: the same key on every attempt, so LINE sends it once (409 means it already did).</summary>
    public async Task<Outcome> PushAsync(string to, JsonArray messages, Guid retryKey, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, "/v2/bot/message/push", new JsonObject { ["to"] = to, ["messages"] = messages.DeepClone() });
        request.Headers.Add("X-Line-Retry-Key", retryKey.ToString("D"));
        using var response = await http.SendAsync(request, ct);
        return await Classify(response, ct);
    }

    /// <summary>
    /// This month's quota (null: no target limit set on the plan) and what has been sent against it; null when LINE
    /// does not answer.
    /// </summary>
    public async Task<(long? Limit, long Used)?> QuotaAsync(CancellationToken ct)
    {
        using var quotaRequest = Request(HttpMethod.Get, "/v2/bot/message/quota", null);
        using var quota = await http.SendAsync(quotaRequest, ct);
        using var usedRequest = Request(HttpMethod.Get, "/v2/bot/message/quota/consumption", null);
        using var used = await http.SendAsync(usedRequest, ct);
        if (!quota.IsSuccessStatusCode || !used.IsSuccessStatusCode)
        {
            return null;
        }

        var q = await quota.Content.ReadFromJsonAsync<JsonObject>(ct);
        var u = await used.Content.ReadFromJsonAsync<JsonObject>(ct);
        long? limit = q?["type"]?.ToString() == "limited" && q["value"] is { } value ? value.GetValue<long>() : null;
        return (limit, u?["totalUsage"]?.GetValue<long>() ?? 0);
    }

    /// <summary>What a user sent (an image), from LINE's data address; throws while LINE has not got it ready, or on a failure.</summary>
    public async Task<byte[]> ContentAsync(string messageId, CancellationToken ct)
    {
        var o = options.Value.Line;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{o.DataApiBaseUrl.TrimEnd('/')}/v2/bot/message/{Uri.EscapeDataString(messageId)}/content"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ChannelAccessToken);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // 202: LINE is still preparing the content; anything else is a failure. Either way it is asked again later.
            throw new HttpRequestException($"LINE content {messageId}: {(int)response.StatusCode}", null, response.StatusCode);
        }

        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    public async Task<string?> BotUserIdAsync(CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, "/v2/bot/info", null);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var info = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return info?["userId"]?.ToString();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body)
    {
        var o = options.Value.Line;
        var request = new HttpRequestMessage(method, new Uri(o.ApiBaseUrl.TrimEnd('/') + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ChannelAccessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static async Task<Outcome> Classify(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return Outcome.Sent;
        }

        var body = await response.Content.ReadAsStringAsync(ct);
        return (int)response.StatusCode switch
        {
            409 => Outcome.AlreadySent,
            429 when body.Contains("monthly limit", StringComparison.OrdinalIgnoreCase) => Outcome.QuotaUsedUp,
            429 => Outcome.RateLimited,
            >= 400 and < 500 => Outcome.Refused,
            _ => Outcome.Failed,
        };
    }
}
