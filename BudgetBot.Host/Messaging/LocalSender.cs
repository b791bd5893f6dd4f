using BudgetBot.Domain.Ports;
using BudgetBot.Host.Local;

namespace BudgetBot.Host.Messaging;

/// <summary>
/// Delivers outbox items addressed to local identities (the demo people, the playground group) into their local feed,
/// marking each sent in the same transaction. Items for Telegram and LINE recipients wait for those platforms' senders.
/// </summary>
internal sealed class LocalSender(IChatStore chat, LocalChannel channel, TimeProvider clock, ILogger<LocalSender> logger) : BackgroundService
{
    private const string Local = "local:";

    public int Deliver()
    {
        var delivered = 0;
        foreach (var item in chat.Outbox(OutboxStatus.Pending, 200))
        {
            if (OutboxTarget.Of(item, chat) is not ("local", var id))
            {
                continue;
            }

            var feed = Local + id;
            var person = item.PersonId is { } personId ? chat.Person(personId) : null;

            var now = clock.GetUtcNow();
            chat.DeliverLocally(item, feed, channel.Materialize(item.Reply, now, person?.Language == "en"), now);
            delivered++;
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                Deliver();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.DeliveryFailed(logger, ex);
            }
        }
    }
}
