using BudgetBot.Host.Messaging;
using BudgetBot.Host.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests;

/// <summary>
/// "Nothing else arrives" as an observable state instead of a sleep: the inbox has nothing left to handle and no
/// registered channel has anything pending (an item being sent stays pending until its result is written). Both change only by
/// a commit, so between looks this waits for the store's next one.
/// </summary>
internal static class PipelineIdle
{
    public static async Task WaitAsync(IServiceProvider services, TimeSpan? timeout = null)
    {
        var store = services.GetRequiredService<IServiceStore>();
        var platforms = services.GetServices<IPlatformChannel>().Select(c => c.Platform).ToList();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = store.NextCommit; // taken before looking, so a commit during the look is not missed
            if (store.Unprocessed(1).Count == 0 && platforms.All(p => store.Pending(p, 1).Count == 0))
            {
                return;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("the message path never went idle");
            }
        }
    }
}
