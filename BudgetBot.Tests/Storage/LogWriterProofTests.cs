using BudgetBot.Host.Storage;

namespace BudgetBot.Tests.Storage;

public sealed class LogWriterProofTests
{
    [Fact]
    public void Proof_WithThePinnedLiteDb_Passes() => Assert.Null(LiteDbLogWriter.Prove(log => log, LiteDbLogWriter.WaitFor));

    [Fact]
    public void Proof_WithThePinnedLiteDb_HoldsWithoutAnyWait_ItsCommitHasWrittenEveryPage() =>
        // 5.0.21 writes a commit's pages before Commit returns; a LiteDB that hands them to a writer of its own again is
        // caught by the test below.
        Assert.Null(LiteDbLogWriter.Prove(log => log, _ => () => { }));

    [Fact]
    public void Proof_WhenPagesReachTheLogAfterTheWait_Fails()
    {
        var failure = LiteDbLogWriter.Prove(log => new LateLog(log), LiteDbLogWriter.WaitFor);

        Assert.NotNull(failure);
        Assert.Contains("still to come", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Stands for a writer the wait does not cover: it puts a commit's pages into the log later, on its own.</summary>
    private sealed class LateLog(Stream log) : Stream
    {
        private Task _behind = Task.CompletedTask;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => log.Length;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override long Seek(long offset, SeekOrigin origin) => Position = origin == SeekOrigin.Begin ? offset : Position + offset;

        public override void SetLength(long value)
        {
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            var copy = buffer[offset..(offset + count)];
            _behind = _behind.ContinueWith(_ => log.Write(copy), TaskScheduler.Default);
        }
    }
}
