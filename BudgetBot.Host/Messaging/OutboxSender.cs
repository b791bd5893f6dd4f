using System.Collections.Concurrent;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// The one sending loop, run once per platform channel. Each round reads the platform's pending items (an index read),
/// gives every chat a turn (several chats at once, each chat's items in order, at most a few per round, so one chat's
/// backlog cannot hold another's first reply back by more than a round), and records every result in one write. It
/// sleeps until woken or until the next item is due; it never polls on a fixed interval.
/// </summary>
internal sealed class OutboxSender(
    IPlatformChannel channel, IOutbox outbox, IInbox inbox, IChatStore chat, IUnitOfWork unit, DeadLetters dead, MessageSignals signals, TimeProvider clock, ILogger logger)
{
    public const int PerChatPerRound = 16;
    public const int MaxRetries = 6;

    public string Platform => channel.Platform;

    /// <summary>Sends what is due now; returns how many items went out and when the next one is due (null: none is waiting).</summary>
    public async Task<(int Sent, DateTimeOffset? NextDue)> RoundAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pending = outbox.Pending(Platform, 1000);
        if (pending.Count == 0)
        {
            return (0, null);
        }

        var updates = new ConcurrentQueue<OutboxUpdate>();
        var failed = new ConcurrentQueue<(OutboxItem Item, string Error)>();
        var moved = new ConcurrentQueue<OutboxItem>();
        var nextDue = DateTimeOffset.MaxValue;
        var gate = new Lock();
        void Later(DateTimeOffset at)
        {
            lock (gate)
            {
                nextDue = at < nextDue ? at : nextDue;
            }
        }

        var chats = pending.GroupBy(i => i.ChatId).ToList();
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = channel.Concurrency }, async (items, _) =>
        {
            if (inbox.State(InboxDrainer.GoneKey(Platform, items.Key)) is "1")
            {
                foreach (var item in items)
                {
                    updates.Enqueue(new OutboxUpdate(item.Key, OutboxStatus.Undeliverable, item.PartsSent, item.Attempts, now, "chat gone"));
                }

                return;
            }

            foreach (var item in items.Take(PerChatPerRound))
            {
                var at = clock.GetUtcNow();
                var wait = channel.Wait(items.Key, at);
                if (item.DueAt > at || wait > TimeSpan.Zero)
                {
                    Later(item.DueAt > at + wait ? item.DueAt : at + wait);
                    return; // later items of this chat wait for this one
                }

                var outcome = await SendOne(item, ct);
                var update = Update(item, outcome, clock.GetUtcNow());
                updates.Enqueue(update);
                if (update.Status == OutboxStatus.Failed)
                {
                    failed.Enqueue((item, update.Error ?? ""));
                }

                if (outcome.Result == SendResult.Moved)
                {
                    moved.Enqueue(item with { Key = item.Key + ":moved", ChatKey = $"{Platform}:{outcome.NewChatId}", PersonId = null, PartsSent = 0 });
                }

                if (update.Status == OutboxStatus.Pending)
                {
                    Later(update.DueAt);
                    return;
                }

                if (outcome.Result == SendResult.Gone)
                {
                    inbox.SetState(InboxDrainer.GoneKey(Platform, items.Key), "1");
                    return;
                }
            }

            if (items.Count() > PerChatPerRound)
            {
                Later(now);
            }
        });

        var done = updates.ToList();
        unit.Run(() =>
        {
            outbox.Complete(done);
            foreach (var (item, error) in failed)
            {
                dead.Failed(item, error);
            }

            foreach (var item in moved)
            {
                chat.Enqueue(item);
            }

            return 0;
        });
        foreach (var u in done.Where(u => u.Status != OutboxStatus.Pending))
        {
            signals.Sent(u.Key);
        }

        if (!failed.IsEmpty || !moved.IsEmpty)
        {
            signals.WakeSenders();
        }

        return (done.Count(u => u.Status == OutboxStatus.Sent), nextDue == DateTimeOffset.MaxValue ? null : nextDue);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var (sent, next) = await RoundAsync(ct);
                if (sent > 0 && next is { } soon && soon <= clock.GetUtcNow())
                {
                    continue;
                }

                var wait = next is { } due ? Clamp(due - clock.GetUtcNow()) : Timeout.InfiniteTimeSpan;
                await signals.SenderWokenAsync(Platform, wait, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.SendRoundFailed(logger, Platform, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
            }
        }
    }

    private async Task<SendOutcome> SendOne(OutboxItem item, CancellationToken ct)
    {
        try
        {
            return await channel.SendAsync(item, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug or an unexpected answer: counted like a transient failure, so it is set aside after a few tries.
            return new SendOutcome(SendResult.Retry, item.PartsSent, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private OutboxUpdate Update(OutboxItem item, SendOutcome outcome, DateTimeOffset now)
    {
        var attempts = item.Attempts + 1;
        switch (outcome.Result)
        {
            case SendResult.Sent:
                return new OutboxUpdate(item.Key, OutboxStatus.Sent, outcome.PartsSent, attempts, now);
            case SendResult.RetryAfter:
                return new OutboxUpdate(item.Key, OutboxStatus.Pending, outcome.PartsSent, item.Attempts, now + outcome.After, outcome.Error);
            case SendResult.Gone or SendResult.Moved:
                return new OutboxUpdate(item.Key, OutboxStatus.Undeliverable, outcome.PartsSent, attempts, now, outcome.Error ?? outcome.Result.ToString());
            case SendResult.Permanent:
                return new OutboxUpdate(item.Key, OutboxStatus.Failed, outcome.PartsSent, attempts, now, outcome.Error);
            default:
                Log.SendFailed(logger, item.Key, attempts, outcome.Error ?? "");
                return attempts >= MaxRetries
                    ? new OutboxUpdate(item.Key, OutboxStatus.Failed, outcome.PartsSent, attempts, now, outcome.Error)
                    : new OutboxUpdate(item.Key, OutboxStatus.Pending, outcome.PartsSent, attempts, now + Backoff(attempts), outcome.Error);
        }
    }

    /// <summary>1, 2, 4 … 32 seconds: six tries span about a minute of a platform's outage.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts - 1)));

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait > TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(10) : wait;
}
