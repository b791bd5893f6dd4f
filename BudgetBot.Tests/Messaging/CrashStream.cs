using System.Collections.Concurrent;
using System.Globalization;
using BudgetBot.Tests.Fakes;
using BudgetBot.Tests.Host;

namespace BudgetBot.Tests.Messaging;

/// <summary>
/// A stream of spends over Telegram's webhook and signed LINE webhooks into a host that is killed at random moments and
/// restarted on the same data dir. Like the platforms, a sender repeats a request (the same update, the same event)
/// until the host answers 200.
/// </summary>
internal sealed class CrashStream(FakeLineApi line, string dataDir, Dictionary<string, string> settings)
{
    public const string Secret = "crash-secret";

    /// <summary>How long the stream may go without an acknowledgement or a new host before the test gives up.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly Lock _gate = new();
    private readonly Changes _changes = new();
    private HostProcess? _host;

    public ConcurrentQueue<(string Chat, string Key, int Project, decimal Amount)> Acknowledged { get; } = new();

    public int Kills { get; private set; }

    public static long TelegramUser(int sender) => 9001 + sender;

    public static string LineUser(int sender) => "U" + (0xc0de00 + sender).ToString("x", CultureInfo.InvariantCulture).PadLeft(32, '0');

    public async Task StartAsync() => _host = await HostProcess.StartAsync(dataDir, settings);

    /// <summary>
    /// Sends every planned spend until acknowledged while another task kills the host <paramref name="kills"/> times,
    /// each after a random number of acknowledgements, and restarts it: the kills fall at random points of the stream,
    /// whatever its speed, and all of them before its end.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<(int Sender, int Project, decimal Amount)> plan, int senders, int kills, Random random)
    {
        var done = false;
        var targets = Enumerable.Range(0, kills).Select(_ => random.Next(plan.Count / 20, plan.Count * 9 / 10)).Order().ToList();
        var killer = Task.Run(async () =>
        {
            foreach (var target in targets)
            {
                await _changes.WaitFor(() => Volatile.Read(ref done) || Acknowledged.Count >= target ? this : null, Patience, () => "the stream stalled");
                if (Volatile.Read(ref done))
                {
                    break;
                }

                HostProcess old;
                lock (_gate)
                {
                    old = _host!;
                    _host = null;
                }

                await old.KillAsync();
                await old.DisposeAsync();
                Kills++;
                var fresh = await HostProcess.StartAsync(dataDir, settings);
                lock (_gate)
                {
                    _host = fresh;
                }

                _changes.Notify();
            }
        });
        await Task.WhenAll(Enumerable.Range(0, senders).Select(s => Task.Run(async () =>
        {
            var k = 0;
            foreach (var (sender, project, amount) in plan.Where(p => p.Sender == s))
            {
                await SendUntilAcknowledgedAsync(sender, project, amount, viaLine: k++ % 2 == 1);
            }
        })));
        Volatile.Write(ref done, true);
        _changes.Notify();
        await killer;
    }

    public async Task StopAsync()
    {
        if (_host is { } host)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }

    private HostProcess? Current()
    {
        lock (_gate)
        {
            return _host;
        }
    }

    private int _sent;

    /// <summary>The last spend each sender typed on each platform, to type again.</summary>
    private readonly ConcurrentDictionary<(int Sender, bool ViaLine), string> _typed = new();

    /// <summary>
    /// The sender types their last spend on that platform again, as a new message (what people do when no answer
    /// came): the key it is stored under, were it recorded, and the chat the question goes to.
    /// </summary>
    public async Task<(string Chat, string Key)> TypeAgainAsync(int sender, bool viaLine)
    {
        var text = _typed[(sender, viaLine)];
        var (chat, key, request) = viaLine ? FakeWebhooks.LineRequest(line, LineUser(sender), text) : FakeWebhooks.TelegramRequest(TelegramUser(sender), text, Secret);
        using var http = new HttpClient { BaseAddress = Current()!.Url, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await request(http);
        response.EnsureSuccessStatusCode();
        return (chat, key);
    }

    private async Task SendUntilAcknowledgedAsync(int sender, int project, decimal amount, bool viaLine)
    {
        // A note of its own: the same spend sent again within half an hour is asked about rather than recorded.
        var text = $"/spend {project} {amount.ToString(CultureInfo.InvariantCulture)} 15/2/2566 n{Interlocked.Increment(ref _sent)}";
        _typed[(sender, viaLine)] = text;
        var (chat, key, request) = viaLine ? FakeWebhooks.LineRequest(line, LineUser(sender), text) : FakeWebhooks.TelegramRequest(TelegramUser(sender), text, Secret);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            // While a host is being replaced there is none: wait for the new one (the killer clears it before the kill).
            var host = await _changes.WaitFor(Current, Patience, () => "the host never came back");
            try
            {
                using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(10) };
                using var response = await request(http);
                if (response.IsSuccessStatusCode)
                {
                    Acknowledged.Enqueue((chat, key, project, amount));
                    _changes.Notify();
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // The host died under us: the platform would deliver again, and so do we.
            }
        }

        throw new InvalidOperationException($"{key} was refused 1,000 times by a running host");
    }
}
