using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Messaging;

/// <summary>One <see cref="OutboxSender"/> for each configured platform channel, run side by side.</summary>
internal sealed class OutboxSenders : BackgroundService
{
    /// <summary>How often a host that does not hold a lease asks for it again.</summary>
    public static readonly TimeSpan LeaseRetry = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, OutboxSender> _senders;
    private readonly Storage.IServiceStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxSenders> _logger;

    public OutboxSenders(IEnumerable<IPlatformChannel> channels, IServiceProvider services)
    {
        _store = services.GetRequiredService<Storage.IServiceStore>();
        _clock = services.GetRequiredService<TimeProvider>();
        _logger = services.GetRequiredService<ILogger<OutboxSenders>>();
        _senders = channels.Where(c => c.Enabled).ToDictionary(c => c.Platform, c => new OutboxSender(
            c,
            services.GetRequiredService<IOutbox>(),
            services.GetRequiredService<IInbox>(),
            services.GetRequiredService<IUnitOfWork>(),
            services.GetRequiredService<DeadLetters>(),
            services.GetRequiredService<MessageSignals>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OutboxSender).FullName + "." + c.Platform)));
    }

    public OutboxSender For(string platform) => _senders[platform];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_senders.Values.Select(s => Task.Run(() => LeadAsync(s, stoppingToken), stoppingToken)));

    /// <summary>
    /// A platform's items are sent by one host at a time, so each chat's replies go out in order and each claim has one
    /// owner; the other hosts wait for the lease and take over when its holder dies.
    /// </summary>
    private async Task LeadAsync(OutboxSender sender, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await _store.WhileLeaderAsync("sender:" + sender.Platform, sender.RunAsync, ct))
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Log.LeaseFailed(_logger, "sender:" + sender.Platform, ex);
            }

            await Task.Delay(LeaseRetry, _clock, ct);
        }
    }
}
