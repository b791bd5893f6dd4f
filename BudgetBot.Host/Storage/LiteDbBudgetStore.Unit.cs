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
    public override T Run<T>(Func<T> work)
    {
        lock (_writeGate)
        {
            if (_inUnit)
            {
                return work();
            }

            ReopenIfFailed();
            _inUnit = true;
            _db.BeginTrans();
            try
            {
                var result = work();
                var commitStart = System.Diagnostics.Stopwatch.GetTimestamp();
                _db.Commit();
                _files.MakeDurable();
                Committed(commitStart);
                _writeFailed = null;
                return result;
            }
            catch (Exception error)
            {
                var disk = DiskFailed(error);
                RollBack();
                ForgetCachedState();
                if (disk)
                {
                    TryReopen();
                }

                throw;
            }
            finally
            {
                _inUnit = false;
                UnitEnded();
            }
        }
    }

    /// <summary>A rollback on an engine the disk broke can fail too; the files are opened again before the next write anyway.</summary>
    private void RollBack()
    {
        try
        {
            _db.Rollback();
        }
        catch (Exception ex) when (_reopen && ex is not OutOfMemoryException)
        {
            // Nothing of the failed unit was confirmed in the log; reopening forgets it.
        }
    }

    /// <summary>After a rollback the counters may hold what was never committed.</summary>
    private void ForgetCachedState()
    {
        _lastId = null;
        _lastSeq = null;
    }
}
