using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BudgetBot.Tests.Host;

/// <summary>The real BudgetBot.Host program started as a child process on a free loopback port, with its own data dir.</summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri url, string dataDir)
    {
        _process = process;
        Url = url;
        DataDir = dataDir;
    }

    public Uri Url { get; }

    public string DataDir { get; }

    /// <summary>What the host wrote to standard output until it was listening.</summary>
    public string StartupLog { get; private init; } = "";

    public static Task<HostProcess> StartAsync(IDictionary<string, string>? settings = null) => StartAsync(Seed.TempDir(), settings);

    /// <summary>
    /// Starts the host the way the README does: no data dir setting, so <c>./data</c> under <paramref name="workingDirectory"/>.
    /// </summary>
    public static Task<HostProcess> StartLikeTheReadmeAsync(string workingDirectory) =>
        StartAsync(Path.Combine(workingDirectory, "data"), null, workingDirectory);

    /// <summary>Starts the host on an existing data dir (a restart after a kill).</summary>
    public static Task<HostProcess> StartAsync(string dataDir, IDictionary<string, string>? settings, string? workingDirectory = null) =>
        StartAsync(dataDir, settings, workingDirectory, []);

    /// <summary>
    /// Starts <paramref name="program"/> (this build's host unless given: a published one, say) with <paramref name="args"/>
    /// after <c>--urls</c>; with a working directory and no data dir setting, as an operator starts it by hand.
    /// </summary>
    public static async Task<HostProcess> StartAsync(string dataDir, IDictionary<string, string>? settings, string? workingDirectory, IReadOnlyList<string> args, string? program = null)
    {
        if (settings?.Keys.Any(k => k is "BudgetBot__Telegram__Token" or "BudgetBot__Line__ChannelSecret") == true
            && !settings.ContainsKey("BudgetBot__Playground__Enabled"))
        {
            // Outside demo mode the host loads no demo office: import it as an office would.
            Seed.WithOffice(dataDir);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(program ?? Path.Combine(AppContext.BaseDirectory, "BudgetBot.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (workingDirectory is null)
        {
            start.Environment["BudgetBot__DataDir"] = dataDir;
        }
        else
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return await StartAsync(start, dataDir);
    }

    /// <summary>Starts whatever <paramref name="start"/> runs (the host inside a container's root, say) and waits until the host says where it listens.</summary>
    public static async Task<HostProcess> StartAsync(ProcessStartInfo start, string dataDir)
    {
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (Listening().Match(line) is { Success: true } m)
            {
                var host = new HostProcess(process, new Uri(m.Groups["url"].Value), dataDir) { StartupLog = seen.ToString() };
                // Keep draining both pipes so the child never blocks on a full one; what it writes is kept for the test.
                host._drained = Task.WhenAll(host.Drain(process.StandardOutput), host.Drain(process.StandardError));
                return host;
            }
        }

        throw new InvalidOperationException("The host did not start: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
    }

    /// <summary>SIGKILL: no shutdown, no flush, the way a crash or a power cut would stop it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    private readonly System.Text.StringBuilder _output = new();
    private Task _drained = Task.CompletedTask;

    /// <summary>What the host wrote to standard output and error after it started listening.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private async Task Drain(StreamReader pipe)
    {
        while (await pipe.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>The exit code once the process has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>SIGTERM: the host stops in order.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
            // The last lines it wrote, to its end.
            await _drained.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Runs the program with <paramref name="args"/> until it exits (a verb, or a start that fails), within a minute.</summary>
    public static Task<(int Code, string Output, string Error)> RunToExitAsync(IDictionary<string, string> settings, params string[] args) =>
        RunToExitAsync(Path.Combine(AppContext.BaseDirectory, "BudgetBot.Host.dll"), settings, args);

    /// <summary>Runs <paramref name="program"/> (a published build, say) with <paramref name="args"/> until it exits, within a minute.</summary>
    public static async Task<(int Code, string Output, string Error)> RunToExitAsync(string program, IDictionary<string, string> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs any program (dotnet publish, a shell) to its end within <paramref name="timeout"/>; its output and errors together.</summary>
    public static async Task<(int Code, string Output)> RunCommandAsync(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + "\n" + await stderr);
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex Listening();
}
