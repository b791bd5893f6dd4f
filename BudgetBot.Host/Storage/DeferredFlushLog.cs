namespace BudgetBot.Host.Storage;

/// <summary>
/// LiteDB's log file, whose flushes reach the operating system but not the disk: LiteDB flushes the log several times
/// a commit (about five fsyncs, measured with strace on 5.0.20), so the store makes the one fsync that matters itself,
/// once per commit, after LiteDB has written the commit's pages (<see cref="Sync"/>).
/// </summary>
internal sealed class DeferredFlushLog(FileStream file) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    /// <summary>Hands the written pages to the operating system, which keeps them through a crash of this process.</summary>
    public override void Flush() => file.Flush(flushToDisk: false);

    /// <summary>Makes everything written so far durable: one fsync.</summary>
    public void Sync() => file.Flush(flushToDisk: true);

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void SetLength(long value) => file.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => file.Write(buffer, offset, count);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
