using System.Net;
using System.Net.Http.Headers;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Host;

public sealed class JobsHostTests
{
    private static WebApplicationFactory<Program> Start(string dir, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection([new("BudgetBot:DataDir", dir), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))])));

    [Fact]
    public async Task Host_RegistersTheReminderJobInBangkokTime_InPersistentStorage()
    {
        var dir = Seed.TempDir();
        await using var factory = Start(dir);
        using var client = factory.CreateClient();
        await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "reminders");
        Assert.Equal("*/15 * * * *", job.Cron);
        Assert.Equal("Asia/Bangkok", job.TimeZoneId);
        Assert.True(File.Exists(Path.Combine(dir, "hangfire.db")));
    }

    /// <summary>
    /// Hangfire keeps its log provider and its storage in process-wide statics, and the tests run many hosts in one
    /// process: each host keeps the job storage of its own data dir, and a Hangfire logger never writes to the logger
    /// factory of a host that has stopped (before, a page of one host could fail in another host's stopping factory).
    /// </summary>
    [Fact]
    public async Task TwoHostsInOneProcess_EachKeepsItsJobStorage_AndHangfireNeverLogsToAStoppedHost()
    {
        var (dirA, dirB) = (Seed.TempDir(), Seed.TempDir());
        await using var a = Start(dirA);
        var storageA = a.Services.GetRequiredService<JobStorage>();
        var b = Start(dirB);
        var storageB = b.Services.GetRequiredService<JobStorage>();
        Assert.Contains(dirA, storageA.ToString(), StringComparison.Ordinal);
        Assert.Contains(dirB, storageB.ToString(), StringComparison.Ordinal);

        // B was configured last, so before the fix Hangfire's loggers were made in B's factory, now disposed.
        await b.DisposeAsync();
        var log = Hangfire.Logging.LogProvider.GetLogger(typeof(JobsHostTests));
        log.Log(Hangfire.Logging.LogLevel.Warn, () => "written after another host stopped");
        using var connection = storageA.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == "reminders");
    }

    [Fact]
    public async Task Dashboard_WithUserAndPassword_RefusesOthers()
    {
        await using var factory = Start(Seed.TempDir(), ("BudgetBot:Dashboard:User", "plan"), ("BudgetBot:Dashboard:Password", "s3cret"));
        using var client = factory.CreateClient();

        var anonymous = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("plan:s3cret"u8.ToArray()));
        var allowed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}
