using BudgetBot.Domain.Ports;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Demo;

/// <summary>On an empty data dir, imports the shipped monitoring report with its repairs so a newcomer has something to try.</summary>
internal sealed class DemoDataSeeder(IBudgetStore store, ReportFileReader reader, IOptions<BudgetBotOptions> options, TimeProvider clock, ILogger<DemoDataSeeder> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var offices = store.Offices().Count;
        if (offices > 0)
        {
            Log.DataLoaded(logger, options.Value.DataDir, offices);
            return Task.CompletedTask;
        }

        var path = BudgetBotConfiguration.Resolve(options.Value.DemoReport);
        if (!File.Exists(path))
        {
            Log.DemoMissing(logger, path);
            return Task.CompletedTask;
        }

        var file = reader.Read(path);
        var result = Domain.Reconciliation.ReportImport.Analyze(file.Lines, acceptRepairs: true);
        store.Import(result.ToSnapshot(clock.GetUtcNow(), file.SourceId));
        Log.DemoImported(logger, result.Facts.OfficeName, result.Facts.FiscalYear, result.ProjectCount, result.Findings.Count, result.RepairsOffered, options.Value.DemoReport);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
