using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// Wake-ups between hosts: a unit that stored events or queued messages sends a notification as it commits (PostgreSQL
/// delivers it only then), and every host listens on a connection of its own and wakes its drainer or senders at once.
/// A lost notification costs only latency: idle loops still look every <see cref="PostgresStore.IdleLook"/>.
/// </summary>
internal sealed class PostgresListener(NpgsqlDataSource source) : IDisposable
{
    public const string Channel = "budgetbot";

    private readonly CancellationTokenSource _stop = new();
    private Action<string>? _changed;
    private Task? _listening;

    /// <summary>Listening starts with the first subscriber: a verb that opens the store for a moment never listens.</summary>
    public event Action<string>? Changed
    {
        add
        {
            _changed += value;
            _listening ??= Task.Run(ListenAsync);
        }

        remove => _changed -= value;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _listening?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>A wake-up that arrives while the host is stopping finds its loops gone: nothing to do then.</summary>
    private void Raise(string what)
    {
        try
        {
            _changed?.Invoke(what);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ListenAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(_stop.Token);
                connection.Notification += (_, e) => Raise(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(_stop.Token);
                }

                // Whatever was committed while no one listened is found by the loops' next look.
                Raise(StoreChanges.Inbox);
                Raise(StoreChanges.Outbox);
                while (true)
                {
                    await connection.WaitAsync(_stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                // The database went away: listen again once it is back; until then the loops look on their own.
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }
}
