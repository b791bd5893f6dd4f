using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The pending outbox items of a store only this process writes, kept in memory as (platform, place, key, chat, due):
/// the senders and the drainer's claim read a platform's queue several times for each message, and read from LiteDB
/// each of those reads parsed a query and loaded whole documents (about 7% of the host's CPU at one sender, measured).
/// A unit's changes are kept aside and seen only by the unit's own thread; they join what everyone sees once the
/// commit is durable, and are dropped when it is not, so the queue here is always what the file holds.
/// </summary>
internal sealed class PendingQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<long, Entry>> _platforms = [];
    private readonly Dictionary<string, Entry> _byKey = [];

    /// <summary>This unit's changes by key: the item as it now stands in the queue, or null once it left it.</summary>
    private readonly Dictionary<string, Entry?> _unit = [];

    public PendingQueue(IEnumerable<ItemRow> pending)
    {
        foreach (var item in pending)
        {
            Add(Entry.Of(item));
        }
    }

    /// <summary>Called inside the unit that wrote the item: an item not pending (sent, failed, set aside) leaves the queue.</summary>
    public void Wrote(ItemRow item) => _unit[item.Key] = item.Status == OutboxStatus.Pending ? Entry.Of(item) : null;

    public void Removed(string key) => _unit[key] = null;

    /// <summary>The unit's commit is durable: its changes are what every reader sees from now on.</summary>
    public void Committed()
    {
        lock (_gate)
        {
            foreach (var (key, entry) in _unit)
            {
                Remove(key);
                if (entry is not null)
                {
                    Add(entry);
                }
            }
        }
    }

    /// <summary>The unit ended, committed (<see cref="Committed"/> took its changes already) or not: they are dropped.</summary>
    public void Ended() => _unit.Clear();

    /// <summary>The oldest <paramref name="max"/> of a platform's queue; <paramref name="inUnit"/> when the caller is the unit's thread, which sees its own changes.</summary>
    public IReadOnlyList<QueuedItem> Read(string platform, int max, bool inUnit)
    {
        List<Entry> found;
        lock (_gate)
        {
            var queue = _platforms.GetValueOrDefault(platform);
            found = queue is null ? [] : [.. queue.Values.Where(e => !inUnit || !_unit.ContainsKey(e.Key)).Take(max)];
        }

        if (inUnit && _unit.Count > 0)
        {
            found.AddRange(_unit.Values.OfType<Entry>().Where(e => e.Platform == platform));
            found.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        }

        return [.. found.Take(max).Select(e => new QueuedItem(e.Key, e.Chat, e.Due))];
    }

    private void Add(Entry entry)
    {
        if (!_platforms.TryGetValue(entry.Platform, out var queue))
        {
            _platforms[entry.Platform] = queue = [];
        }

        queue[entry.Seq] = entry;
        _byKey[entry.Key] = entry;
    }

    private void Remove(string key)
    {
        if (_byKey.Remove(key, out var entry))
        {
            _platforms[entry.Platform].Remove(entry.Seq);
        }
    }

    private sealed record Entry(string Platform, long Seq, string Key, string Chat, DateTimeOffset Due)
    {
        public static Entry Of(ItemRow item) => new(item.Platform, item.Seq, item.Key, item.Chat, item.Due);
    }
}
