namespace BudgetBot.Bench.Load;

/// <summary>One load level's figures: end to end (every message answered at the fake) over load plus drain.</summary>
internal sealed record LevelResult(
    string Name,
    long Ledger,
    int Senders,
    long Messages,
    double Seconds,
    double DrainSeconds,
    double MessagesPerSec,
    double P50Ms,
    double P99Ms,
    double CommitsPerMessage,
    double? FsyncsPerMessage,
    long RepliesMissing,
    long RepliesExtra,
    double CpuMsPerMessage)
{
    /// <summary>The bench's own CPU a message: the senders, both fakes and the reply checks, on the same cores as the host.</summary>
    public double DriverCpuMsPerMessage { get; init; }
}
