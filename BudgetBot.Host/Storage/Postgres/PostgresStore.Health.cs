using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>Health and leases.</summary>
internal sealed partial class PostgresStore
{
    public void Probe() => _ = Scalar("SELECT count(*) FROM offices");

    /// <remarks>
    /// The lease is a session advisory lock on a connection of its own (never pooled), checked every two seconds: when
    /// that connection dies the lock is gone, the work is cancelled here, and another host may already hold it.
    /// </remarks>
    public override async Task<bool> WhileLeaderAsync(string lease, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var connection = await _leaseSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresLocks.Lease}, hashtext($1))", connection) { Parameters = { new() { Value = lease } } })
        {
            if (!(bool)(await take.ExecuteScalarAsync(ct))!)
            {
                return false;
            }
        }

        using var held = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = WatchAsync(connection, held);
        try
        {
            await work(held.Token);
        }
        finally
        {
            await held.CancelAsync();
            await watch;
        }

        // Closing the connection (not pooled) ends the lock.
        return true;
    }

    private static async Task WatchAsync(NpgsqlConnection connection, CancellationTokenSource held)
    {
        try
        {
            while (!held.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), held.Token);
                await using var check = new NpgsqlCommand("SELECT 1", connection);
                await check.ExecuteScalarAsync(held.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException)
        {
            await held.CancelAsync();
        }
    }
}
