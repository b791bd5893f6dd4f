using BudgetBot.Host.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests;

/// <summary>
/// "Nothing else arrives" as an observable state instead of a sleep: the inbox has nothing left to handle and no
/// platform has anything pending (an item being sent stays pending until its result is written).
/// </summary>
internal static class PipelineIdle
{
    public static async Task WaitAsync(IServiceProvider services, TimeSpan? timeout = null)
    {
        var store = services.GetRequiredService<LiteDbBudgetStore>();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (store.Unprocessed(1).Count > 0 || store.Pending("telegram", 1).Count > 0 || store.Pending("line", 1).Count > 0 || store.Pending("local", 1).Count > 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the message path never went idle");
            }

            await Task.Delay(20);
        }
    }
}
