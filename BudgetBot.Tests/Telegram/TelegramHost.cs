using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using BudgetBot.Tests.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace BudgetBot.Tests.Telegram;

/// <summary>The real host with the Telegram adapter pointed at the loopback fake; telegram:1001–1030 are admins of the demo office.</summary>
internal static class TelegramHost
{
    public static WebApplicationFactory<Program> Start(FakeTelegramApi fake, string dataDir, params (string Key, string Value)[] extra) =>
        Start(fake, dataDir, null, extra);

    /// <summary>The same, with every log line (at every level) also written to <paramref name="logs"/>.</summary>
    public static WebApplicationFactory<Program> Start(FakeTelegramApi fake, string dataDir, Logs? logs, params (string Key, string Value)[] extra)
    {
        var settings = new List<KeyValuePair<string, string?>>
        {
            new("BudgetBot:DataDir", Seed.WithOffice(dataDir)),
            new("BudgetBot:Telegram:Token", FakeTelegramApi.Token),
            new("BudgetBot:Telegram:ApiBaseUrl", fake.Url.ToString().TrimEnd('/')),
            new("BudgetBot:Telegram:PollTimeoutSeconds", "1"),
            new("BudgetBot:Telegram:PerChatIntervalMs", "100"),
            new("BudgetBot:Telegram:GlobalPerSecond", "60"),
        };
        settings.AddRange(Enumerable.Range(0, 30).Select(i => new KeyValuePair<string, string?>($"BudgetBot:Admins:{i}", $"telegram:{1001 + i}")));
        var merged = settings.Where(s => !extra.Any(e => e.Key == s.Key)).Concat(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))).ToList();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(merged));
            if (logs is not null)
            {
                b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddFilter(_ => true).AddProvider(logs));
            }
        });
        factory.CreateClient().Dispose(); // starts the host and its background services
        return factory;
    }
}
