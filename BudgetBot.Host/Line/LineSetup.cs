using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

internal static class LineSetup
{
    /// <summary>The LINE adapter; idle unless the channel secret and access token are set.</summary>
    public static IServiceCollection AddLine(this IServiceCollection services)
    {
        services.AddHttpClient<LineApi>(c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<LineBotInfo>();
        services.AddSingleton<LineMessages>();
        services.AddSingleton<LineSender>();
        services.AddSingleton<LineDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<LineDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<LineSender>());
        return services;
    }

}
