namespace BudgetBot.Host.Demo;

/// <summary>Seeds demo data when the service starts on an empty data dir.</summary>
internal sealed class DemoDataSeeder(DemoData demo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        demo.EnsureSeeded();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
