using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Storage;
using BudgetBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetBot.Tests.Line;

/// <summary>
/// LINE's monthly quota counts pushes, not replies: it is read from LINE, shown in <c>/readyz</c>, warned about at 80%
/// once a month, and <c>Line:MaxPushesPerMonth</c> holds pushes past a cap of the office's own.
/// </summary>
public sealed class LineQuotaTests
{
    [Fact]
    public async Task QuotaPast80Percent_AdminsAreWarnedOnce_AndReadyzShowsTheFigures()
    {
        await using var fake = await FakeLineApi.StartAsync();
        fake.QuotaLimit = 100;
        fake.QuotaUsed = 85;
        await using var host = LineHost.Start(fake);
        using var client = host.CreateClient();

        await fake.WaitFor(d => d.To == LineHost.Admin && Texts(d).Contains("ใช้โควตาข้อความ LINE เดือนนี้แล้ว", StringComparison.Ordinal));
        var ready = await client.GetFromJsonAsync<JsonElement>(new Uri("/readyz", UriKind.Relative));
        // Another push past the line does not warn again this month.
        await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "ยอด 7"));
        await PipelineIdle.WaitAsync(host.Services);

        var quota = ready.GetProperty("details").GetProperty("lineQuota");
        Assert.Equal(100, quota.GetProperty("limit").GetInt64());
        Assert.True(quota.GetProperty("used").GetInt64() >= 85);
        Assert.Single(fake.TextsTo(LineHost.Admin), t => t.Contains("ใช้โควตาข้อความ LINE เดือนนี้แล้ว 8", StringComparison.Ordinal));
        Assert.Single(fake.TextsTo(LineHost.Admin2), t => t.Contains("ใช้โควตาข้อความ LINE เดือนนี้แล้ว 8", StringComparison.Ordinal));

        // The dashboard's home page shows the same figures.
        var dashboard = await (await Security.PlaygroundAccessTests.Send(host, "GET", "/hangfire", null, "127.0.0.1", "127.0.0.1")).Content.ReadAsStringAsync();
        Assert.Contains("lineQuota", dashboard, StringComparison.Ordinal);
        Assert.Matches("8[0-9] / 100", dashboard);
    }

    /// <summary>
    /// Hangfire keeps the dashboard's metrics in one list for the process; before they were read from the host serving
    /// the page, a second host's page showed the first host's quota too, and a host added while another rendered its
    /// page broke that page (a 500).
    /// </summary>
    [Fact]
    public async Task TwoHostsInOneProcess_EachDashboardShowsItsOwnQuota_Once()
    {
        await using var fakeA = await FakeLineApi.StartAsync();
        fakeA.QuotaLimit = 100;
        fakeA.QuotaUsed = 85;
        await using var fakeB = await FakeLineApi.StartAsync();
        fakeB.QuotaLimit = 5000;
        fakeB.QuotaUsed = 12;
        await using var hostA = LineHost.Start(fakeA);
        await using var hostB = LineHost.Start(fakeB);

        foreach (var (host, shown) in new[] { (hostA, @">\s*8[0-9] / 100\s*<"), (hostB, @">\s*1[0-9] / 5,000\s*<") })
        {
            await host.Services.GetRequiredService<BudgetBot.Host.Line.LineQuota>().FirstReading.WaitAsync(TimeSpan.FromSeconds(20));
            var dashboard = await (await Security.PlaygroundAccessTests.Send(host, "GET", "/hangfire", null, "127.0.0.1", "127.0.0.1")).Content.ReadAsStringAsync();
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(dashboard, "data-metric=\"budgetbot:lineQuota\""));
            Assert.Matches(shown, dashboard);
        }
    }

    [Fact]
    public async Task PushesPastTheMonthsCap_Wait_WhileRepliesStillGo()
    {
        await using var fake = await FakeLineApi.StartAsync();
        fake.QuotaUsed = 5;
        await using (var replies = LineHost.Start(fake, ("BudgetBot:Line:MaxPushesPerMonth", "5")))
        {
            using var client = replies.CreateClient();
            // The month is at its cap from the start: the admins' notice over LINE is a push, set aside, and it does
            // not hold their chat's replies back.
            var store = replies.Services.GetRequiredService<IServiceStore>();
            await WaitFor(store, () => store.Failed(10).Any(i => i.Key.StartsWith("line-quota-", StringComparison.Ordinal) && i.ChatId == LineHost.Admin));
            await FakeLineApi.PostAsync(client, events: fake.Text(LineHost.Admin, "ยอด 7"));

            var answer = await fake.WaitFor(d => d.To == LineHost.Admin && Texts(d).Contains("โครงการ 7", StringComparison.Ordinal));
            Assert.Equal("reply", answer.Kind);
        }

        // Every answer pushed (no reply token is used): past the cap it waits, and says why.
        await using var pushes = LineHost.Start(fake, ("BudgetBot:Line:MaxPushesPerMonth", "5"), ("BudgetBot:Line:ReplyTokenSeconds", "0"));
        using var http = pushes.CreateClient();
        var before = fake.Deliveries.Count;
        await FakeLineApi.PostAsync(http, events: fake.Text(LineHost.Admin2, "ยอด 8"));
        var queue = pushes.Services.GetRequiredService<IServiceStore>();
        // Set aside as a dead letter an admin may send again next month, not held at the head of the chat's queue.
        await WaitFor(queue, () => queue.Failed(10).Any(i => i.Error == "monthly push cap reached" && i.ChatId == LineHost.Admin2));

        Assert.Equal(before, fake.Deliveries.Count);
        var ready = await http.GetFromJsonAsync<JsonElement>(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(5, ready.GetProperty("details").GetProperty("lineQuota").GetProperty("cap").GetInt32());
    }

    private static string Texts(FakeLineApi.Delivery d) => string.Join('\n', d.Messages.Select(FakeLineApi.TextOf));

    /// <summary>Looks again after each of the store's commits, within 20 seconds.</summary>
    private static async Task WaitFor(IServiceStore store, Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var next = store.NextCommit;
            if (done())
            {
                return;
            }

            await next.WaitAsync(timeout.Token);
        }
    }
}
