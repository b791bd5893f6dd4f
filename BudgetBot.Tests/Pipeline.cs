using BudgetBot.Domain.Conversation;
using BudgetBot.Host.Local;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using BudgetBot.Host.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetBot.Tests;

/// <summary>The real message-path pieces (drainer, local channel, sender) around a test's store, without a host.</summary>
internal sealed class Pipeline : IDisposable
{
    private readonly MessageSignals _signals = new();

    private readonly TimeProvider _clock;

    public Pipeline(IServiceStore store, ConversationEngine engine, TimeProvider clock, params IPlatformChannel[] extra)
    {
        Store = store;
        _clock = clock;
        var options = Microsoft.Extensions.Options.Options.Create(new BudgetBotOptions { DataDir = Seed.TempDir() });
        var attachments = new Attachments(new ChartRenderer(store), new ReportExporter(store), new LedgerCsv(store, store, options), options, clock);
        Local = new LocalChannel(store, attachments, new MediaFiles(options, clock));
        var dead = new DeadLetters(store, store, engine, clock, NullLogger<DeadLetters>.Instance);
        IPlatformChannel[] channels = [Local, .. extra];
        Drainer = new InboxDrainer(store, store.Locks, engine, channels, dead, _signals, clock, NullLogger<InboxDrainer>.Instance);
        Senders = channels.ToDictionary(c => c.Platform, c => new OutboxSender(c, store, store.Locks, dead, _signals, clock, NullLogger.Instance));
        foreach (var sender in Senders.Values)
        {
            _signals.Register(sender);
        }
    }

    public IServiceStore Store { get; }

    public LocalChannel Local { get; }

    public InboxDrainer Drainer { get; }

    public Dictionary<string, OutboxSender> Senders { get; }

    /// <summary>Stores a local message in the inbox, as the playground does.</summary>
    public string Receive(IncomingMessage message)
    {
        var stored = LocalChannel.Event(message);
        Store.Receive(stored.Key, stored.Platform, stored.Payload, stored.At);
        return stored.Key;
    }

    /// <summary>Drains and sends until nothing is left that is due now (a chat sends one item a round; 200 rounds at most).</summary>
    public async Task SettleAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            var handled = Drainer.DrainOnce().Count;
            var sent = 0;
            var due = false;
            foreach (var sender in Senders.Values)
            {
                var (count, next) = await sender.RoundAsync(CancellationToken.None);
                sent += count;
                due |= next is { } at && at <= _clock.GetUtcNow();
            }

            if (handled == 0 && sent == 0 && !due && Store.Unprocessed(1).Count == 0)
            {
                return;
            }
        }
    }

    public void Dispose() => _signals.Dispose();
}
