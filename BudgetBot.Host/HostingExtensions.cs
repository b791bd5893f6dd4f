using BudgetBot.Domain.Ports;
using BudgetBot.Host.Demo;
using BudgetBot.Host.Options;
using BudgetBot.Host.Storage;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host;

/// <summary>One extension per area, so Program.cs reads as a table of contents.</summary>
internal static class HostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Embedded defaults from <c>config/appsettings.json</c> next to the program, then environment variables and the
    /// command line again so they still win over the file.
    /// </summary>
    public static void AddBudgetBotConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        BudgetBotConfiguration.AddDefaults(builder.Configuration, builder.Environment.EnvironmentName);
        builder.Configuration.AddEnvironmentVariables();
        // --data-dir means the same to the service as to every verb.
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data-dir"] = "BudgetBot:DataDir" });
        if (!Listening.Configured(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }

    public static IServiceCollection AddBudgetBotOptions(this IServiceCollection services)
    {
        services.AddOptions<BudgetBotOptions>()
            .BindConfiguration(BudgetBotOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BudgetBotOptions>, BudgetBotOptionsValidator>();
        services.AddSingleton<IValidateOptions<BudgetBotOptions>, ValidateBudgetBotOptions>();
        services.AddHostedService<StartupSummary>();
        // In demo mode the service runs in the demo year (Playground:Today), so its examples work as written.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BudgetBotOptions>>().Value.DemoToday is { } today
            ? new Cli.RehearsalClock(today)
            : TimeProvider.System);
        return services;
    }

    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddSingleton<IServiceStore>(sp => OpenStore(sp.GetRequiredService<IOptions<BudgetBotOptions>>().Value));
        services.AddSingleton<IBudgetStore>(sp => sp.GetRequiredService<IServiceStore>());
        services.AddSingleton<Reports.ReportFileReader>();
        services.AddSingleton<Reports.ReportExporter>();
        return services;
    }

    /// <summary>The configured store: the LiteDB file in the data dir unless PostgreSQL is chosen.</summary>
    public static IServiceStore OpenStore(BudgetBotOptions options) =>
        options.Storage.IsPostgres
            ? Storage.Postgres.PostgresStore.Open(options.Storage.ConnectionString!)
            : LiteDbBudgetStore.OpenChecked(options.DatabasePath);

    /// <summary>
    /// Opens the store before anything else reaches for it: a data file or database that cannot be used stops the start
    /// with one line, before the job scheduler starts retrying the same database on its own.
    /// </summary>
    public static void OpenStore(this WebApplication app)
    {
        Storage.DiskSpace.Check(app.Services.GetRequiredService<IOptions<BudgetBotOptions>>().Value.DataDir);
        app.Services.GetRequiredService<IServiceStore>();
    }

    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddSingleton<DemoData>();
        services.AddHostedService<DemoDataSeeder>();
        return services;
    }

    /// <summary>Counts the requests being served (<see cref="Messaging.RequestsInFlight"/>).</summary>
    public static void UseRequestsInFlight(this WebApplication app)
    {
        var requests = app.Services.GetRequiredService<Messaging.RequestsInFlight>();
        app.Use(async (context, next) =>
        {
            requests.Enter();
            try
            {
                await next(context);
            }
            finally
            {
                requests.Leave();
            }
        });
    }

    /// <summary>
    /// A request the store could not write for want of disk space is answered 503 with one log line, not a 500 and a
    /// stack trace per request: while the disk is full every webhook fails the same way, and the platforms deliver
    /// again once it is not.
    /// </summary>
    public static void UseStoreFailures(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BudgetBot.Host.Storage");
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (Storage.DiskSpace.IsFull(ex) && !context.Response.HasStarted)
            {
                Log.StoreCannotWrite(logger, context.Request.Method, context.Request.Path, ex.Message);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            }
        });
    }

    /// <summary>Believes <c>X-Forwarded-For</c> and <c>-Proto</c> from the configured proxies only, and from none by default.</summary>
    public static void UseKnownProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<BudgetBotOptions>>().Value.KnownProxies;
        if (proxies.Count == 0)
        {
            return;
        }

        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(forwarded);
    }

    /// <summary>
    /// <c>/healthz</c> reads the store on every call, so a monitor sees 503 when the data cannot be served.
    /// <c>/readyz</c> says 200 only while the service can also answer chats: the store is readable, every configured
    /// platform is ready (Telegram knows the bot's own name and accepted the webhook) and no event has waited more than
    /// two minutes; a load balancer or a rollout waits for it.
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/readyz", (IServiceStore store, IEnumerable<Messaging.IPlatformChannel> channels, IEnumerable<Messaging.IReadinessFigures> figures, TimeProvider clock, ILogger<IServiceStore> logger) =>
        {
            if (!Readable(store, logger))
            {
                return Unavailable;
            }

            // A platform not ready yet (Telegram before getMe and setWebhook succeed), or events waiting too long: the
            // host is up but people are not being answered.
            var waiting = channels.Where(c => c.Enabled && !c.Ready.IsCompletedSuccessfully).Select(c => c.Platform).ToList();
            var oldest = store.Unprocessed(1) is [var e, ..] ? (clock.GetUtcNow() - e.At).TotalSeconds : 0;
            // What a platform reports of itself (LINE's quota) rides along, whether ready or not.
            var details = figures.Select(f => (f.Name, Figures: f.Figures())).Where(f => f.Figures is not null).ToDictionary(f => f.Name, f => f.Figures);
            return waiting.Count == 0 && oldest <= InboxStalledAfter.TotalSeconds
                ? Results.Ok(new { status = "ready", details })
                : Results.Json(new { status = "not ready", waiting, inboxOldestSeconds = Math.Round(oldest), details }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/healthz", (IServiceStore store, ILogger<IServiceStore> logger) => Readable(store, logger)
            ? Results.Ok(new { status = "ok", version = Cli.CliVerbs.Version, offices = store.Offices().Count, commits = store.Commits, queued = store.Queued() })
            : Unavailable);
    }

    /// <summary>An event waiting longer than this means the drainer is stuck or far behind.</summary>
    public static readonly TimeSpan InboxStalledAfter = TimeSpan.FromMinutes(2);

    private static IResult Unavailable => Results.Json(new { status = "unavailable" }, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static bool Readable(IServiceStore store, ILogger logger)
    {
        try
        {
            store.Probe();
            return true;
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or Npgsql.NpgsqlException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            Log.HealthFailed(logger, ex);
            return false;
        }
    }
}
