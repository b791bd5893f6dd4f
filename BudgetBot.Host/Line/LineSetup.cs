using BudgetBot.Host.Messaging;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Line;

internal static class LineSetup
{
    /// <summary>How a LINE user is named in the settings: the user id LINE gives the channel (U…).</summary>
    public static readonly PlatformIdentity Identity = new(LineEvents.Platform, "line:U…");

    /// <summary>The LINE adapter: its webhook and its channel; idle unless the channel secret and access token are set.</summary>
    public static IServiceCollection AddLine(this IServiceCollection services)
    {
        // No HttpClient request logging: at trace level it writes headers, and the access token is one.
        services.AddHttpClient<LineApi>(c => c.Timeout = TimeSpan.FromSeconds(20)).RemoveAllLoggers();
        services.AddSingleton<LineBotInfo>();
        services.AddSingleton<LineMessages>();
        services.AddSingleton<IPlatformChannel, LineChannel>();
        services.AddSingleton<LineQuota>();
        services.AddSingleton<IReadinessFigures>(sp => sp.GetRequiredService<LineQuota>());
        services.AddHostedService<LineQuotaWatch>();
        services.AddSingleton(Identity);
        services.AddSingleton<IValidateOptions<BudgetBotOptions>, LineOptionsCheck>();
        services.AddHostedService<LineStartup>();
        return services;
    }
}
