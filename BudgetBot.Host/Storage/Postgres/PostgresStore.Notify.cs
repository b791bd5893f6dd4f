using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// Wake-ups between hosts: a unit that stored events or queued messages sends a notification as it commits (PostgreSQL
/// delivers it only then), and every host listens on a connection of its own and wakes its drainer or senders at once.
/// A lost notification costs only latency: idle loops still look every <see cref="IdleLook"/>.
/// </summary>
internal sealed partial class PostgresStore
{
    private const string Channel = "budgetbot";

    private readonly CancellationTokenSource _stopListening = new();
    private Action<string>? _changed;
    private Task? _listener;

    public override event Action<string>? Changed
    {
        add
        {
            _changed += value;
            _listener ??= Task.Run(ListenAsync);
        }

        remove => _changed -= value;
    }

    /// <summary>Inside a unit: the notification goes out with its commit, once per kind per unit.</summary>
    private void Notify(string what)
    {
        if (_unit.Value is { } unit && unit.Notices.Add(what))
        {
            Execute("SELECT pg_notify($1, $2)", Channel, what);
        }
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
        while (!_stopListening.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _leaseSource.OpenConnectionAsync(_stopListening.Token);
                connection.Notification += (_, e) => Raise(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(_stopListening.Token);
                }

                // Whatever was committed while no one listened is found by the loops' next look.
                Raise(StoreChanges.Inbox);
                Raise(StoreChanges.Outbox);
                while (true)
                {
                    await connection.WaitAsync(_stopListening.Token);
                }
            }
            catch (OperationCanceledException) when (_stopListening.IsCancellationRequested)
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
