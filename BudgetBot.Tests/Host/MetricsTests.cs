using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using BudgetBot.Host.Messaging;
using BudgetBot.Host.Metrics;

namespace BudgetBot.Tests.Host;

/// <summary><c>/metrics</c> in Prometheus text after a short session, and only for whom the jobs dashboard is.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task AfterAShortSession_MetricsAnswerInPrometheusText_WithTheServicesInstruments()
    {
        await using var host = await HostProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = host.Url };
        foreach (var text in new[] { "ยอด 7", "จ่าย 7 1,000 15 ก.พ. 66 ค่าวัสดุ" })
        {
            using var sent = await client.PostAsync(new Uri("/playground/messages", UriKind.Relative),
                new StringContent($$"""{"identity":"local:owner","chat":"private","text":"{{text}}"}""", System.Text.Encoding.UTF8, "application/json"));
            sent.EnsureSuccessStatusCode();
        }

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Matches("""(?m)^budgetbot_messages_received_total\{[^}]*platform="local"[^}]*\} 2(\.0)?( |$)""", body);
        // Buckets in seconds, from half a millisecond up: not the default ones, made for milliseconds.
        Assert.Matches("""(?m)^budgetbot_store_commit_duration_seconds_bucket\{[^}]*le="0.0005"\} [0-9]""", body);
        Assert.DoesNotMatch("""(?m)^budgetbot_store_commit_duration_seconds_bucket\{[^}]*le="7500"\}""", body);
        Assert.Matches("""(?m)^budgetbot_messages_sent_total\{[^}]*platform="local"[^}]*\} [1-9]""", body);
        foreach (var name in new[]
        {
            "budgetbot_inbox_depth", "budgetbot_inbox_oldest_age_seconds", "budgetbot_outbox_depth", "budgetbot_outbox_oldest_age_seconds",
            "budgetbot_dead_letters", "budgetbot_store_commit_duration_seconds_bucket", "budgetbot_reminders_queued_total",
            "http_server_request_duration_seconds_bucket", "dotnet_gc_collections_total",
        })
        {
            Assert.Matches($"(?m)^{name}[{{ ]", body);
        }
    }

    [Fact]
    public async Task ReachableFromElsewhere_MetricsNeedTheDashboardsCredentials_AndAreOffWithoutThem()
    {
        var exposed = new Dictionary<string, string> { ["BudgetBot__PublicBaseUrl"] = "https://bot.example.org" };
        await using (var off = await HostProcess.StartAsync(exposed))
        {
            using var client = new HttpClient { BaseAddress = off.Url };
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        }

        var guarded = new Dictionary<string, string>(exposed) { ["BudgetBot__Dashboard__User"] = "ops", ["BudgetBot__Dashboard__Password"] = "a-long-password" };
        await using var on = await HostProcess.StartAsync(guarded);
        using var anonymous = new HttpClient { BaseAddress = on.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        using var admin = new HttpClient { BaseAddress = on.Url };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("ops:a-long-password"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void SendOutcomes_AreCountedAsSent_Throttled_OrFailedByOutcome()
    {
        var seen = new List<(string Name, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ServiceMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var all = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            if (all.Contains("platform=metrics-test", StringComparison.Ordinal))
            {
                lock (seen)
                {
                    seen.Add((instrument.Name, value, all));
                }
            }
        });
        listener.Start();

        foreach (var result in new[] { SendResult.Sent, SendResult.RetryAfter, SendResult.Retry, SendResult.Permanent, SendResult.Gone })
        {
            ServiceMetrics.Sent("metrics-test", result);
        }

        Assert.Equal(
            [
                ("budgetbot.messages.sent", 1L, "platform=metrics-test"),
                ("budgetbot.send.throttled", 1L, "platform=metrics-test"),
                ("budgetbot.send.failures", 1L, "platform=metrics-test,outcome=retry"),
                ("budgetbot.send.failures", 1L, "platform=metrics-test,outcome=permanent"),
                ("budgetbot.send.failures", 1L, "platform=metrics-test,outcome=gone"),
            ],
            seen);
    }
}
