using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Storage;

/// <summary>
/// A unit of work is one LiteDB transaction on the calling thread, held under the writer's lock: every write made
/// through this store inside it joins that transaction (LiteDB's own auto-transactions do too), so a batch of messages
/// costs one commit and one fsync, and a failure leaves none of it. <see cref="Run{T}"/> returns only once the commit is
/// durable, so whatever is acknowledged after it survives a crash.
/// </summary>
internal sealed partial class LiteDbBudgetStore : IUnitOfWork
{
    private bool _inUnit;
    private bool _projectsChanged;
    private long _commits;
    private TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Transactions committed since the store was opened (for the benchmarks).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Completes at the next commit. Everything the store holds changes only by a commit, so a waiter looks, and if
    /// what it wants is not there yet, awaits this instead of looking again after a pause.
    /// </summary>
    public Task NextCommit => Volatile.Read(ref _committed).Task;

    /// <summary>Only this host writes the file, and every write wakes the loops that wait on it.</summary>
    public TimeSpan IdleLook => Timeout.InfiniteTimeSpan;

    /// <summary>Never raised: every change here is this host's, and wakes its loops directly.</summary>
    public event Action<string>? Changed
    {
        add { }
        remove { }
    }

    /// <summary>One host owns the file, so it holds every lease.</summary>
    public async Task<bool> WhileLeaderAsync(string lease, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await work(ct);
        return true;
    }

    public override T Run<T>(Func<T> work)
    {
        lock (_writeGate)
        {
            if (_inUnit)
            {
                return work();
            }

            _inUnit = true;
            _db.BeginTrans();
            try
            {
                var result = work();
                _db.Commit();
                _files.MakeDurable();
                Interlocked.Increment(ref _commits);
                Interlocked.Exchange(ref _committed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                if (_projectsChanged)
                {
                    // Only now: a reader that filled the list before the commit saw the old projects.
                    _yearCache.Clear();
                }

                return result;
            }
            catch
            {
                _db.Rollback();
                ForgetCachedState();
                throw;
            }
            finally
            {
                _inUnit = false;
                _projectsChanged = false;
            }
        }
    }

    /// <summary>A write outside a unit of work is a unit of its own.</summary>
    private void InTransaction(Action write) => Run(() =>
    {
        write();
        return 0;
    });

    /// <summary>After a rollback the counters and the project cache may hold what was never committed.</summary>
    private void ForgetCachedState()
    {
        _lastId = null;
        _lastSeq = null;
        _projectCache.Clear();
        _yearCache.Clear();
    }
}
