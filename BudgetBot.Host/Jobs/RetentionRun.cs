using BudgetBot.Host.Local;
using BudgetBot.Host.Options;
using BudgetBot.Host.Storage;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Jobs;

/// <summary>The nightly job that forgets what is kept only for a while (<see cref="RetentionOptions"/>), in batches.</summary>
internal sealed class RetentionRun(IServiceStore store, MediaFiles media, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<RetentionRun> logger)
{
    public const string JobId = "retention";
    private const int Batch = 5_000;

    public RetentionResult Run()
    {
        var o = options.Value.Retention;
        var now = clock.GetUtcNow();
        var result = new RetentionResult(
            Drain(before => store.ForgetProcessedEvents(before, Batch), now.AddDays(-o.InboxDays)),
            Drain(before => store.ForgetHandled(before, Batch), now.AddDays(-o.HandledDays)),
            Drain(before => store.ForgetFeed(before, Batch), now.AddDays(-o.FeedDays)),
            Drain(before => store.ForgetExpiredButtonsAndInvites(before, Batch), now.AddDays(-o.ExpiredButtonDays)),
            media.Forget(now.AddDays(-o.MediaDays)));
        Log.RetentionDone(logger, result.Events, result.Handled, result.Feed, result.Buttons, result.MediaFiles);
        return result;
    }

    private static int Drain(Func<DateTimeOffset, int> forget, DateTimeOffset before)
    {
        var total = 0;
        for (int batch; (batch = forget(before)) > 0;)
        {
            total += batch;
        }

        return total;
    }
}

internal sealed record RetentionResult(int Events, int Handled, int Feed, int Buttons, int MediaFiles);
