using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Opens the data file and its log the way the store needs them: both exclusively, the log with deferred flushes, and
/// a durable commit: once LiteDB has written a commit's pages into the log (<see cref="LiteDbLogWriter"/>), one fsync
/// makes them durable.
/// LiteDB's own checkpoint inside a commit (every 1,000 log pages) is off; the store checkpoints when the log is large.
/// </summary>
internal sealed class LiteDbFiles : IDisposable
{
    /// <summary>The log is folded into the data file past this size (8,000 pages), between commits.</summary>
    public const long CheckpointBytes = 32L * 1024 * 1024;

    private readonly Stream? _data;
    private Stream? _lock;
    private readonly DeferredFlushLog? _log;
    private readonly Action _waitForWriter;

    private LiteDbFiles(LiteDatabase db, Stream? data, DeferredFlushLog? log)
    {
        Database = db;
        _data = data;
        _log = log;
        _waitForWriter = log is null ? () => { } : LiteDbLogWriter.WaitFor(db);
        db.CheckpointSize = 0;
    }

    public LiteDatabase Database { get; }

    public static LiteDbFiles Open(string path)
    {
        LiteDbLogWriter.ProveOnce();
        var full = Path.GetFullPath(path);
        PrivateFiles.Folder(Path.GetDirectoryName(full)!);
        // FileShare is advisory on Linux and lets a second process open the data file too; an exclusively held lock
        // file is what keeps a second host or a writing verb away while this store is open.
        var held = TakeLock(Path.ChangeExtension(full, ".lock"));
        FileStream data;
        try
        {
            data = PrivateFiles.Open(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        }
        catch
        {
            held.Dispose();
            throw;
        }

        var logPath = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
        var log = new DeferredFlushLog(PrivateFiles.Open(logPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read));
        try
        {
            return new LiteDbFiles(new LiteDatabase(data, null, log), data, log) { _lock = held };
        }
        catch
        {
            log.Dispose();
            data.Dispose();
            held.Dispose();
            throw;
        }
    }

    /// <summary>The data dir's lock file, held for as long as the store is open; throws <see cref="DataDirInUseException"/> when another holds it.</summary>
    private static FileStream TakeLock(string path)
    {
        try
        {
            return PrivateFiles.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DataDirInUseException(path, ex);
        }
    }

    /// <summary>For tests that keep the whole database in a stream: nothing to make durable.</summary>
    public static LiteDbFiles InMemory(Stream stream) => new(new LiteDatabase(stream), null, null);

    /// <summary>After a commit: its pages are written (a crash of the process keeps them) and on disk (a power cut keeps them).</summary>
    public void MakeDurable()
    {
        if (_log is null)
        {
            return;
        }

        _waitForWriter();
        _log.Sync();
        if (_log.Length > CheckpointBytes)
        {
            Database.Checkpoint();
        }
    }

    public void Dispose()
    {
        if (_log is not null)
        {
            // A clean stop leaves one self-contained data file (auto-checkpoint is off, so nothing else folds the log in).
            try
            {
                Database.Checkpoint();
            }
            catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException)
            {
                // The log still holds every commit; the next start replays it.
            }
        }

        Database.Dispose();
        _log?.Dispose();
        _data?.Dispose();
        _lock?.Dispose();
    }
}

/// <summary>Another BudgetBot (the service, or a verb) has the data dir open.</summary>
internal sealed class DataDirInUseException(string lockFile, Exception inner)
    : IOException($"{lockFile} is held by another BudgetBot process (the service or a verb) using this data dir", inner);
