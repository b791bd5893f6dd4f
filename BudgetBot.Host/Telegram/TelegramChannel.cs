using System.Globalization;
using System.Text.Json;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BudgetBot.Host.Telegram;

/// <summary>
/// Telegram as a channel: stored updates become messages (a button tap, a group that became a supergroup, a chat that
/// blocked the bot), and an outbox item goes out as text chunks then attachments, each chunk counted as a part so a
/// retry never repeats one Telegram accepted. 429 waits <c>retry_after</c>, 403 is a gone chat, other 4xx are final.
/// </summary>
internal sealed class TelegramChannel(TelegramBot bot, TelegramParts parts, RateLimits limits, Domain.Ports.IChatStore buttons, TimeProvider clock) : IPlatformChannel
{
    public string Platform => TelegramUpdates.Platform;

    public bool Enabled => bot.Enabled;

    public Task Ready => bot.Enabled ? bot.Ready.Task : Task.CompletedTask;

    public IReadOnlyList<InboundAction> Read(InboundEvent stored)
    {
        var update = JsonSerializer.Deserialize<Update>(stored.Payload, JsonBotAPI.Options)
            ?? throw new JsonException("empty update");
        if (update is { Message.MigrateToChatId: { } newId })
        {
            return [new InboundAction.ChatMoved(Id(update.Message.Chat.Id), Id(newId))];
        }

        if (update is { MyChatMember: { } member })
        {
            var gone = member.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left;
            return [new InboundAction.ChatGone(Id(member.Chat.Id), gone)];
        }

        return TelegramUpdates.ToMessage(update, bot.Username, stored.At) is { } message ? [new InboundAction.Handle(message)] : [];
    }

    /// <summary>Telegram shows a spinner until a button's query is answered; the keyboard goes so the tap cannot be repeated.</summary>
    public async Task AfterCommitAsync(InboundEvent stored, CancellationToken ct)
    {
        // Most events are plain messages: only a button tap's update is read a second time.
        if (!stored.Payload.Contains("\"callback_query\"", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            if (JsonSerializer.Deserialize<Update>(stored.Payload, JsonBotAPI.Options) is not { CallbackQuery: { } query })
            {
                return;
            }

            await bot.Client.AnswerCallbackQuery(query.Id, cancellationToken: ct);
            // A tap that was refused (a stranger, or someone the button is not for) leaves the buttons to whom they are for.
            if (query.Message is { } shown && shown.Date != default && !StillWaiting(query.Data))
            {
                await bot.Client.EditMessageReplyMarkup(shown.Chat.Id, shown.Id, replyMarkup: null, cancellationToken: ct);
            }
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or JsonException or TaskCanceledException)
        {
            // A courtesy only: the tap itself was handled either way.
        }
    }

    /// <summary>True when the tapped button's action is still unused and unexpired after the tap was handled: it was refused.</summary>
    private bool StillWaiting(string? data) =>
        data is not null && Domain.Conversation.PendingAction.Read(data) is var (id, _)
        && buttons.Pending(id) is { } action && action.ExpiresAt >= clock.GetUtcNow();

    /// <summary>getFile says where the photo is, then it is downloaded from the Bot API's file address.</summary>
    public async Task<byte[]> FetchPhotoAsync(string photo, CancellationToken ct)
    {
        using var bytes = new MemoryStream();
        await bot.Client.GetInfoAndDownloadFile(photo, bytes, ct);
        return bytes.ToArray();
    }

    /// <summary>Telegram has no idempotency key: a part that may have gone out is not sent again.</summary>
    public bool ResendIsSafe(OutboxItem item) => false;

    public TimeSpan Wait(string chatId, DateTimeOffset now)
    {
        lock (limits)
        {
            return limits.Wait(long.Parse(chatId, CultureInfo.InvariantCulture), now);
        }
    }

    public async Task<SendOutcome> SendAsync(OutboxItem item, Action<int> partSent, CancellationToken ct)
    {
        var chatId = long.Parse(item.ChatId, CultureInfo.InvariantCulture);
        var all = parts.Of(item.Reply, chatId);
        var done = item.PartsSent;
        try
        {
            for (; done < all.Count; done++)
            {
                // A part Telegram accepted must be counted even when the host is stopping.
                await all[done](CancellationToken.None);
                lock (limits)
                {
                    limits.Sent(chatId, clock.GetUtcNow());
                }

                if (done + 1 < all.Count)
                {
                    partSent(done + 1);
                }
            }

            return SendOutcome.Done(done);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            var after = TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 1);
            lock (limits)
            {
                limits.Pause(chatId, clock.GetUtcNow(), after);
            }

            return new SendOutcome(SendResult.RetryAfter, done, "429") { After = after };
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            return new SendOutcome(SendResult.Gone, done, "403 " + ex.Message);
        }
        catch (ApiRequestException ex) when (ex.Parameters?.MigrateToChatId is { } newId)
        {
            return new SendOutcome(SendResult.Moved, done) { NewChatId = Id(newId) };
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            return new SendOutcome(SendResult.Permanent, done, $"{ex.ErrorCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or TaskCanceledException)
        {
            return new SendOutcome(SendResult.Retry, done, ex.Message);
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
