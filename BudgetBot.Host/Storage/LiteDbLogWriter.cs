using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>
/// What the store's durable commit rests on: LiteDB 5.0.21 writes a commit's pages into the log stream before
/// <c>Commit</c> returns (5.0.20 handed them to a background writer, which the store had to reach by reflection), so one
/// fsync of the log after the commit makes it durable. <see cref="ProveOnce"/> shows this before any store opens, so a
/// LiteDB whose commit returns before its pages are written stops start-up and the tests instead of losing commits.
/// </summary>
internal static class LiteDbLogWriter
{
    private static readonly Lazy<Exception?> Proof = new(() => Prove(log => log));

    /// <summary>Runs the proof once per process; throws, saying what failed, when a commit returns before its pages are written.</summary>
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
    /// Commits through a log that takes 20 ms for every write: every page must be in the log when the commit returns,
    /// and none may arrive after it (a writer that works behind the commit would still be writing).
    /// <paramref name="wrap"/> lets a test put a late writer between LiteDB and the log.
    /// </summary>
    internal static Exception? Prove(Func<Stream, Stream> wrap)
    {
        try
        {
            var log = new SlowLog();
            using (var db = new LiteDatabase(new MemoryStream(), null, wrap(log)))
            {
                db.CheckpointSize = 0;
                db.BeginTrans();
                db.GetCollection("proof").Insert(new BsonDocument { ["_id"] = 1 });
                db.Commit();
                var written = log.Writes;
                Thread.Sleep(TimeSpan.FromMilliseconds(150));
                if (written == 0 || log.Writes != written)
                {
                    return new InvalidOperationException($"a commit returned with {written} log write(s) done and {log.Writes - written} still to come");
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    /// <summary>A log in memory whose every write is slow, so a commit that does not wait for its pages is seen.</summary>
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
