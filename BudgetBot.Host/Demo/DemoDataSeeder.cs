using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Demo;

/// <summary>
/// At start: in demo mode, seeds an empty data dir with the demo office and people; otherwise takes every role away
/// from the demo people, so a data dir that began as a demo never gives a <c>local:</c> identity a say in a real office.
/// </summary>
internal sealed class DemoDataSeeder(DemoData demo, IOptions<BudgetBotOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoMode)
        {
            demo.EnsureSeeded();
        }
        else
        {
            demo.RetireDemoPeople();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
