using Hangfire;
using Hangfire.Logging;

namespace BudgetBot.Host.Jobs;

/// <summary>
/// Hangfire's log provider is one static for the whole process, and its ASP.NET Core provider asks the host's logger
/// factory for a logger the moment a Hangfire object is made. Where several hosts share a process (the tests), a
/// dashboard request of one host then made its loggers in another host's factory, which may be stopping: "Collection
/// was modified" in that factory, and a 500. Here a Hangfire logger asks for a factory only when it writes, and gets
/// that of the newest host still running (the only one, in the service), or writes nothing when none is.
/// </summary>
internal static class HangfireLogs
{
    private static readonly Lock Gate = new();
    private static readonly List<Hangfire.AspNetCore.AspNetCoreLogProvider> Running = [];
    private static readonly Provider Instance = new();

    /// <summary>Called as the host's Hangfire configuration is made; the host's factory serves until it has stopped.</summary>
    public static void Attach(IGlobalConfiguration config, IServiceProvider services)
    {
        var provider = new Hangfire.AspNetCore.AspNetCoreLogProvider(services.GetRequiredService<ILoggerFactory>());
        lock (Gate)
        {
            Running.Add(provider);
        }

        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() =>
        {
            lock (Gate)
            {
                Running.Remove(provider);
            }
        });
        config.UseLogProvider(Instance);
    }

    private static Hangfire.AspNetCore.AspNetCoreLogProvider? Newest()
    {
        lock (Gate)
        {
            return Running.Count == 0 ? null : Running[^1];
        }
    }

    private sealed class Provider : ILogProvider
    {
        public ILog GetLogger(string name) => new Deferred(name);
    }

    /// <summary>Keeps the logger of the factory it last wrote to, and makes a new one only when the newest host changed.</summary>
    private sealed class Deferred(string name) : ILog
    {
        private Bound? _last;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (Newest() is not { } provider)
            {
                return false;
            }

            // One reference, read and replaced whole: Hangfire's threads share a logger.
            var last = _last;
            if (last is null || last.Provider != provider)
            {
                _last = last = new Bound(provider, provider.GetLogger(name));
            }

            try
            {
                return last.Log.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                // A host that stopped without its stop being signalled (its start failed): a line lost, never Hangfire's loop.
                return false;
            }
        }
    }

    private sealed record Bound(Hangfire.AspNetCore.AspNetCoreLogProvider Provider, ILog Log);
}
