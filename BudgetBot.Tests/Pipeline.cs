using BudgetBot.Host.Local;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using BudgetBot.Host.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetBot.Tests;

/// <summary>The real message-path pieces around a test's store, without a host.</summary>
internal static class Pipeline
{
    public static OutboxSender LocalSender(LiteDbBudgetStore store, TimeProvider clock)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions { DataDir = Seed.TempDir() });
        var attachments = new Attachments(new ChartRenderer(store), new ReportExporter(store), options, clock);
        var channel = new LocalChannel(store, attachments, new MediaFiles(options, clock));
        var dead = new DeadLetters(store, store, store, clock, NullLogger<DeadLetters>.Instance);
#pragma warning disable CA2000 // the signals live as long as the sender, which the test drops at its end
        return new OutboxSender(channel, store, store, store, store, dead, new MessageSignals(), clock, NullLogger.Instance);
#pragma warning restore CA2000
    }
}
