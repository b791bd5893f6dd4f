using System.Diagnostics.Metrics;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Metrics;

/// <summary>
/// Inbox and outbox depth and age, and the dead letters, read from the store when <c>/metrics</c> is scraped (not on a
/// timer): a scrape every few seconds costs a few index reads. A store that cannot answer reports nothing that time.
/// </summary>
internal sealed class QueueGauges
{
    /// <summary>Counted up to this many; a deeper queue reads as this figure, which already says something is wrong.</summary>
    public const int CountCap = 10_000;

    public QueueGauges(IMeterFactory meters, IServiceStore store, TimeProvider clock, ILogger<QueueGauges> logger)
    {
        var meter = meters.Create(ServiceMetrics.MeterName);
        IEnumerable<Measurement<double>> Read(Func<double?> read)
        {
            double? value;
            try
            {
                value = read();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.GaugeFailed(logger, ex);
                value = null;
            }

            return value is { } v ? [new Measurement<double>(v)] : [];
        }

        double Age(DateTimeOffset? since) => since is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : 0;
        meter.CreateObservableGauge("budgetbot.inbox.depth", () => Read(() => store.Queued()), "{event}", "Events waiting to be handled.");
        meter.CreateObservableGauge("budgetbot.inbox.oldest_age", () => Read(() => Age(store.Unprocessed(1) is [var e, ..] ? e.At : null)), "s",
            "How long the oldest waiting event has waited (0 when none waits).");
        meter.CreateObservableGauge("budgetbot.outbox.depth", () => Read(() => store.Outbox(OutboxStatus.Pending, CountCap).Count), "{message}",
            "Messages waiting to be sent, including those waiting out a rate limit or a retry.");
        meter.CreateObservableGauge("budgetbot.outbox.oldest_age", () => Read(() => Age(store.Outbox(OutboxStatus.Pending, 1) is [var o, ..] ? o.CreatedAt : null)), "s",
            "How long the oldest unsent message has waited (0 when none waits).");
        meter.CreateObservableGauge("budgetbot.dead_letters", () => Read(() => store.DeadLetterList(CountCap).Count), "{event}",
            "Events set aside after failing repeatedly (see the dead-letters verb).");
    }
}
