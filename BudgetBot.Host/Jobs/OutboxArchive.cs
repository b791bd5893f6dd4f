using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Jobs;

/// <summary>The daily job that moves messages sent more than a week ago out of the live outbox (their keys stay).</summary>
internal sealed class OutboxArchive(IServiceStore store, TimeProvider clock, ILogger<OutboxArchive> logger)
{
    public const string JobId = "outbox-archive";
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    public int Run()
    {
        var before = clock.GetUtcNow() - KeepFor;
        var moved = 0;
        for (int batch; (batch = store.ArchiveSent(before, 5_000)) > 0;)
        {
            moved += batch;
        }

        Log.OutboxArchived(logger, moved);
        return moved;
    }
}
