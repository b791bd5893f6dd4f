using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Demo;

/// <summary>
/// At start: in demo mode, seeds a data dir that had no data file with the demo office and people; otherwise takes every role away
/// from the demo people, so a data dir that began as a demo never gives a <c>local:</c> identity a say in a real office.
/// </summary>
internal sealed class DemoDataSeeder(DemoData demo, Storage.IServiceStore store, IOptions<BudgetBotOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoMode && store.IsNew)
        {
            // Only a data file made just now: an existing one, even without an office, may be a real office's.
            demo.EnsureSeeded();
        }
        else if (options.Value.DemoMode)
        {
            demo.Loaded();
        }
        else
        {
            demo.RetireDemoPeople();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
