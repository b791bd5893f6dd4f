using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Opens the data file and its log the way the store needs them: both exclusively, the log with deferred flushes, and
/// a durable commit: once LiteDB has written a commit's pages into the log (<see cref="LiteDbLogWriter"/>), one fsync
/// makes them durable.
/// LiteDB's own checkpoint inside a commit (every 1,000 log pages) is off; the store checkpoints when the log is large.
/// A log left by a crash is checked before LiteDB replays it (<see cref="LiteDbLogCheck"/>), against the data file's
/// header as it was after the last checkpoint, which the lock file records.
/// </summary>
internal sealed class LiteDbFiles : IDisposable
{
    /// <summary>
    /// The log is folded into the data file past this size (512 pages), between commits. Every unit waits while it is
    /// folded in, so the fold is kept short: past 32 MB it took a few tens of milliseconds, which was the whole p99 of
    /// messages paced at 200 a second (40–48 ms, against 13–20 ms with 4 MB at the same CPU a message, measured).
    /// </summary>
    public const long CheckpointBytes = 4L * 1024 * 1024;

    private const int Page = 8192;

    private readonly FileStream? _data;
    private FileStream? _lock;
    private string? _path;
    private readonly DeferredFlushLog? _log;
    private readonly Action _waitForWriter;

    private LiteDbFiles(LiteDatabase db, FileStream? data, DeferredFlushLog? log)
    {
        Database = db;
        _data = data;
        _log = log;
        _waitForWriter = log is null ? () => { } : LiteDbLogWriter.WaitFor(db);
        db.CheckpointSize = 0;
    }

    public LiteDatabase Database { get; }

    /// <summary>
    /// Opens the data file and its log. <paramref name="openLog"/> opens the log file instead of the usual way: tests
    /// give one that refuses writes as a full disk would, where they cannot mount a small disk.
    /// </summary>
    public static LiteDbFiles Open(string path, Func<string, FileStream>? openLog = null)
    {
        LiteDbLogWriter.ProveOnce();
        var full = Path.GetFullPath(path);
        PrivateFiles.Folder(Path.GetDirectoryName(full)!);
        // FileShare is advisory on Linux and lets a second process open the data file too; an exclusively held lock
        // file is what keeps a second host or a writing verb away while this store is open.
        var held = TakeLock(Path.ChangeExtension(full, ".lock"));
        var logPath = LiteDbSnapshot.LogOf(full);
        FileStream data;
        try
        {
            LiteDbLogCheck.Verify(full, logPath, Recorded(held));
            data = PrivateFiles.Open(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        }
        catch
        {
            held.Dispose();
            throw;
        }

        var log = new DeferredFlushLog(openLog?.Invoke(logPath) ?? PrivateFiles.Open(logPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read));
        if (log.Length % Page != 0)
        {
            // A page cut short by a crash or a full disk ends a commit that was never confirmed (a commit is acknowledged
            // only once all its pages are on disk). Left there, every later page would be written out of step.
            log.SetLength(log.Length / Page * Page);
        }

        try
        {
            var files = new LiteDbFiles(new LiteDatabase(data, null, log), data, log) { _lock = held, _path = full };
            if (log.Length == 0)
            {
                // The data file holds everything: it is what the next log will be written on.
                files.Record();
            }

            return files;
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
            Checkpoint();
        }
    }

    /// <summary>
    /// Folds the log into the data file, after stamping the header with a number of its own (LiteDB's user version,
    /// which nothing else uses): no other copy of this file, a backup folded at another moment, has the same header.
    /// </summary>
    private void Checkpoint(bool record = true)
    {
        Database.UserVersion = System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue);
        Database.Checkpoint();
        if (record)
        {
            Record();
        }
    }

    /// <summary>Writes the data file's header fingerprint into the lock file, durably, before any commit goes to the new log.</summary>
    private void Record()
    {
        if (_lock is null || _path is null || LiteDbLogCheck.Fingerprint(_path) is not { } fingerprint)
        {
            return;
        }

        _lock.SetLength(0);
        _lock.Position = 0;
        _lock.Write(System.Text.Encoding.ASCII.GetBytes(Stamp + fingerprint + "\n"));
        _lock.Flush(flushToDisk: true);
    }

    private const string Stamp = "data-header-sha256 ";

    /// <summary>The fingerprint in the lock file; null when there is none (a data dir from before it was kept).</summary>
    private static string? Recorded(FileStream held)
    {
        held.Position = 0;
        using var reader = new StreamReader(held, System.Text.Encoding.ASCII, false, 256, leaveOpen: true);
        var line = reader.ReadLine();
        return line is not null && line.StartsWith(Stamp, StringComparison.Ordinal) ? line[Stamp.Length..] : null;
    }

    public void Dispose()
    {
        if (_abandoned)
        {
            return;
        }

        if (_log is not null)
        {
            // A clean stop leaves one self-contained data file (auto-checkpoint is off, so nothing else folds the log in).
            try
            {
                Checkpoint(record: false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The log still holds every commit; the next start replays it. An engine a failed disk left behind
                // throws whatever its half-released locks give (LockRecursionException among them).
            }
        }

        Abandon(record: _log is not null);
    }

    private bool _abandoned;

    /// <summary>
    /// Closes the files without folding the log in: after the disk failed a write, LiteDB's own close may throw or
    /// hang on its failed writer, and the log already holds every confirmed commit for the next open.
    /// </summary>
    public void Abandon() => Abandon(record: false);

    /// <summary>
    /// With <paramref name="record"/> (a clean stop), the data header is recorded once LiteDB is closed: its last
    /// writes are then in the file, and no commit can follow the one the header was read after.
    /// </summary>
    private void Abandon(bool record)
    {
        if (_abandoned)
        {
            return;
        }

        _abandoned = true;
        try
        {
            Database.Dispose();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // See above: the files are closed below whatever the engine says.
        }

        Close(_log, _data);
        if (record)
        {
            try
            {
                Record();
            }
            catch (IOException)
            {
                // Without a record the next start checks the log's pages only.
            }
        }

        Close(_lock);
    }

    private static void Close(params Stream?[] streams)
    {
        foreach (var stream in streams)
        {
            try
            {
                stream?.Dispose();
            }
            catch (IOException)
            {
                // A buffered write the full disk refuses: LiteDB flushes every page it needs, so nothing confirmed is in it.
            }
        }
    }
}

/// <summary>Another BudgetBot (the service, or a verb) has the data dir open.</summary>
internal sealed class DataDirInUseException(string lockFile, Exception inner)
    : IOException($"{lockFile} is held by another BudgetBot process (the service or a verb) using this data dir", inner);
