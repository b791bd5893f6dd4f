using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>One <see cref="OutboxSender"/> for each configured platform channel, run side by side.</summary>
internal sealed class OutboxSenders : BackgroundService
{
    private readonly Dictionary<string, OutboxSender> _senders;

    public OutboxSenders(IEnumerable<IPlatformChannel> channels, IServiceProvider services)
    {
        _senders = channels.Where(c => c.Enabled).ToDictionary(c => c.Platform, c => new OutboxSender(
            c,
            services.GetRequiredService<IMessageQueue>(),
            services.GetRequiredService<IHostLocks>(),
            services.GetRequiredService<DeadLetters>(),
            services.GetRequiredService<MessageSignals>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OutboxSender).FullName + "." + c.Platform)));
        foreach (var sender in _senders.Values)
        {
            services.GetRequiredService<MessageSignals>().Register(sender);
        }
    }

    public OutboxSender For(string platform) => _senders[platform];

    /// <summary>
    /// Every host sends: each round a sender holds the chats it sends to (<see cref="IHostLocks.HoldChats"/>), so a chat's
    /// messages go out in order from one host at a time while other chats go from other hosts.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_senders.Values.Select(s => Task.Run(() => s.RunAsync(stoppingToken), stoppingToken)));
}
