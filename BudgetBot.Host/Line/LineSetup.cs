using BudgetBot.Host.Messaging;

namespace BudgetBot.Host.Line;

internal static class LineSetup
{
    /// <summary>The LINE adapter: its webhook and its channel; idle unless the channel secret and access token are set.</summary>
    public static IServiceCollection AddLine(this IServiceCollection services)
    {
        // No HttpClient request logging: at trace level it writes headers, and the access token is one.
        services.AddHttpClient<LineApi>(c => c.Timeout = TimeSpan.FromSeconds(20)).RemoveAllLoggers();
        services.AddSingleton<LineBotInfo>();
        services.AddSingleton<LineMessages>();
        services.AddSingleton<IPlatformChannel, LineChannel>();
        services.AddHostedService<LineStartup>();
        return services;
    }
}
