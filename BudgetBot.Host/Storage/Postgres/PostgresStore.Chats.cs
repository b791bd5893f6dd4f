using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// Senders on every host share a platform's chats: a sender holds a chat with a session advisory lock on a connection
/// of its own (one per platform), from before it claims the chat's items until their results are written. When a host
/// dies its connections close and its chats are free; the next holder finds the claimed items and treats them as
/// possibly sent, as after a crash on one host.
/// </summary>
internal sealed partial class PostgresStore
{
    private readonly Dictionary<string, ChatHolder> _holders = [];

    public override IReadOnlyList<string> HoldChats(string platform, IReadOnlyList<string> chats)
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

    public override void ReleaseChats(string platform, IReadOnlyList<string> chats)
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
                _holders[platform] = holder = new ChatHolder(_leaseSource);
            }

            return holder;
        }
    }

    private void CloseHolders()
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
}
