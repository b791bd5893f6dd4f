using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BudgetBot.Tests;

/// <summary>Every log line a host writes, with its exception, for tests that read the logs.</summary>
internal sealed class Logs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Sink(Logs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
