using System.Collections.Concurrent;
using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// The one sending loop, run once per platform channel. Each round reads the platform's pending items (an index read),
/// gives every waiting chat a turn (several chats at once, one item each, in order, so one chat's backlog cannot hold
/// another's first reply back by more than a round), and records every result in one write. It sleeps until woken or
/// until the next item is due; it never polls on a fixed interval.
/// </summary>
internal sealed class OutboxSender(
    IPlatformChannel channel, IMessageQueue messages, IHostLocks locks, DeadLetters dead, MessageSignals signals, TimeProvider clock, ILogger logger)
{
    /// <summary>
    /// Items a chat sends in one round: one. A round's claim is written just before its sends, so after a crash at most
    /// one reply per chat is in doubt (sent again, marked). The platforms allow a chat about one message a second
    /// anyway, and a round takes a few milliseconds, so a chat's backlog goes out no slower.
    /// </summary>
    public const int PerChatPerRound = 1;

    /// <summary>How far down the queue a round looks (keys and chats only) to find every waiting chat.</summary>
    public const int QueueScan = 5_000;
    public const int MaxRetries = 6;

    /// <summary>How long a round's results wait for the next round's claims before they are written alone.</summary>
    public static readonly TimeSpan ResultsWait = TimeSpan.FromMilliseconds(10);

    private Round? _unwritten;

    /// <summary>Guards <see cref="_inRound"/>, <see cref="_lending"/>, <see cref="_lent"/> and <see cref="_refused"/>: whether a round runs, or the results are being written by another unit.</summary>
    private readonly Lock _roundGate = new();
    private bool _inRound;
    private Round? _lent;
    private bool _lending;

    /// <summary>A round was turned away while another unit wrote this sender's results: it is woken when they are done.</summary>
    private bool _refused;

    /// <summary>Chats this sender holds (see <see cref="IHostLocks.HoldChats"/>): those of the round in flight and of results not yet written.</summary>
    private readonly HashSet<string> _holding = [];

    /// <summary>A rate-limit wait this short is waited out within the round.</summary>
    public static readonly TimeSpan ShortWait = TimeSpan.FromMilliseconds(20);

    public string Platform => channel.Platform;

    /// <summary>
    /// Sends what is due now; returns how many items went out and when the next one is due (null: none is waiting).
    /// With <paramref name="deferResults"/> the results are written with the next round's claims, in one commit: the
    /// claims already keep a crash in between from repeating anything, and the next round usually follows at once.
    /// </summary>
    public async Task<(int Sent, DateTimeOffset? NextDue)> RoundAsync(CancellationToken ct, bool deferResults = false)
    {
        lock (_roundGate)
        {
            if (_lending)
            {
                // Another unit is writing this sender's results and may be claiming for it: it wakes the sender when done.
                _refused = true;
                return (0, null);
            }

            _inRound = true;
        }

        try
        {
            return await RunRoundAsync(deferResults, ct);
        }
        finally
        {
            lock (_roundGate)
            {
                _inRound = false;
            }
        }
    }

    /// <summary>
    /// Inside another unit of work (the drainer's, for a message that arrived alone): writes the results this sender has
    /// not written yet in that unit, so they ride on its commit, and keeps the sender from starting a round until
    /// <see cref="LentResultsDone"/>. False while a round runs: then the sender may be claiming, and nothing is written.
    /// </summary>
    public bool WriteResultsIn()
    {
        lock (_roundGate)
        {
            if (_inRound || _lending)
            {
                return false;
            }

            _lending = true;
            _lent = Interlocked.Exchange(ref _unwritten, null);
        }

        Write(_lent, []);
        return true;
    }

    /// <summary>
    /// The unit <see cref="WriteResultsIn"/> wrote in has ended: committed, or rolled back and the results are this
    /// sender's to write again. The sender is woken when it was turned away meanwhile or has results again; after a
    /// commit the unit's own wake-up follows.
    /// </summary>
    public void LentResultsDone(bool committed)
    {
        bool wake;
        lock (_roundGate)
        {
            if (!committed && _lent is not null)
            {
                _unwritten = _lent;
            }

            wake = !committed || _refused;
            _refused = false;
            _lent = null;
            _lending = false;
        }

        if (wake)
        {
            signals.WakeSenders();
        }
    }

    private async Task<(int Sent, DateTimeOffset? NextDue)> RunRoundAsync(bool deferResults, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var carried = _unwritten;
        _unwritten = null;
        // Items whose results are not written yet, and any chat still waiting on one of them, sit this round out.
        var settled = carried?.Updates.Select(u => u.Key).ToHashSet() ?? [];
        var waiting = carried?.Updates.Where(u => u.Status == OutboxStatus.Pending).Select(u => u.Key).ToHashSet() ?? [];
        var queue = messages.Queue(Platform, QueueScan);
        var blocked = queue.Where(q => waiting.Contains(q.Key)).Select(q => q.ChatId).ToHashSet();
        queue = queue.Where(q => !settled.Contains(q.Key) && !blocked.Contains(q.ChatId)).ToList();
        // Only chats this host holds: where hosts share the store, another host's sender may be sending to the rest.
        var held = Hold(queue.Select(q => q.ChatId).Distinct().ToList());
        queue = queue.Where(q => held.Contains(q.ChatId)).ToList();
        if (queue.Count == 0)
        {
            if (deferResults && carried is not null && now - carried.Done < ResultsWait)
            {
                // Nothing to send: the results keep waiting for a commit to ride on (a lone message's, or the next
                // round's claims) until they have waited ResultsWait, and their chats stay held meanwhile.
                _unwritten = carried;
                return (0, carried.NextDue);
            }

            Write(carried, []);
            Release(keep: []);
            return (0, carried?.NextDue);
        }

        var round = new Round();
        if (carried?.NextDue is { } carriedDue)
        {
            round.Later(carriedDue);
        }

        var byChat = queue.GroupBy(i => i.ChatId).ToList();
        const int quota = PerChatPerRound;
        var picked = new List<string>();
        foreach (var chatItems in byChat)
        {
            // This chat's due items, in order, up to the first that is not due: later ones wait for it.
            var due = chatItems.TakeWhile(i => i.DueAt <= now).Take(quota).ToList();
            if (due.Count < chatItems.Count())
            {
                round.Later(due.Count == quota ? now : chatItems.ElementAt(due.Count).DueAt);
            }

            picked.AddRange(due.Select(i => i.Key));
        }

        var plan = new List<(string Chat, List<OutboxItem> Items)>();
        var gone = new List<string>();
        var fresh = new HashSet<string>();
        // Read again now the chats are held: an item another host sent meanwhile is no longer pending.
        foreach (var chatItems in messages.Items(picked).Where(i => i.Status == OutboxStatus.Pending).Select(i => Recovered(i, fresh)).GroupBy(i => i.ChatId))
        {
            if (messages.ChatState(new ChatAddress(Platform, chatItems.Key)) is { Gone: true })
            {
                gone.Add(chatItems.Key);
                foreach (var item in chatItems)
                {
                    round.Updates.Enqueue(new OutboxUpdate(item.Key, OutboxStatus.Undeliverable, item.PartsSent, item.Attempts, now, "chat gone"));
                }

                continue;
            }

            plan.Add((chatItems.Key, chatItems.ToList()));
        }

        // The claim is written before anything goes out: a crash from here on leaves these items marked. Items claimed
        // already in the commit that queued them (see InboxDrainer.Receive) need no claim of their own.
        Write(carried, plan.SelectMany(p => p.Items).Where(i => !fresh.Contains(i.Key)).Select(i => i.Key).ToList());
        // Chats whose results are now written and that have nothing in this round go back to the other hosts.
        Release(keep: [.. plan.Select(p => p.Chat), .. gone]);
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = channel.Concurrency }, async (chatPlan, _) =>
            await SendChat(chatPlan.Chat, chatPlan.Items, round, ct));

        var done = round.Updates.ToList();
        foreach (var u in done.Where(u => u.Status != OutboxStatus.Pending))
        {
            signals.Sent(u.Key);
        }

        if (deferResults)
        {
            round.Done = clock.GetUtcNow();
            _unwritten = round;
        }
        else
        {
            Write(round, []);
            Release(keep: []);
        }

        return (done.Count(u => u.Status == OutboxStatus.Sent), round.NextDue);
    }

    /// <summary>Writes a round's results (set-aside notices and moved items with them) and new claims in one commit.</summary>
    private void Write(Round? results, List<string> claims)
    {
        if ((results is null || results.Updates.IsEmpty) && claims.Count == 0)
        {
            return;
        }

        messages.Run(() =>
        {
            if (results is not null)
            {
                messages.Complete(results.Updates.ToList());
                foreach (var (item, error) in results.Failed)
                {
                    dead.Failed(item, error);
                }

                foreach (var item in results.Moved)
                {
                    messages.Enqueue(item);
                }
            }

            messages.Claim(claims);
            return 0;
        });
        if (results is not null && (!results.Failed.IsEmpty || !results.Moved.IsEmpty))
        {
            signals.WakeSenders();
        }
    }

    /// <summary>Holds what it can of these chats; a store that cannot answer now holds none (the round sends nothing).</summary>
    private HashSet<string> Hold(IReadOnlyList<string> chats)
    {
        try
        {
            var held = locks.HoldChats(Platform, chats).ToHashSet();
            _holding.UnionWith(held);
            return held;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SendRoundFailed(logger, Platform, ex);
            _holding.Clear();
            return [];
        }
    }

    /// <summary>Lets go of every held chat but <paramref name="keep"/>: their results are written.</summary>
    private void Release(IReadOnlyCollection<string> keep)
    {
        var kept = keep.ToHashSet();
        var done = _holding.Where(c => !kept.Contains(c)).ToList();
        if (done.Count == 0)
        {
            return;
        }

        _holding.ExceptWith(done);
        try
        {
            locks.ReleaseChats(Platform, done);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The session that held them is gone, and the chats with it.
            Log.SendRoundFailed(logger, Platform, ex);
        }
    }

    private async Task SendChat(string chatId, List<OutboxItem> items, Round round, CancellationToken ct)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = clock.GetUtcNow();
            var wait = channel.Wait(chatId, at);
            if (wait > ShortWait)
            {
                round.Later(at + wait);
                Unchanged(items.Skip(i), round);
                return;
            }

            if (wait > TimeSpan.Zero)
            {
                // A spacing of a few milliseconds is waited out here rather than costing the chat a round.
                await Task.Delay(wait, clock, CancellationToken.None);
            }

            var outcome = await SendOne(item, ct);
            Metrics.ServiceMetrics.Sent(Platform, outcome.Result);
            var update = Update(item, outcome, clock.GetUtcNow());
            round.Updates.Enqueue(update);
            if (update.Status == OutboxStatus.Failed && outcome.Result != SendResult.Withheld)
            {
                round.Failed.Enqueue((item, update.Error ?? ""));
            }

            if (outcome.Result == SendResult.Moved)
            {
                round.Moved.Enqueue(item with { Key = item.Key + ":moved", ChatKey = new ChatAddress(Platform, outcome.NewChatId!).ToString(), PersonId = null, PartsSent = 0 });
            }

            if (update.Status == OutboxStatus.Pending || outcome.Result == SendResult.Gone)
            {
                if (outcome.Result == SendResult.Gone)
                {
                    messages.SaveChatState(new ChatState(new ChatAddress(Platform, chatId), Gone: true, clock.GetUtcNow()));
                }

                round.Later(update.DueAt);
                Unchanged(items.Skip(i + 1), round);
                return;
            }
        }
    }

    /// <summary>Claimed but not tried this round: only the claim is cleared.</summary>
    private static void Unchanged(IEnumerable<OutboxItem> items, Round round)
    {
        foreach (var item in items)
        {
            round.Updates.Enqueue(new OutboxUpdate(item.Key, OutboxStatus.Pending, item.PartsSent, item.Attempts, item.DueAt, item.Error));
        }
    }

    /// <summary>
    /// An item still claimed from before a crash: its next part may have gone out, and the platform cannot tell a repeat
    /// (Telegram; a LINE reply token). A whole reply not started is sent again, saying it may be a repeat, by push rather
    /// than with a token that may be spent: a confirmation that never arrives makes people send the spend again. A later
    /// part of a long reply is skipped instead, since the mark would move where the parts split.
    /// </summary>
    private OutboxItem Recovered(OutboxItem item, HashSet<string> fresh)
    {
        if (item.InFlight && signals.TakeClaimedHere(item.Key))
        {
            // Claimed in the commit that queued it, by this process: nothing of it went out yet.
            fresh.Add(item.Key);
            return item with { InFlight = false };
        }

        if (!item.InFlight || channel.ResendIsSafe(item))
        {
            return item;
        }

        if (item.PartsSent == 0)
        {
            Log.SentAgainMarked(logger, item.Key);
            return item with { ReplyToken = null, Reply = item.Reply with { Text = RepeatMark + item.Reply.Text } };
        }

        Log.PartUncertain(logger, item.Key, item.PartsSent);
        return item with { PartsSent = item.PartsSent + 1, Error = $"part {item.PartsSent + 1} may not have been delivered: the sender stopped while sending it" };
    }

    /// <summary>The first line of a reply sent again after a crash: it may have arrived already.</summary>
    public const string RepeatMark = "↻ ส่งอีกครั้ง ข้อความนี้อาจถึงท่านแล้ว (resent: you may have had it already)\n";

    private sealed class Round
    {
        private readonly Lock _gate = new();

        public ConcurrentQueue<OutboxUpdate> Updates { get; } = new();

        public ConcurrentQueue<(OutboxItem Item, string Error)> Failed { get; } = new();

        public ConcurrentQueue<OutboxItem> Moved { get; } = new();

        public DateTimeOffset? NextDue { get; private set; }

        /// <summary>When the round's sends ended: its results wait from then for a commit to ride on.</summary>
        public DateTimeOffset Done { get; set; }

        public void Later(DateTimeOffset at)
        {
            lock (_gate)
            {
                NextDue = NextDue is { } next && next <= at ? next : at;
            }
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var (sent, next) = await RoundAsync(ct, deferResults: true);
                if (sent > 0 && next is { } soon && soon <= clock.GetUtcNow())
                {
                    continue;
                }

                var wait = next is { } due ? Clamp(due - clock.GetUtcNow()) : Timeout.InfiniteTimeSpan;
                if (_unwritten is { } unwritten)
                {
                    // Results wait a moment for the next round's claims to share their commit, then go alone.
                    var left = Clamp(unwritten.Done + ResultsWait - clock.GetUtcNow());
                    wait = wait < left && wait != Timeout.InfiniteTimeSpan ? wait : left;
                }

                await signals.SenderWokenAsync(Platform, wait, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Write(Interlocked.Exchange(ref _unwritten, null), []);
                Release(keep: []);
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
        // A multi-part message records each part as it goes out, so a crash between parts repeats none of them.
        var progress = item.PartsSent;
        void PartSent(int parts)
        {
            messages.Progress(item.Key, parts);
            progress = parts;
        }

        try
        {
            return await channel.SendAsync(item, PartSent, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug or an unexpected answer: counted like a transient failure, so it is set aside after a few tries.
            return new SendOutcome(SendResult.Retry, progress, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private OutboxUpdate Update(OutboxItem item, SendOutcome outcome, DateTimeOffset now)
    {
        var attempts = item.Attempts + 1;
        switch (outcome.Result)
        {
            case SendResult.Sent:
                return new OutboxUpdate(item.Key, OutboxStatus.Sent, outcome.PartsSent, attempts, now, item.Error);
            case SendResult.RetryAfter:
                return new OutboxUpdate(item.Key, OutboxStatus.Pending, outcome.PartsSent, item.Attempts, now + outcome.After, outcome.Error);
            case SendResult.Gone or SendResult.Moved:
                return new OutboxUpdate(item.Key, OutboxStatus.Undeliverable, outcome.PartsSent, attempts, now, outcome.Error ?? outcome.Result.ToString());
            case SendResult.Permanent or SendResult.Withheld:
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
