using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// Chats and leases divided among the hosts on one database, each by a session advisory lock on a connection of its
/// own (never pooled, never a unit of work's), so a lock ends when its host dies.
/// <para>
/// A sender holds a chat (one connection per platform) from before it claims the chat's items until their results are
/// written. When a host dies its connections close and its chats are free; the next holder finds the claimed items and
/// treats them as possibly sent, as after a crash on one host.
/// </para>
/// </summary>
internal sealed class PostgresHostLocks(NpgsqlDataSource source) : Messaging.IHostLocks, IDisposable
{
    private readonly Dictionary<string, ChatHolder> _holders = [];

    public IReadOnlyList<string> HoldChats(string platform, IReadOnlyList<string> chats)
    {
        var holder = Holder(platform);
        lock (holder)
        {
            try
            {
                holder.Open();
                var wanted = chats.Where(c => !holder.Held.Contains(c)).Distinct().ToArray();
                if (wanted.Length > 0)
                {
                    using var take = new NpgsqlCommand(
                        $"SELECT c FROM unnest($1::text[]) AS t(c) WHERE pg_try_advisory_lock({PostgresLocks.OutboxChat}, hashtext($2 || ':' || c))", holder.Connection)
                    {
                        Parameters = { new() { Value = wanted }, new() { Value = platform } },
                    };
                    using var reader = take.ExecuteReader();
                    while (reader.Read())
                    {
                        holder.Held.Add(reader.GetString(0));
                    }
                }

                return chats.Where(holder.Held.Contains).ToList();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                // The connection broke, and with it every chat it held: hold nothing this round, start again next round.
                holder.Reset();
                throw;
            }
        }
    }

    public void ReleaseChats(string platform, IReadOnlyList<string> chats)
    {
        var holder = Holder(platform);
        lock (holder)
        {
            var held = chats.Where(holder.Held.Contains).Distinct().ToArray();
            if (held.Length == 0 || holder.Connection is null)
            {
                return;
            }

            try
            {
                using var release = new NpgsqlCommand(
                    $"SELECT pg_advisory_unlock({PostgresLocks.OutboxChat}, hashtext($2 || ':' || c)) FROM unnest($1::text[]) AS t(c)", holder.Connection)
                {
                    Parameters = { new() { Value = held }, new() { Value = platform } },
                };
                release.ExecuteNonQuery();
                holder.Held.ExceptWith(held);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                holder.Reset();
                throw;
            }
        }
    }

    private ChatHolder Holder(string platform)
    {
        lock (_holders)
        {
            if (!_holders.TryGetValue(platform, out var holder))
            {
                _holders[platform] = holder = new ChatHolder(source);
            }

            return holder;
        }
    }

    /// <summary>Closing the sessions lets every chat go.</summary>
    public void Dispose()
    {
        lock (_holders)
        {
            foreach (var holder in _holders.Values)
            {
                lock (holder)
                {
                    holder.Reset();
                }
            }
        }
    }

    /// <summary>A platform's held chats and the connection whose session holds them.</summary>
    private sealed class ChatHolder(NpgsqlDataSource source)
    {
        public NpgsqlConnection? Connection { get; private set; }

        public HashSet<string> Held { get; } = [];

        public void Open() => Connection ??= source.OpenConnection();

        /// <summary>Closing the session lets every chat go.</summary>
        public void Reset()
        {
            Connection?.Dispose();
            Connection = null;
            Held.Clear();
        }
    }

    /// <remarks>
    /// The lease is a session advisory lock on a connection of its own (never pooled), checked every two seconds: when
    /// that connection dies the lock is gone, the work is cancelled here, and another host may already hold it.
    /// </remarks>
    public async Task<bool> WhileLeaderAsync(string lease, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
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
