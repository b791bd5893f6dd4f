namespace BudgetBot.Host.Storage;

/// <summary>
/// After the disk fails a write (full, most often) LiteDB cannot go on: its log writer stays failed and every later
/// transaction waits on it, until "Maximum number of transactions reached". The store then opens its files again, the
/// way a restart would but without one: the log holds every commit that was acknowledged, and a commit cut short by
/// the failure was never confirmed, so it is not replayed. The first write after space returns does this, and so does
/// the health probe, so the service answers again within a second or two of the disk having room.
/// </summary>
internal sealed partial class LiteDbBudgetStore
{
    private readonly string? _path;
    private readonly Func<string, FileStream>? _openLog;

    /// <summary>The files must be opened again before the next write (a write failed on the disk).</summary>
    private bool _reopen;

    /// <summary>The last write failed on the disk: the probe fails until a write succeeds again.</summary>
    private Exception? _writeFailed;

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
        catch (Exception ex) when (ex is IOException or LiteDB.LiteException or StartupProblem or UnauthorizedAccessException)
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
        Attach(LiteDbFiles.Open(_path!, _openLog));
        ForgetCachedState();
        _reopen = false;
    }

    /// <summary>
    /// Throws while the store cannot write: after a failed write, a small commit (one document of its own, rewritten)
    /// tells whether the disk has room again, and clears the failure when it has.
    /// </summary>
    private void ProbeWrite()
    {
        lock (_writeGate)
        {
            if (_writeFailed is null)
            {
                return;
            }

            Run(() => _db.GetCollection("probe").Upsert(new LiteDB.BsonDocument { ["_id"] = "write", ["at"] = DateTime.UtcNow }));
        }
    }
}
