namespace BudgetBot.Host.Storage;

/// <summary>What a store tells the loops waiting on it, the same for every store; a store shared by hosts overrides the single-host defaults.</summary>
internal abstract partial class StoreRules
{
    private long _commits;
    private TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Transactions committed since the store was opened (for the benchmarks and <c>/healthz</c>).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Completes at the next commit. Everything the store holds changes only by a commit, so a waiter looks, and if
    /// what it wants is not there yet, awaits this instead of looking again after a pause.
    /// </summary>
    public Task NextCommit => Volatile.Read(ref _committed).Task;

    /// <summary>Only this host writes a store of its own, and every write wakes the loops that wait on it.</summary>
    public virtual TimeSpan IdleLook => Timeout.InfiniteTimeSpan;

    /// <summary>Never raised by a store of one host: every change is this host's, and wakes its loops directly.</summary>
    public virtual event Action<string>? Changed
    {
        add { }
        remove { }
    }

    /// <summary>The only host of a store of its own holds every chat and every lease.</summary>
    public virtual Messaging.IHostLocks Locks => Messaging.OneHost.Instance;

    /// <summary>A write outside a unit of work is a unit of its own; inside one it joins it.</summary>
    protected void InTransaction(Action write) => Run(() =>
    {
        write();
        return 0;
    });

    /// <summary>A store calls this as each of its transactions commits; with the time its commit began, the commit is timed for <c>/metrics</c>.</summary>
    protected void Committed(long? commitStart = null)
    {
        if (commitStart is { } start)
        {
            Metrics.ServiceMetrics.Committed(start);
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Exchange(ref _committed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
