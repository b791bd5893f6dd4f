using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// The one loop that turns stored events of every platform into effects. It takes a batch in arrival order (so each
/// chat's messages stay in order), runs the engine for each and commits everything the batch did, with the events
/// marked done, in one unit of work: one flush for the batch, and a crash leaves all of a message or none of it.
/// When a batch throws, its events are run again one at a time, so a bad one costs only itself; after three failures
/// it is set aside, its sender is told nothing was changed, and admins are told.
/// </summary>
internal sealed class InboxDrainer(
    IMessageQueue messages, IHostLocks locks, ConversationEngine engine, IEnumerable<IPlatformChannel> channels, DeadLetters dead,
    MessageSignals signals, TimeProvider clock, ILogger<InboxDrainer> logger)
    : BackgroundService
{
    public const int BatchSize = 64;
    public const int MaxAttempts = 3;

    /// <summary>More than this many pending items of a platform means others wait besides a lone message's replies.</summary>
    private const int ClaimScan = 16;

    private readonly Dictionary<string, IPlatformChannel> _channels = channels.ToDictionary(c => c.Platform);
    private int _taken;

    /// <summary>
    /// Stores events as they are received and, when they came <paramref name="alone"/> and nothing older waits, handles
    /// them in the same unit of work: a message that arrives alone costs one commit before its reply is queued instead
    /// of two (stored, then handled). Otherwise (under load) they are only stored, and the drainer takes them with the
    /// rest, in order. Only where this host is its store's one host: elsewhere another host's drainer may hold their chats.
    /// </summary>
    /// <returns>For each event, false when its key was stored before (a redelivery).</returns>
    public IReadOnlyList<bool> Receive(IReadOnlyList<InboundEvent> events, bool alone = true)
    {
        if (alone && locks is OneHost && events.All(IsReady))
        {
            List<(InboundEvent Event, IReadOnlyList<string> ReplyKeys)> handled = [];
            var handling = false;
            var lent = new List<OutboxSender>();
            var claimed = new List<string>();
            var committed = false;
            try
            {
                var stored = messages.Run(() =>
                {
                    handled = [];
                    var nothingOlder = messages.Unprocessed(1).Count == 0;
                    var isNew = messages.ReceiveAll(events);
                    handling = nothingOlder;
                    for (var i = 0; nothingOlder && i < events.Count; i++)
                    {
                        if (isNew[i])
                        {
                            handled.Add((events[i], Apply(events[i])));
                        }
                    }

                    if (handled.Count > 0)
                    {
                        ClaimFirstReplies(handled, lent, claimed);
                    }

                    handling = false;
                    return isNew;
                });
                committed = true;
                // Before the wake-up below, so that the senders it wakes can start a round at once.
                lent.ForEach(sender => sender.LentResultsDone(committed: true));
                lent.Clear();
                AfterCommit([.. handled.Select(h => (h.Event, h.ReplyKeys))]);
                if (handled.Count == 0)
                {
                    signals.WakeDrainer();
                }

                return stored;
            }
            catch (Exception ex) when (handling)
            {
                // Stored alone below; the drainer runs them again, one at a time if need be, and sets a bad one aside.
                Log.BatchFailed(logger, events.Count, ex);
            }
            finally
            {
                if (!committed)
                {
                    claimed.ForEach(signals.NotClaimedHere);
                }

                lent.ForEach(sender => sender.LentResultsDone(committed));
            }
        }

        var received = messages.ReceiveAll(events);
        signals.WakeDrainer();
        return received;
    }

    /// <summary>
    /// Inside the unit that queued these replies: claims the first to each chat where nothing else of its platform is
    /// pending, so its sender sends it with no commit of its own before it, and a crash still leaves at most one reply
    /// per chat in doubt. Every sender's results not written yet are written here first (they would otherwise wait for
    /// its next claims, or go in a commit of their own), unless the sender is in a round: then it claims its platform's
    /// replies itself.
    /// </summary>
    private void ClaimFirstReplies(List<(InboundEvent Event, IReadOnlyList<string> ReplyKeys)> handled, List<OutboxSender> lent, List<string> claimed)
    {
        lent.AddRange(signals.Senders.Where(sender => sender.WriteResultsIn()));
        var ours = handled.SelectMany(h => h.ReplyKeys).ToHashSet();
        // Replies go back to the platform their message came from (Queue below).
        foreach (var platform in handled.Select(h => h.Event.Platform).Distinct().Where(p => lent.Exists(s => s.Platform == p)))
        {
            var queue = messages.Queue(platform, ClaimScan);
            if (queue.All(q => ours.Contains(q.Key)))
            {
                claimed.AddRange(queue.GroupBy(q => q.ChatId).Select(chat => chat.First().Key));
            }
        }

        messages.Claim(claimed);
        claimed.ForEach(signals.ClaimedHere);
    }

    /// <summary>Handles what is waiting now, and says which replies each event queued.</summary>
    public IReadOnlyList<(string InboxKey, IReadOnlyList<string> ReplyKeys)> DrainOnce()
    {
        // A cheap look first, so an idle wake-up costs no transaction.
        _taken = 0;
        if (messages.Unprocessed(1).Count == 0)
        {
            return [];
        }

        IReadOnlyList<InboundEvent> batch = [];
        List<(string, IReadOnlyList<string>)> done;
        try
        {
            // Taken inside the unit: where hosts share the store, the batch's chats stay this host's until it commits.
            done = messages.Run(() =>
            {
                batch = messages.Take(BatchSize).Where(IsReady).ToList();
                return batch.Select(e => (e.Key, Apply(e))).ToList();
            });
        }
        catch (Exception ex) when (batch.Count > 0)
        {
            // Taking failed (the store itself) goes to the loop's own catch; a batch that failed is run one at a time.
            Log.BatchFailed(logger, batch.Count, ex);
            done = [];
            foreach (var e in batch)
            {
                if (Alone(e) is { } keys)
                {
                    done.Add((e.Key, keys));
                }
            }
        }

        _taken = batch.Count;
        if (batch.Count == 0)
        {
            return [];
        }

        var byKey = done.ToDictionary(d => d.Item1, d => d.Item2);
        AfterCommit([.. batch.Select(e => (e, byKey.GetValueOrDefault(e.Key)))]);
        return done;
    }

    /// <summary>Tells whoever waits on the events (null: not handled), wakes the senders, and lets each channel do what follows a commit.</summary>
    private void AfterCommit(IReadOnlyList<(InboundEvent Event, IReadOnlyList<string>? ReplyKeys)> events)
    {
        foreach (var (e, replyKeys) in events)
        {
            if (replyKeys is not null)
            {
                signals.Handled(e.Key, replyKeys);
            }
        }

        signals.WakeSenders();
        foreach (var (e, _) in events)
        {
            if (_channels.TryGetValue(e.Platform, out var channel))
            {
                _ = channel.AfterCommitAsync(e, CancellationToken.None);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up thread: a backlog left by a crash must not hold the web server back.
        await Task.Yield();
        foreach (var channel in _channels.Values.Where(c => !c.Ready.IsCompleted))
        {
            // Its events were left waiting: look again once it can read them.
            _ = channel.Ready.ContinueWith(_ => signals.WakeDrainer(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Nothing taken: the inbox is empty, or what waits belongs to chats another host holds now. Taken but
                // nothing handled: those events failed, and go again at once until they are set aside.
                if (DrainOnce().Count == 0 && _taken == 0)
                {
                    await signals.DrainerWokenAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Reading the inbox itself failed (a full disk, say): wait a little and go on; nothing is lost.
                Log.DrainFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// One event in a unit of its own; null when it failed (counted, and set aside after the last try) or when it is no
    /// longer this host's to handle (another host has its chat, or finished it).
    /// </summary>
    private IReadOnlyList<string>? Alone(InboundEvent e)
    {
        try
        {
            return messages.Run(() => messages.TakeOne(e.Key) is { } taken ? Apply(taken) : null);
        }
        catch (Exception ex)
        {
            Log.EventFailed(logger, e.Key, e.Attempts + 1, ex);
            if (messages.Failed(e.Key, ex.GetType().Name + ": " + ex.Message, MaxAttempts))
            {
                return dead.SetAside(e, ChatOf(e), ex);
            }

            return null;
        }
    }

    /// <summary>An event of a channel that cannot read it yet stays in the inbox, unhandled, until the channel is ready.</summary>
    private bool IsReady(InboundEvent e) => !_channels.TryGetValue(e.Platform, out var channel) || channel.Ready.IsCompleted;

    private IReadOnlyList<string> Apply(InboundEvent e)
    {
        var keys = new List<string>();
        if (_channels.TryGetValue(e.Platform, out var channel))
        {
            foreach (var action in channel.Read(e))
            {
                Do(e, action, keys);
            }
        }

        messages.Processed(e.Key);
        return keys;
    }

    private void Do(InboundEvent e, InboundAction action, List<string> keys)
    {
        switch (action)
        {
            case InboundAction.Handle h:
                Queue(e, h.Message.ChatId, h.ReplyToken, engine.Handle(h.Message), keys);
                break;
            case InboundAction.Send s:
                Queue(e, s.ChatId, s.ReplyToken, [s.Reply], keys);
                break;
            case InboundAction.ChatGone g:
                messages.SaveChatState(new ChatState(new ChatAddress(e.Platform, g.ChatId), g.Gone, e.At));
                break;
            case InboundAction.ChatMoved m:
                engine.ChatMoved(new ChatAddress(e.Platform, m.OldChatId), new ChatAddress(e.Platform, m.NewChatId));
                break;
        }
    }

    /// <summary>Replies are keyed by the event, so handling it again after a crash queues nothing new.</summary>
    private void Queue(InboundEvent e, string chatId, string? replyToken, IReadOnlyList<Reply> replies, List<string> keys)
    {
        for (var i = 0; i < replies.Count; i++)
        {
            var key = OutboxKeys.Reply(e.Key, keys.Count);
            messages.Enqueue(new OutboxItem(key, "Reply", "", null, new ChatAddress(e.Platform, chatId).ToString(), replies[i], clock.GetUtcNow())
            {
                ReplyToken = i == 0 ? replyToken : null,
            });
            keys.Add(key);
        }
    }

    /// <summary>The chat an event came from, to tell its sender; null when even that cannot be read.</summary>
    private string? ChatOf(InboundEvent e)
    {
        try
        {
            return _channels.TryGetValue(e.Platform, out var channel)
                ? channel.Read(e).Select(a => a switch { InboundAction.Handle h => h.Message.ChatId, InboundAction.Send s => s.ChatId, _ => null }).FirstOrDefault(c => c is not null)
                : null;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
