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
        services.AddHangfire((sp, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            // What the platforms add to /readyz (LINE's quota) shows on the dashboard's home page too.
            foreach (var figures in sp.GetServices<Messaging.IReadinessFigures>())
            {
                config.UseDashboardMetric(new Hangfire.Dashboard.DashboardMetric("budgetbot:" + figures.Name, figures.Name, _ => new Hangfire.Dashboard.Metric(figures.Summary() ?? "—")));
            }

            var options = sp.GetRequiredService<IOptions<BudgetBotOptions>>().Value;
            if (options.Storage.IsPostgres)
            {
                // Jobs in the same database, in Hangfire's own schema: every host's server shares one schedule, and a
                // recurring job is started once, by whichever host takes its lock first.
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(options.Storage.ConnectionString!),
                    new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) });
                return;
            }

            var dataDir = options.DataDir;
            Storage.PrivateFiles.Folder(dataDir);
            var jobsFile = Path.GetFullPath(Path.Combine(dataDir, "hangfire.db"));
            // An empty file is an empty SQLite database; made here, it is 0600 like the rest (SQLite's journals follow it).
            Storage.PrivateFiles.Open(jobsFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose();
            config.UseSQLiteStorage(jobsFile);
        });
        services.AddHangfireServer(o => o.WorkerCount = 2);
        // Hangfire checks antiforgery tokens on the dashboard's POST actions only when the service is registered.
        services.AddAntiforgery();
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

        // The SQLite storage makes its tables on first use; doing that here, before requests are served, keeps the
        // first dashboard request from racing the job server's start (a "database is locked" 500).
        app.Services.GetRequiredService<JobStorage>().GetConnection().Dispose();

        app.UseHangfireDashboard("/hangfire", new Hangfire.DashboardOptions { Authorization = [new DashboardAccess(options.Dashboard)], IgnoreAntiforgeryToken = false });
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
