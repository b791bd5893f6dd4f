using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>
/// LINE as a channel: stored webhook events become messages (follow gets the help, join a welcome, unfollow and leave
/// mark the chat gone), and an outbox item goes out in requests of up to five messages, the first with the reply token
/// while it is fresh (free), the rest by push with an <c>X-Line-Retry-Key</c> that is the same on every try, so a retry
/// after a crash or a 5xx cannot send twice.
/// </summary>
internal sealed class LineChannel(
    LineApi api, LineMessages messages, LineQuota quota, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<LineChannel> logger)
    : IPlatformChannel
{
    public const string Welcome = "สวัสดีครับ BudgetBot ช่วยติดตามการใช้จ่ายงบประมาณ\nพิมพ์ /help เพื่อดูคำสั่ง สมาชิกใหม่ขอรหัสเชิญจากผู้ดูแลระบบแล้วพิมพ์ /join รหัส";

    public string Platform => LineEvents.Platform;

    public bool Enabled => options.Value.Line.Enabled();

    public IReadOnlyList<InboundAction> Read(InboundEvent stored)
    {
        using var doc = JsonDocument.Parse(stored.Payload);
        var e = doc.RootElement;
        var chatId = LineEvents.ChatId(e);
        switch (LineEvents.Type(e))
        {
            case "unfollow" or "leave" when chatId is not null:
                return [new InboundAction.ChatGone(chatId, true)];
            case "follow" when chatId is not null && LineEvents.UserId(e) is { } user:
                var hello = new IncomingMessage(Platform, chatId, ChatKind.Private, user, user, "/help", "follow:" + stored.Key, stored.At);
                return [new InboundAction.ChatGone(chatId, false), new InboundAction.Handle(hello, LineEvents.ReplyToken(e))];
            case "join" or "memberJoined" when chatId is not null:
                return [new InboundAction.Send(chatId, new Reply(Welcome), LineEvents.ReplyToken(e))];
        }

        return LineEvents.ToMessage(e, stored.Key) is { } message ? [new InboundAction.Handle(message, LineEvents.ReplyToken(e))] : [];
    }

    /// <summary>A push carries a retry key, so LINE drops a repeat; a reply by token cannot be told apart, so it is not repeated.</summary>
    public Task<byte[]> FetchPhotoAsync(string photo, CancellationToken ct) => api.ContentAsync(photo, ct);

    public bool ResendIsSafe(OutboxItem item) => item.PartsSent > 0 || item.ReplyToken is null;

    public async Task<SendOutcome> SendAsync(OutboxItem item, Action<int> partSent, CancellationToken ct)
    {
        var group = LineEvents.IsGroupId(item.ChatId);
        var batches = messages.Build(item.Reply, group);
        var done = item.PartsSent;
        var asText = false;
        for (; done < batches.Count; done++)
        {
            var fresh = done == 0 && item.ReplyToken is not null && clock.GetUtcNow() - item.CreatedAt < TimeSpan.FromSeconds(options.Value.Line.ReplyTokenSeconds);
            // Not cancelled on shutdown: a request LINE accepted must also be recorded as sent.
            var outcome = fresh ? await api.ReplyAsync(item.ReplyToken!, batches[done], CancellationToken.None) : LineApi.Outcome.InvalidReplyToken;
            if (outcome == LineApi.Outcome.Refused && item.Reply.Card is not null && !asText)
            {
                // LINE refused the card: the same answer as text, pushed, since a refused reply may have spent the token.
                Log.LineCardRefused(logger, item.Key);
                (batches, asText, outcome) = (messages.Build(item.Reply with { Card = null }, group), true, LineApi.Outcome.InvalidReplyToken);
            }

            if (outcome == LineApi.Outcome.InvalidReplyToken)
            {
                // A push counts against the month's quota: past the configured cap it waits for the next month.
                if (!quota.MayPush())
                {
                    return new SendOutcome(SendResult.Withheld, done, "monthly push cap reached");
                }

                outcome = await api.PushAsync(item.ChatId, batches[done], RetryKey(asText ? item.Key + ":text" : item.Key, done), CancellationToken.None);
                if (outcome == LineApi.Outcome.Sent)
                {
                    quota.Pushed(1);
                }
            }

            switch (outcome)
            {
                case LineApi.Outcome.Sent or LineApi.Outcome.AlreadySent:
                    if (done + 1 < batches.Count)
                    {
                        partSent(done + 1);
                    }

                    continue;
                case LineApi.Outcome.QuotaUsedUp:
                    quota.UsedUp();
                    return new SendOutcome(SendResult.Withheld, done, "LINE's monthly quota used up");
                case LineApi.Outcome.RateLimited:
                    return new SendOutcome(SendResult.RetryAfter, done, "429") { After = TimeSpan.FromSeconds(1) };
                case LineApi.Outcome.Refused:
                    return new SendOutcome(SendResult.Permanent, done, "refused by LINE (4xx)");
                default:
                    return new SendOutcome(SendResult.Retry, done, outcome.ToString());
            }
        }

        return SendOutcome.Done(done);
    }

    /// <summary>The same outbox item and part always get the same key, across retries and restarts.</summary>
    public static Guid RetryKey(string outboxKey, int part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(outboxKey + "#" + part.ToString(CultureInfo.InvariantCulture)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
