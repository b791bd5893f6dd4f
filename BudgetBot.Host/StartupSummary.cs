using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host;

/// <summary>The version and the absolute data path, then one line per platform at start: what is configured and how it is reached, or what to set to turn it on; one for a shared store.</summary>
internal sealed class StartupSummary(IOptions<BudgetBotOptions> options, ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        // The full path: a relative data dir means the folder the service was started in, which is easy to get wrong.
        Log.Starting(logger, Cli.CliVerbs.Version, o.Storage.IsPostgres ? "PostgreSQL (files under " + Path.GetFullPath(o.DataDir) + ")" : Path.GetFullPath(o.DataDir));
        if (string.IsNullOrWhiteSpace(o.Telegram.Token))
        {
            Log.PlatformOff(logger, "Telegram", "BudgetBot__Telegram__Token");
        }
        else
        {
            Log.PlatformOn(logger, "Telegram", string.IsNullOrEmpty(o.PublicBaseUrl) ? "long polling" : $"webhook at {o.PublicBaseUrl.TrimEnd('/')}/webhooks/telegram");
        }

        if (o.Line.Enabled())
        {
            Log.PlatformOn(logger, "LINE", string.IsNullOrEmpty(o.PublicBaseUrl) ? "webhook at /webhooks/line (set BudgetBot__PublicBaseUrl so LINE can reach it)" : $"webhook at {o.PublicBaseUrl.TrimEnd('/')}/webhooks/line");
        }
        else
        {
            Log.PlatformOff(logger, "LINE", "BudgetBot__Line__ChannelSecret and __ChannelAccessToken");
        }

        if (o.Storage.IsPostgres)
        {
            // Server and database only: the connection string may hold a password.
            var where = new Npgsql.NpgsqlConnectionStringBuilder(o.Storage.ConnectionString);
            var server = where.Host + ":" + where.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Log.StoragePostgres(logger, where.Database ?? "", server);
        }

        if (o.DemoMode)
        {
            Log.DemoModeOn(logger);
        }

        if (o.DemoToday is { } today)
        {
            Log.DemoClock(logger, today);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
