using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BudgetBot.Tests.Fakes;

/// <summary>
/// A throwaway PostgreSQL cluster for a test run: initdb in a temp dir, a free loopback port, started with pg_ctl as a
/// non-root user (the <c>postgres</c> account when running as root, since PostgreSQL refuses root), stopped and removed
/// when the run ends. Each caller gets a database of its own. Where the server programs are missing,
/// <see cref="Available"/> is false and <see cref="Why"/> says so; <c>.ci/run</c> installs them.
/// </summary>
internal sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster?> Shared = new(() => Start(fsync: false), LazyThreadSafetyMode.ExecutionAndPublication);
    private static string _why = "";
    private static int _databases;

    private readonly string _dir;
    private readonly string _bin;
    private readonly string? _runAs;

    private PostgresCluster(string dir, string bin, string? runAs, int port)
    {
        _dir = dir;
        _bin = bin;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>True when the run's cluster is up (started on first use).</summary>
    public static bool Available => Shared.Value is not null;

    public static string Why => Shared.Value is null ? "PostgreSQL cannot run a throwaway cluster here: " + _why : "";

    /// <summary>A new, empty database on the run's cluster; its connection string.</summary>
    public static string NewDatabase() => Shared.Value!.CreateDatabase("bb" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture));

    public string Admin => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public string CreateDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(Admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Maximum Pool Size=20";
    }

    /// <summary>Starts a cluster of its own (the benchmark's, with fsync on as in production); null when PostgreSQL is missing.</summary>
    public static PostgresCluster? Start(bool fsync)
    {
        var bin = FindBin();
        if (bin is null)
        {
            _why = "no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin";
            return null;
        }

        // Environment.UserName is the effective user's name on Unix.
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var dir = Path.Combine(Path.GetTempPath(), "budgetbot-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var data = Path.Combine(dir, "data");
        if (runAs is not null && Run("chown", null, runAs, dir).Code != 0)
        {
            _why = "running as root and there is no 'postgres' account to run the server as";
            return null;
        }

        var init = Run(Path.Combine(bin, "initdb"), runAs, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        if (init.Code != 0)
        {
            _why = "initdb failed: " + init.Output;
            return null;
        }

        var port = FreePort();
        File.AppendAllText(Path.Combine(data, "postgresql.conf"), string.Join('\n',
            "listen_addresses = '127.0.0.1'", $"port = {port}", "unix_socket_directories = ''", "max_connections = 300",
            $"fsync = {(fsync ? "on" : "off")}", $"synchronous_commit = {(fsync ? "on" : "off")}", "full_page_writes = on", "log_min_messages = warning", "") + "\n");
        var start = Run(Path.Combine(bin, "pg_ctl"), runAs, "-D", data, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start");
        if (start.Code != 0)
        {
            _why = "pg_ctl start failed: " + start.Output + ReadLog(dir);
            return null;
        }

        var cluster = new PostgresCluster(dir, bin, runAs, port);
        cluster.StopWhenThisProcessEnds();
        return cluster;
    }

    /// <summary>Stops the server as an outage would (immediate: connections cut, no checkpoint); its data stays.</summary>
    public void Halt() => Run(HaltCommand());

    /// <summary>Starts the halted server again on the same data and port (crash recovery replays its log).</summary>
    public void Resume()
    {
        var start = Run(Path.Combine(_bin, "pg_ctl"), _runAs, "-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "server.log"), "-w", "-t", "60", "start");
        if (start.Code != 0)
        {
            throw new InvalidOperationException("pg_ctl start failed: " + start.Output + ReadLog(_dir));
        }
    }

    public void Stop()
    {
        Halt();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// The test runner ends its test process soon after the last test, often before a ProcessExit handler has stopped
    /// the server (servers and their folders were left behind run after run). A watcher outside this process tree
    /// waits for this process to be gone, whatever ended it, then stops the server and removes its folder.
    /// </summary>
    private void StopWhenThisProcessEnds()
    {
        var halt = string.Join(' ', HaltCommand().Select(Quote));
        var watcher = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {halt}; rm -rf {Quote(_dir)}";
        // The outer shell returns at once; its background child is adopted by init, so a kill of this process tree misses it.
        Run(["sh", "-c", $"nohup sh -c {Quote(watcher)} >/dev/null 2>&1 </dev/null &"]);
    }

    /// <summary>The command <see cref="Halt"/> runs, which the watcher runs too.</summary>
    private string[] HaltCommand() => Command(Path.Combine(_bin, "pg_ctl"), _runAs, "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop");

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string ReadLog(string dir) => File.Exists(Path.Combine(dir, "server.log")) ? File.ReadAllText(Path.Combine(dir, "server.log")) : "";

    private static string? FindBin()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A program and its arguments, run as <paramref name="runAs"/> through runuser when given.</summary>
    private static string[] Command(string program, string? runAs, params string[] args) =>
        runAs is null ? [program, .. args] : ["runuser", "-u", runAs, "--", program, .. args];

    private static (int Code, string Output) Run(string program, string? runAs, params string[] args) => Run(Command(program, runAs, args));

    /// <summary>Runs a command (program first); its exit code and output.</summary>
    private static (int Code, string Output) Run(string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var a in command[1..])
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
