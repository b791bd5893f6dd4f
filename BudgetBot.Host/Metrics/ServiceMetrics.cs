using System.Diagnostics;
using System.Diagnostics.Metrics;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Messaging;

namespace BudgetBot.Host.Metrics;

/// <summary>
/// The service's own counters, on one meter that <c>/metrics</c> exports. Counted where each thing happens, so every path
/// (a webhook, a long poll, the terminal) counts the same way; the queue gauges, which read the store, are <see cref="QueueGauges"/>.
/// </summary>
internal static class ServiceMetrics
{
    public const string MeterName = "BudgetBot";

    private static readonly Meter Meter = new(MeterName, Cli.CliVerbs.Version);

    private static readonly Counter<long> ReceivedCount = Meter.CreateCounter<long>(
        "budgetbot.messages.received", "{message}", "Chat events stored in the inbox (a redelivery is not counted again), by platform.");

    private static readonly Counter<long> SentCount = Meter.CreateCounter<long>(
        "budgetbot.messages.sent", "{message}", "Replies, reminders and summaries delivered, by platform.");

    private static readonly Counter<long> FailedCount = Meter.CreateCounter<long>(
        "budgetbot.send.failures", "{attempt}", "Send attempts that did not deliver, by platform and outcome (retry, permanent, gone, moved).");

    private static readonly Counter<long> ThrottledCount = Meter.CreateCounter<long>(
        "budgetbot.send.throttled", "{response}", "429 answers: the platform asked the sender to slow down, by platform.");

    private static readonly Counter<long> RemindersCount = Meter.CreateCounter<long>(
        "budgetbot.reminders.queued", "{message}", "Reminders, summaries and notices the schedule put in the outbox.");

    // Commits take from a fraction of a millisecond (PostgreSQL, a warm disk) to a second (a struggling disk): the
    // default buckets are for milliseconds and would put every commit in the first.
    private static readonly Histogram<double> CommitSeconds = Meter.CreateHistogram(
        "budgetbot.store.commit.duration", "s", "How long a unit of work's commit took, until it was durable.", tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    public static void Received(IReadOnlyList<InboundEvent> events, IReadOnlyList<bool> stored)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (stored[i])
            {
                ReceivedCount.Add(1, new KeyValuePair<string, object?>("platform", events[i].Platform));
            }
        }
    }

    public static void Sent(string platform, SendResult result)
    {
        var tag = new KeyValuePair<string, object?>("platform", platform);
        switch (result)
        {
            case SendResult.Sent:
                SentCount.Add(1, tag);
                break;
            case SendResult.RetryAfter:
                ThrottledCount.Add(1, tag);
                break;
            default:
                FailedCount.Add(1, tag, new KeyValuePair<string, object?>("outcome", result.ToString().ToLowerInvariant()));
                break;
        }
    }

    public static void RemindersQueued(int count) => RemindersCount.Add(count);

    /// <summary>Records a commit that began at <paramref name="startedAt"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void Committed(long startedAt) => CommitSeconds.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
}
