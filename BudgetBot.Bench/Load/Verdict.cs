using BudgetBot.Host.Storage;

namespace BudgetBot.Bench.Load;

/// <summary>
/// Every acknowledged spend is in the ledger exactly once (<see cref="Lost"/> and <see cref="Doubled"/> count those that
/// are not), each sender's spends to a chat are in the order it sent them, and every message got one reply.
/// </summary>
internal sealed record Verdict(long Lost, long Doubled, long OutOfOrder, long RepliesMissing, long RepliesExtra)
{
    public static Verdict Check(IServiceStore store, IReadOnlyList<Traffic> traffic, IReadOnlyList<LevelResult> levels)
    {
        var ids = store.EntryIdsBySource(key => key.StartsWith("telegram:", StringComparison.Ordinal) || key.StartsWith("line:", StringComparison.Ordinal));
        long lost = 0, doubled = 0, outOfOrder = 0;
        foreach (var t in traffic)
        {
            // In order per sender and chat: a chat's messages are handled in the order they came; one sender's messages to
            // two chats (its Telegram and its LINE) may be handled side by side where several hosts share the work.
            foreach (var worker in t.Spends.GroupBy(s => (s.Worker, Chat: s.Key[..s.Key.LastIndexOf(':')])))
            {
                long last = 0;
                foreach (var spend in worker.OrderBy(s => s.Order))
                {
                    var found = ids.GetValueOrDefault(spend.Key) ?? [];
                    lost += found.Count == 0 ? 1 : 0;
                    doubled += Math.Max(0, found.Count - 1);
                    if (found.Count > 0)
                    {
                        outOfOrder += found[0] < last ? 1 : 0;
                        last = found[0];
                    }
                }
            }
        }

        return new Verdict(lost, doubled, outOfOrder, levels.Sum(l => l.RepliesMissing), levels.Sum(l => l.RepliesExtra));
    }
}
