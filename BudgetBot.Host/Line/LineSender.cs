using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

/// <summary>
/// Sends outbox items for LINE chats: with the reply token while it is fresh (free), otherwise by push with an
/// <c>X-Line-Retry-Key</c> that stays the same on every retry, so a retry after a crash or a 5xx cannot send twice.
/// </summary>
internal sealed class LineSender(
    LineApi api, LineMessages messages, IBudgetStore budget, IChatStore chat, IInbox inbox, LineBotInfo bot, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<LineSender> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Dictionary<string, (int Attempts, DateTimeOffset Next)> _retries = [];

    public void Wake() => _wake.Release();

    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var item in chat.Outbox(OutboxStatus.Pending, 200))
        {
            if (Target(item) is not { } to || (_retries.TryGetValue(item.Key, out var r) && clock.GetUtcNow() < r.Next))
            {
                continue;
            }

            if (inbox.State(LineDispatcher.GoneKey(to)) is "1")
            {
                chat.MarkOutbox(item.Key, OutboxStatus.Undeliverable, clock.GetUtcNow());
                continue;
            }

            if (await SendAsync(item, to, ct))
            {
                chat.MarkOutbox(item.Key, OutboxStatus.Sent, clock.GetUtcNow());
                _retries.Remove(item.Key);
                sent++;
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Line.Enabled())
        {
            return;
        }

        bot.UserId = await Quietly(() => api.BotUserIdAsync(stoppingToken));
        while (!stoppingToken.IsCancellationRequested)
        {
            await SendDueAsync(stoppingToken);
            await _wake.WaitAsync(TimeSpan.FromMilliseconds(200), stoppingToken);
        }
    }

    private string? Target(OutboxItem item) => Messaging.OutboxTarget.Of(item, chat) is ("line", var id) ? id : null;

    private async Task<bool> SendAsync(OutboxItem item, string to, CancellationToken ct)
    {
        var batches = messages.Build(item.Reply, group: to.StartsWith('C') || to.StartsWith('R'));
        for (var i = 0; i < batches.Count; i++)
        {
            var fresh = item.ReplyToken is not null && clock.GetUtcNow() - item.CreatedAt < TimeSpan.FromSeconds(options.Value.Line.ReplyTokenSeconds);
            var outcome = i == 0 && fresh ? await Quietly(() => api.ReplyAsync(item.ReplyToken!, batches[i], ct)) : LineApi.Outcome.InvalidReplyToken;
            if (outcome == LineApi.Outcome.InvalidReplyToken)
            {
                outcome = await Quietly(() => api.PushAsync(to, batches[i], RetryKey(item.Key, i), ct));
            }

            switch (outcome)
            {
                case LineApi.Outcome.Sent or LineApi.Outcome.AlreadySent:
                    continue;
                case LineApi.Outcome.QuotaUsedUp:
                    TellAdmins();
                    Later(item.Key, TimeSpan.FromHours(1));
                    return false;
                default:
                    var attempts = _retries.TryGetValue(item.Key, out var r) ? r.Attempts + 1 : 1;
                    Later(item.Key, TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts - 1))), attempts);
                    Log.LineSendFailed(logger, item.Key, outcome.ToString());
                    return false;
            }
        }

        return true;
    }

    private void Later(string key, TimeSpan wait, int attempts = 1) => _retries[key] = (attempts, clock.GetUtcNow() + wait);

    /// <summary>The same outbox item and part always get the same key, across retries and restarts.</summary>
    public static Guid RetryKey(string outboxKey, int part)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(outboxKey + "#" + part.ToString(CultureInfo.InvariantCulture)));
        return new Guid(hash.AsSpan(0, 16));
    }

    private void TellAdmins()
    {
        Log.LineQuotaUsedUp(logger);
        var month = clock.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var admins = budget.Offices().SelectMany(o => chat.People(o.Id).Where(p => Access.IsAdmin(p, o.Id))).DistinctBy(p => p.Id);
        foreach (var person in admins)
        {
            chat.Enqueue(new OutboxItem($"line-quota:{month}:{person.Id}", "LineQuota", "", person.Id, null,
                new Reply("⚠ โควตาข้อความ LINE ประจำเดือนหมดแล้ว ข้อความแบบ push จะรอจนได้โควตาใหม่ (ข้อความตอบกลับยังส่งได้)"), clock.GetUtcNow()));
        }
    }

    /// <summary>A network failure or time-out counts as <see cref="LineApi.Outcome.Failed"/> (the default), to be retried.</summary>
    private static async Task<T?> Quietly<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return default;
        }
    }
}
