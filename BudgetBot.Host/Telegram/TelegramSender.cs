using System.Globalization;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BudgetBot.Host.Telegram;

/// <summary>
/// Sends outbox items for Telegram chats in order, within the rate limits; 429 waits <c>retry_after</c>, 403 marks the
/// chat gone, 5xx and time-outs retry with back-off. An item is marked sent only after Telegram accepted it.
/// </summary>
internal sealed class TelegramSender(
    TelegramBot bot, IChatStore chat, IInbox inbox, ChartRenderer charts, ReportExporter reports, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<TelegramSender> logger)
    : BackgroundService
{
    public const int MaxText = 4096;

    private readonly SemaphoreSlim _wake = new(0);
    private readonly Dictionary<string, (int Attempts, DateTimeOffset Next)> _retries = [];
    private readonly RateLimits _limits = new(
        TimeSpan.FromMilliseconds(options.Value.Telegram.PerChatIntervalMs), options.Value.Telegram.GroupPerMinute, options.Value.Telegram.GlobalPerSecond);

    public static string GoneKey(long chatId) => "telegram:gone:" + chatId.ToString(CultureInfo.InvariantCulture);

    public void Wake() => _wake.Release();

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        var held = new HashSet<long>();
        foreach (var item in chat.Outbox(OutboxStatus.Pending, 500))
        {
            if (ChatOf(item) is not { } chatId || held.Contains(chatId))
            {
                continue;
            }

            var now = clock.GetUtcNow();
            if (inbox.State(GoneKey(chatId)) is not null)
            {
                chat.MarkOutbox(item.Key, OutboxStatus.Undeliverable, now);
                continue;
            }

            if (!_limits.CanSend(chatId, now) || (_retries.TryGetValue(item.Key, out var retry) && now < retry.Next))
            {
                held.Add(chatId); // keep this chat's messages in order
                continue;
            }

            if (ct.IsCancellationRequested)
            {
                break;
            }

            // The send itself is not cancelled on shutdown: a request Telegram accepted must also be marked sent.
            if (await TrySendAsync(item, chatId, CancellationToken.None))
            {
                sent++;
            }
            else
            {
                held.Add(chatId);
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!bot.Enabled)
        {
            return;
        }

        await bot.Ready.Task.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await SendDueAsync(stoppingToken);
            await _wake.WaitAsync(TimeSpan.FromMilliseconds(100), stoppingToken);
        }
    }

    private long? ChatOf(OutboxItem item) =>
        Messaging.OutboxTarget.Of(item, chat) is ("telegram", var id) && long.TryParse(id, CultureInfo.InvariantCulture, out var chatId) ? chatId : null;

    private async Task<bool> TrySendAsync(OutboxItem item, long chatId, CancellationToken ct)
    {
        try
        {
            await SendAsync(item.Reply, chatId, ct);
            _limits.Sent(chatId, clock.GetUtcNow());
            chat.MarkOutbox(item.Key, OutboxStatus.Sent, clock.GetUtcNow());
            _retries.Remove(item.Key);
            return true;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            _limits.Pause(chatId, clock.GetUtcNow(), TimeSpan.FromSeconds(ex.Parameters?.RetryAfter ?? 1));
            return false;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            inbox.SetState(GoneKey(chatId), "1");
            chat.MarkOutbox(item.Key, OutboxStatus.Undeliverable, clock.GetUtcNow());
            Log.TelegramChatGone(logger, chatId);
            return false;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Parameters?.MigrateToChatId is { } newId)
        {
            chat.Enqueue(item with { Key = item.Key + ":migrated", ChatKey = "telegram:" + newId.ToString(CultureInfo.InvariantCulture), PersonId = null });
            chat.MarkOutbox(item.Key, OutboxStatus.Undeliverable, clock.GetUtcNow());
            return false;
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var attempts = _retries.TryGetValue(item.Key, out var r) ? r.Attempts + 1 : 1;
            _retries[item.Key] = (attempts, clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts - 1))));
            Log.TelegramSendFailed(logger, item.Key, attempts, ex);
            return false;
        }
    }

    private async Task SendAsync(Reply reply, long chatId, CancellationToken ct)
    {
        var keyboard = reply.Buttons.Count == 0
            ? null
            : new InlineKeyboardMarkup(reply.Buttons.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Payload))));
        var chunks = Split(Html(reply.Text) + Mentions(reply, chatId));
        for (var i = 0; i < chunks.Count; i++)
        {
            await bot.Client.SendMessage(chatId, chunks[i], parseMode: ParseMode.Html, replyMarkup: i == chunks.Count - 1 ? keyboard : null, cancellationToken: ct);
        }

        foreach (var attachment in reply.Attachments)
        {
            await SendAttachmentAsync(attachment, chatId, ct);
        }
    }

    private async Task SendAttachmentAsync(Attachment attachment, long chatId, CancellationToken ct)
    {
        if (attachment.Kind == AttachmentKind.Image && charts.Render(attachment.Content, english: false) is { } png)
        {
            using var stream = new MemoryStream(png);
            await bot.Client.SendPhoto(chatId, InputFile.FromStream(stream, attachment.Name), cancellationToken: ct);
        }
        else if (reports.XlsxFor(attachment.Content, TimeZones.Today(options.Value.TimeZone, clock.GetUtcNow())) is { } bytes)
        {
            using var stream = new MemoryStream(bytes);
            await bot.Client.SendDocument(chatId, InputFile.FromStream(stream, attachment.Name), cancellationToken: ct);
        }
    }

    /// <summary>In a group, people to mention become text mentions (a link to the user), which notify them.</summary>
    private string Mentions(Reply reply, long chatId)
    {
        var links = reply.Mentions
            .Select(chat.Person)
            .Select(p => (Person: p, Id: p?.Identities.FirstOrDefault(i => i.StartsWith("telegram:", StringComparison.Ordinal))))
            .Where(x => chatId < 0 && x.Id is not null)
            .Select(x => $"<a href=\"tg://user?id={x.Id!["telegram:".Length..]}\">{Html(x.Person!.DisplayName)}</a>")
            .ToList();
        return links.Count == 0 ? "" : "\n🔔 " + string.Join(' ', links);
    }

    /// <summary>Only &amp;, &lt; and &gt; need escaping in Telegram's HTML mode; everything else is sent as written.</summary>
    public static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>At most 4096 UTF-16 units a message.</summary>
    public static List<string> Split(string text) => Messaging.TextChunks.Split(text, MaxText);
}
