using BudgetBot.Domain.Conversation;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Options;
using BudgetBot.Host.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Local;

internal static class ConversationSetup
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BudgetBotOptions>>().Value;
            TimeZones.TryFind(o.TimeZone, out var zone);
            return new EngineSettings
            {
                TimeZone = zone,
                Admins = o.Admins,
                WarnPercent = o.Guards.WarnPercent,
                HoldPercent = o.Guards.HoldPercent,
                UndoWindow = TimeSpan.FromHours(o.Guards.UndoHours),
                ReportLinkLifetime = TimeSpan.FromDays(o.ReportLinkDays),
                Targets = sp.GetRequiredService<Jobs.CalendarData>().Targets,
                OfficeGuards = o.Guards.Offices.ToDictionary(
                    x => x.Key, x => new GuardLevels(x.Value.WarnPercent ?? o.Guards.WarnPercent, x.Value.HoldPercent ?? o.Guards.HoldPercent)),
            };
        });
        services.TryAddSingleton<Jobs.CalendarData>();
        services.AddSingleton<IChatStore>(sp => sp.GetRequiredService<Storage.IServiceStore>());
        services.AddSingleton<IInbox>(sp => sp.GetRequiredService<Storage.IServiceStore>());
        services.AddSingleton(sp => new ConversationEngine(sp.GetRequiredService<IBudgetStore>(), sp.GetRequiredService<IChatStore>(), sp.GetRequiredService<EngineSettings>()));
        services.AddSingleton<MediaFiles>();
        services.AddSingleton<Reports.ChartRenderer>();
        services.AddSingleton<Reports.LedgerCsv>();
        return services.AddMessaging();
    }
}
