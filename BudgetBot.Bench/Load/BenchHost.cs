using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace BudgetBot.Bench.Load;

/// <summary>
/// The real BudgetBot.Host program as a child process on a loopback port. When strace is installed it runs under
/// strace with a seccomp filter, so only fsync and fdatasync calls are traced (each one a timestamped line) and the
/// host runs at full speed otherwise.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private const string Strace = "/usr/bin/strace";

    private readonly Process _process;
    private readonly string? _traceFile;

    private BenchHost(Process process, Uri url, string? traceFile)
    {
        _process = process;
        Url = url;
        _traceFile = traceFile;
    }

    public Uri Url { get; }

    /// <summary>From starting the process to its first 200 from <c>/readyz</c> (polled every 100 ms).</summary>
    public double StartupSeconds { get; private set; }

    public bool CountsFsyncs => _traceFile is not null;

    /// <summary>The host program the bench starts: the one built beside the bench unless <c>--host</c> names another.</summary>
    public static string Program { get; set; } = Path.Combine(AppContext.BaseDirectory, "BudgetBot.Host.dll");

    public static async Task<BenchHost> StartAsync(string dataDir, IDictionary<string, string> settings, bool countFsyncs = true)
    {
        var port = FreePort();
        // On PostgreSQL the durable flushes are the server's, not the host's: there is nothing of the host's to count.
        var traced = countFsyncs && File.Exists(Strace);
        var traceFile = traced ? Path.Combine(dataDir, "fsync.trace") : null;
        var start = new ProcessStartInfo(traced ? Strace : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (traced)
        {
            foreach (var arg in new[] { "-f", "--seccomp-bpf", "-ttt", "-e", "trace=fsync,fdatasync", "-o", traceFile!, "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        start.ArgumentList.Add(Program);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["BudgetBot__DataDir"] = dataDir;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var started = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var host = new BenchHost(process, new Uri($"http://127.0.0.1:{port}"), traceFile);
        using var http = new HttpClient { BaseAddress = host.Url };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                // Ready, not just up: the store open and every platform able to answer.
                if ((await http.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    host.StartupSeconds = started.Elapsed.TotalSeconds;
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("the host did not start");
    }

    public async Task<long> CommitsAsync(HttpClient http)
    {
        var health = await http.GetFromJsonAsync<JsonObject>(new Uri(Url, "/healthz"));
        return health!["commits"]!.GetValue<long>();
    }

    /// <summary>fsync and fdatasync calls between two moments (Unix seconds), from the trace; null without strace.</summary>
    public long? Fsyncs(double from, double to)
    {
        if (_traceFile is null)
        {
            return null;
        }

        using var stream = new FileStream(_traceFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        long count = 0;
        while (reader.ReadLine() is { } line)
        {
            // "<pid> <seconds.micros> fsync(…" : the time is the second field.
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[2].StartsWith("fsync", StringComparison.Ordinal) || parts.Length == 3 && parts[2].StartsWith("fdatasync", StringComparison.Ordinal))
            {
                if (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var at) && at >= from && at <= to)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>CPU time the host has used so far (user and system, every thread), in milliseconds.</summary>
    public double CpuMs()
    {
        // /proc/<pid>/stat: after the command's closing parenthesis, utime and stime are the 12th and 13th fields.
        var stat = File.ReadAllText($"/proc/{HostPid()}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / ClockTicks.PerSecond;
    }

    /// <summary>The host's peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakRssMb()
    {
        var pid = HostPid();
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops in order and strace writes its last lines.
            using var kill = Process.Start("kill", ["-TERM", HostPid().ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    /// <summary>Under strace the host is strace's child.</summary>
    private int HostPid()
    {
        if (_traceFile is null)
        {
            return _process.Id;
        }

        var children = File.ReadAllText($"/proc/{_process.Id}/task/{_process.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return children.Length > 0 ? int.Parse(children[0], CultureInfo.InvariantCulture) : _process.Id;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
