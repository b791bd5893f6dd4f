namespace BudgetBot.Host.Storage;

/// <summary>
/// LiteDB's log file, whose flushes reach the operating system but not the disk: LiteDB flushes the log several times
/// a commit (about five fsyncs, measured with strace on 5.0.20), so the store makes the one fsync that matters itself,
/// once per commit, after LiteDB has written the commit's pages (<see cref="Sync"/>).
/// A write the disk refuses (full, most often) is kept here rather than thrown at LiteDB's writer, which on 5.0.20
/// then waited for itself and hung every later commit. Nothing more reaches the file after it (a page
/// written after a missing one could confirm a commit with a hole in it); <see cref="Sync"/> throws it, the commit
/// fails, and the store opens its files again.
/// </summary>
internal sealed class DeferredFlushLog(FileStream file) : Stream
{
    private volatile IOException? _failure;

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
    public override void Flush()
    {
        if (_failure is null)
        {
            Kept(() => file.Flush(flushToDisk: false));
        }
    }

    /// <summary>Makes everything written so far durable: one fsync. Throws the first write the disk refused, if any.</summary>
    public void Sync()
    {
        if (_failure is { } failure)
        {
            throw new IOException($"the log could not be written: {failure.Message}", failure) { HResult = failure.HResult };
        }

        file.Flush(flushToDisk: true);
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void SetLength(long value) => file.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_failure is null)
        {
            Kept(() => file.Write(buffer, offset, count));
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToArray(), 0, buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    private void Kept(Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            _failure ??= ex;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
