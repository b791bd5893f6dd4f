using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// The LiteDB files a <see cref="LiteDbBudgetStore"/> keeps its rows in, and its units of work. A unit of work is one
/// LiteDB transaction on the calling thread, held under the writer's lock: every write made inside it joins that
/// transaction (LiteDB's own auto-transactions do too), so a batch of messages costs one commit and one fsync, and a
/// failure leaves none of it. <see cref="Run{T}"/> returns only once the commit is durable, so whatever is acknowledged
/// after it survives a crash.
/// </summary>
/// <remarks>
/// After the disk fails a write (full, most often) LiteDB cannot go on: its log writer stays failed and every later
/// transaction waits on it, until "Maximum number of transactions reached". The files are then opened again, the way a
/// restart would but without one: the log holds every commit that was acknowledged, and a commit cut short by the
/// failure was never confirmed, so it is not replayed. The first write after space returns does this, and so does the
/// health probe, so the service answers again within a second or two of the disk having room.
/// </remarks>
internal sealed class LiteDbDatabase : IDisposable
{
    private readonly string? _path;
    private readonly Func<string, FileStream>? _openLog;
    private readonly Lock _writeGate = new();
    private LiteDbFiles _files;
    private bool _inUnit;

    /// <summary>The files must be opened again before the next write (a write failed on the disk).</summary>
    private bool _reopen;

    /// <summary>The last write failed on the disk: the probe fails until a write succeeds again.</summary>
    private Exception? _writeFailed;

    public LiteDbDatabase(string path, Func<string, FileStream>? openLog = null)
    {
        _files = LiteDbFiles.Open(path, openLog);
        _path = path;
        _openLog = openLog;
    }

    /// <summary>For tests that keep the whole database in a stream.</summary>
    public LiteDbDatabase(Stream stream) => _files = LiteDbFiles.InMemory(stream);

    /// <summary>The engine of the files open now (another one after the files were opened again).</summary>
    public LiteDatabase Engine => _files.Database;

    /// <summary>The calling thread is inside a unit of work (and sees its writes).</summary>
    public bool InUnitHere => _writeGate.IsHeldByCurrentThread;

    /// <summary>Runs <paramref name="work"/> in a unit of work; a unit inside a unit joins it.</summary>
    /// <param name="committed">Told when the commit began, once it is durable.</param>
    /// <param name="rolledBack">Told when the unit was rolled back, before the files are opened again.</param>
    /// <param name="ended">Told as the outermost unit ends, committed or not.</param>
    public T Run<T>(Func<T> work, Action<long> committed, Action rolledBack, Action ended)
    {
        lock (_writeGate)
        {
            if (_inUnit)
            {
                return work();
            }

            ReopenIfFailed();
            _inUnit = true;
            Engine.BeginTrans();
            try
            {
                var result = work();
                var commitStart = System.Diagnostics.Stopwatch.GetTimestamp();
                Engine.Commit();
                _files.MakeDurable();
                committed(commitStart);
                _writeFailed = null;
                return result;
            }
            catch (Exception error)
            {
                var disk = DiskFailed(error);
                RollBack();
                rolledBack();
                if (disk)
                {
                    TryReopen();
                }

                throw;
            }
            finally
            {
                _inUnit = false;
                ended();
            }
        }
    }

    /// <summary>
    /// Throws while the files cannot be written: after a failed write, a small commit (one document of its own,
    /// rewritten) tells whether the disk has room again, and clears the failure when it has.
    /// </summary>
    public void ProbeWrite(Action<long> committed)
    {
        lock (_writeGate)
        {
            if (_writeFailed is null)
            {
                return;
            }

            Run(() => Engine.GetCollection("probe").Upsert(new BsonDocument { ["_id"] = "write", ["at"] = DateTime.UtcNow }), committed, () => { }, () => { });
        }
    }

    public void Dispose() => _files.Dispose();

    /// <summary>A rollback on an engine the disk broke can fail too; the files are opened again before the next write anyway.</summary>
    private void RollBack()
    {
        try
        {
            Engine.Rollback();
        }
        catch (Exception ex) when (_reopen && ex is not OutOfMemoryException)
        {
            // Nothing of the failed unit was confirmed in the log; reopening forgets it.
        }
    }

    /// <summary>Called with the write gate held, after a unit of work failed: true when the disk failed it.</summary>
    private bool DiskFailed(Exception error)
    {
        if (_path is null || !DiskSpace.IsFull(error))
        {
            return false;
        }

        _reopen = true;
        _writeFailed = error;
        return true;
    }

    /// <summary>
    /// At once after the failure, so that no reader sees the failed commit that the old engine still holds in memory;
    /// if the files cannot be opened now, the next write tries again.
    /// </summary>
    private void TryReopen()
    {
        try
        {
            ReopenIfFailed();
        }
        catch (Exception ex) when (ex is IOException or LiteException or StartupProblem or UnauthorizedAccessException)
        {
            // Still failing; the next unit of work or health probe opens them.
        }
    }

    /// <summary>Called with the write gate held, before a unit of work: the files are opened again if a write failed.</summary>
    private void ReopenIfFailed()
    {
        if (!_reopen)
        {
            return;
        }

        _files.Abandon();
        _files = LiteDbFiles.Open(_path!, _openLog);
        _reopen = false;
    }
}
