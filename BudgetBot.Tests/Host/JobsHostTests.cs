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
