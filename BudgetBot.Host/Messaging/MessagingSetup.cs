using BudgetBot.Domain.Ports;
using BudgetBot.Host.Local;
using BudgetBot.Host.Storage;

namespace BudgetBot.Host.Messaging;

internal static class MessagingSetup
{
    /// <summary>The one message path: inbox (group commit), drainer, outbox, a sender per channel; the local channel always.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddSingleton<IMessageQueue>(sp => sp.GetRequiredService<IServiceStore>());
        services.AddSingleton(sp => sp.GetRequiredService<IServiceStore>().Locks);
        services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<IServiceStore>());
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<IServiceStore>());
        services.AddSingleton<IOutboxWriter>(sp => sp.GetRequiredService<IServiceStore>());
        services.AddSingleton<IPeople>(sp => sp.GetRequiredService<IServiceStore>());
        services.AddSingleton<IChatStates>(sp => sp.GetRequiredService<IServiceStore>());
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IServiceStore>();
            var signals = new MessageSignals { IdleLook = store.IdleLook };
            // Another host's commit wakes this host's loops (a shared store); this host's own commits wake them directly.
            store.Changed += what =>
            {
                if (what == StoreChanges.Inbox)
                {
                    signals.WakeDrainer();
                }
                else
                {
                    signals.WakeSenders();
                }
            };
            return signals;
        });
        services.AddSingleton<RequestsInFlight>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton<Attachments>();
        services.AddSingleton<LocalChannel>();
        services.AddSingleton<IPlatformChannel>(sp => sp.GetRequiredService<LocalChannel>());
        services.AddSingleton<LocalConversation>();
        services.AddSingleton<InboxDrainer>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxDrainer>());
        services.AddSingleton<OutboxSenders>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSenders>());
        services.AddSingleton<ReceiptFetcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReceiptFetcher>());
        return services;
    }
}
