using BudgetBot.Host.Options;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Jobs;

/// <summary>Hangfire decides when: its storage is a SQLite file under the data dir, so schedules and retries survive restarts.</summary>
internal static class JobsSetup
{
    public const string ReminderJobId = "reminders";

    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.TryAddSingleton<CalendarData>();
        services.AddSingleton<ReminderRun>();
        services.AddSingleton<OutboxArchive>();
        services.AddSingleton<RetentionRun>();
        return services;
    }

    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddReminders();
        // The host's own storage and activator, registered before Hangfire's defaults (which read its process-wide
        // statics): tests run many hosts in one process, and a static set by one host must not serve another.
        services.AddSingleton(sp => JobStorageFor(sp.GetRequiredService<IOptions<BudgetBotOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            HangfireLogs.Attach(config, sp);
            DashboardFigures.Add(config, sp.GetServices<Messaging.IReadinessFigures>());
        });
        services.AddHangfireServer(o => o.WorkerCount = 2);
        // Hangfire checks antiforgery tokens on the dashboard's POST actions only when the service is registered. Their
        // keys are kept in the data dir, which a new container or another home folder keeps (the default is ~/.aspnet).
        services.AddAntiforgery();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IOptions<BudgetBotOptions>, ILoggerFactory>((keys, options, logs) => keys.XmlRepository =
                new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(new DirectoryInfo(Path.Combine(options.Value.DataDir, "keys")), logs));
        services.AddHostedService<ScheduleOnStart>();
        return services;
    }

    /// <summary>
    /// The dashboard can delete and re-run jobs. Where others may reach the host (a public base URL, or listening beyond
    /// loopback) it needs the configured user and password and is left out without them; otherwise it answers this
    /// machine only, as the playground does.
    /// </summary>
    public static void MapJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BudgetBotOptions>>().Value;
        if (DashboardAccess.MustStayOff(options, app.Configuration))
        {
            Log.DashboardOff(app.Logger);
            return;
        }

        app.UseHangfireDashboard("/hangfire", new Hangfire.DashboardOptions { Authorization = [new DashboardAccess(options.Dashboard)], IgnoreAntiforgeryToken = false });
    }

    /// <summary>
    /// Jobs in PostgreSQL when the data is, in Hangfire's own schema (every host's server shares one schedule, and a
    /// recurring job is started once, by whichever host takes its lock first); otherwise a SQLite file in the data dir.
    /// </summary>
    private static JobStorage JobStorageFor(BudgetBotOptions options)
    {
        if (options.Storage.IsPostgres)
        {
            var postgres = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) };
            return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(options.Storage.ConnectionString!, postgres), postgres);
        }

        Storage.PrivateFiles.Folder(options.DataDir);
        var jobsFile = Path.GetFullPath(Path.Combine(options.DataDir, "hangfire.db"));
        // An empty file is an empty SQLite database; made here, it is 0600 like the rest (SQLite's journals follow it).
        Storage.PrivateFiles.Open(jobsFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose();
        return new SQLiteStorage(jobsFile);
    }

    /// <summary>Registers the recurring job in the office's time zone and runs it once now, to catch up after downtime.</summary>
    private sealed class ScheduleOnStart(IRecurringJobManager recurring, IBackgroundJobClient jobs, IOptions<BudgetBotOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            TimeZones.TryFind(options.Value.TimeZone, out var zone);
            recurring.AddOrUpdate<ReminderRun>(ReminderJobId, run => run.Run(), options.Value.Reminders.Cron, new RecurringJobOptions { TimeZone = zone });
            jobs.Enqueue<ReminderRun>(run => run.Run());
            recurring.AddOrUpdate<OutboxArchive>(OutboxArchive.JobId, archive => archive.Run(), "30 3 * * *", new RecurringJobOptions { TimeZone = zone });
            recurring.AddOrUpdate<RetentionRun>(RetentionRun.JobId, retention => retention.Run(), "45 3 * * *", new RecurringJobOptions { TimeZone = zone });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
