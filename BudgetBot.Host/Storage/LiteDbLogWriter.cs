using System.Reflection;
using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// What the store's durable commit rests on: when a commit returns and <see cref="WaitFor"/>'s wait has returned, every
/// page of the commit is in the log stream, so one fsync of the log makes it durable. LiteDB 5.0.21, the version pinned,
/// writes a commit's pages before <c>Commit</c> returns and needs no wait; 5.0.20 handed them to a background writer
/// with no public way to wait for it, so the wait reaches a writer queue by reflection where there is one, in this
/// class only. Either way
/// <see cref="ProveOnce"/> shows, before any store opens, that the wait covers a commit, so a LiteDB whose internals
/// move stops start-up and the tests instead of losing commits quietly.
/// </summary>
internal static class LiteDbLogWriter
{
    private const BindingFlags Any = BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance;
    private static readonly Lazy<Exception?> Proof = new(() => Prove(log => log, WaitFor));

    /// <summary>A wait that returns once the pages of every commit made so far are in the log stream.</summary>
    public static Action WaitFor(LiteDatabase db)
    {
        var engine = typeof(LiteDatabase).GetField("_engine", Any)?.GetValue(db);
        var disk = engine?.GetType().GetField("_disk", Any)?.GetValue(engine);
        var lazy = disk?.GetType().GetField("_queue", Any)?.GetValue(disk);
        var queue = lazy?.GetType().GetProperty("Value")?.GetValue(lazy);
        var wait = queue?.GetType().GetMethod("Wait", Any, Type.EmptyTypes);
        return queue is not null && wait is not null ? () => wait.Invoke(queue, null) : () => { };
    }

    /// <summary>Runs the proof once per process; throws, saying what failed, when the wait does not cover a commit.</summary>
    public static void ProveOnce()
    {
        if (Proof.Value is { } failure)
        {
            throw new InvalidOperationException(
                $"BudgetBot cannot make LiteDB {typeof(LiteDatabase).Assembly.GetName().Version} commits durable: {failure.Message}. Use the LiteDB version the project pins.",
                failure);
        }
    }

    /// <summary>
    /// Commits through a log that takes 20 ms for every write, then waits: every page must be in the log when the wait
    /// returns, and none may arrive after it (a writer the wait does not cover would still be writing).
    /// <paramref name="wrap"/> and <paramref name="waitFor"/> let a test put a late writer or a wait that does not wait in.
    /// </summary>
    internal static Exception? Prove(Func<Stream, Stream> wrap, Func<LiteDatabase, Action> waitFor)
    {
        try
        {
            var log = new SlowLog();
            using (var db = new LiteDatabase(new MemoryStream(), null, wrap(log)))
            {
                db.CheckpointSize = 0;
                var wait = waitFor(db);
                db.BeginTrans();
                db.GetCollection("proof").Insert(new BsonDocument { ["_id"] = 1 });
                db.Commit();
                wait();
                var written = log.Writes;
                Thread.Sleep(TimeSpan.FromMilliseconds(150));
                if (written == 0 || log.Writes != written)
                {
                    return new InvalidOperationException($"a commit's wait returned with {written} log write(s) done and {log.Writes - written} still to come");
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    /// <summary>A log in memory whose every write is slow, so a wait that does not cover a commit is seen.</summary>
    private sealed class SlowLog : MemoryStream
    {
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(20);
            base.Write(buffer, offset, count);
            Interlocked.Increment(ref _writes);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Thread.Sleep(20);
            base.Write(buffer);
            Interlocked.Increment(ref _writes);
        }
    }
}
