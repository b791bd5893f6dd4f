using BudgetBot.Host.Options;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Jobs;

/// <summary>Hangfire decides when: its storage is a SQLite file under the data dir, so schedules and retries survive restarts.</summary>
internal static class JobsSetup
{
    public const string ReminderJobId = "reminders";

    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<CalendarData>();
        services.AddSingleton<ReminderRun>();
        services.AddSingleton<OutboxArchive>();
        return services;
    }

    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddReminders();
        services.AddHangfire((sp, config) =>
        {
            var dataDir = sp.GetRequiredService<IOptions<BudgetBotOptions>>().Value.DataDir;
            Directory.CreateDirectory(dataDir);
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseSQLiteStorage(Path.GetFullPath(Path.Combine(dataDir, "hangfire.db")));
        });
        services.AddHangfireServer(o => o.WorkerCount = 2);
        services.AddHostedService<ScheduleOnStart>();
        return services;
    }

    public static void MapJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BudgetBotOptions>>().Value.Dashboard;
        app.UseHangfireDashboard("/hangfire", new Hangfire.DashboardOptions { Authorization = [new DashboardAccess(options)], IgnoreAntiforgeryToken = false });
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
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
