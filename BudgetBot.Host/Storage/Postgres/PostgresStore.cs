using System.Data;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// The store on PostgreSQL, shared by any number of hosts. A unit of work is one READ COMMITTED transaction on one
/// connection, found by every call made inside it; rows that decide money (a project's running figures, a single-use
/// button) are locked explicitly, and unique keys back every "exactly once". A transaction that loses a conflict
/// (serialization, deadlock, a unique key taken by a concurrent one) runs again from the start, so the caller sees
/// either the work done once or an exception, never a conflict acknowledged and dropped.
/// </summary>
internal sealed partial class PostgresStore : StoreRules, IServiceStore
{
    private const int MaxAttempts = 8;

    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlDataSource _leaseSource;
    private readonly PostgresHostLocks _locks;
    private readonly PostgresListener _listener;
    private readonly AsyncLocal<Unit?> _unit = new();
    private int _disposed;

    private PostgresStore(NpgsqlDataSource source, NpgsqlDataSource leaseSource)
    {
        _source = source;
        _leaseSource = leaseSource;
        _locks = new PostgresHostLocks(leaseSource);
        _listener = new PostgresListener(leaseSource);
    }

    /// <summary>Connects, applies the migrations this database lacks (one host at a time) and checks it can be read.</summary>
    public static PostgresStore Open(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            // The same few dozen statements run for every message: prepared once per connection, the server plans them once.
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        var source = NpgsqlDataSource.Create(settings.ConnectionString);
        // A lease is a session lock: it must end with its own connection, never linger in a pooled one.
        var leaseSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            var isNew = PostgresMigrations.Apply(source);
            var store = new PostgresStore(source, leaseSource) { IsNew = isNew };
            store.Probe();
            return store;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            source.Dispose();
            leaseSource.Dispose();
            // The message names the server and database only: the connection string may hold a password.
            var where = new NpgsqlConnectionStringBuilder(connectionString);
            throw new StartupProblem($"the PostgreSQL database {where.Database} on {where.Host}:{where.Port} cannot be used ({ex.Message}).");
        }
    }

    public bool IsNew { get; private init; }

    public override Messaging.IHostLocks Locks => _locks;

    public override event Action<string>? Changed
    {
        add => _listener.Changed += value;
        remove => _listener.Changed -= value;
    }

    /// <summary>Inside a unit: the notification (<see cref="PostgresListener"/>) goes out with its commit, once per kind per unit.</summary>
    private void Notify(string what)
    {
        if (_unit.Value is { } unit && unit.Notices.Add(what))
        {
            Execute("SELECT pg_notify($1, $2)", PostgresListener.Channel, what);
        }
    }

    public void Probe() => _ = Scalar("SELECT count(*) FROM offices");

    /// <summary>Other hosts write here too and nothing tells this one; idle loops look again this often.</summary>
    public override TimeSpan IdleLook => TimeSpan.FromMilliseconds(200);

    public override T Run<T>(Func<T> work)
    {
        if (_unit.Value is not null)
        {
            return work();
        }

        for (var attempt = 1; ; attempt++)
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            var unit = _unit.Value = new Unit(connection, transaction);
            try
            {
                var result = work();
                FlushBalances(unit);
                var commitStart = System.Diagnostics.Stopwatch.GetTimestamp();
                transaction.Commit();
                Committed(commitStart);
                return result;
            }
            catch (PostgresException ex) when (Conflict(ex) && attempt < MaxAttempts)
            {
                // Rolled back when disposed; the work runs again and sees what the other transaction committed.
            }
            finally
            {
                _unit.Value = null;
                UnitEnded();
            }
        }
    }

    public void Dispose()
    {
        // A verb may dispose the store it opened and the container again: the second time does nothing.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _listener.Dispose();
        _locks.Dispose();
        _source.Dispose();
        _leaseSource.Dispose();
    }

    /// <summary>Serialization failure, deadlock, or a unique key a concurrent transaction took first.</summary>
    private static bool Conflict(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;

    /// <summary>Runs a statement on the unit's connection, or on a pooled one (its own transaction) outside a unit.</summary>
    private T With<T>(Func<NpgsqlCommand, T> use, string sql, object?[] args)
    {
        if (_unit.Value is { } unit)
        {
            using var command = Command(unit.Connection, unit.Transaction, sql, args);
            return use(command);
        }

        using var connection = _source.OpenConnection();
        using var own = Command(connection, null, sql, args);
        return use(own);
    }

    private int Execute(string sql, params object?[] args)
    {
        var inUnit = _unit.Value is not null;
        var rows = With(c => c.ExecuteNonQuery(), sql, args);
        if (!inUnit)
        {
            Committed();
        }

        return rows;
    }

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args) => With(c =>
    {
        using var reader = c.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }, sql, args);

    private T? One<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args) => Query(sql, read, args).FirstOrDefault();

    private object? Scalar(string sql, params object?[] args) => With(c => c.ExecuteScalar(), sql, args);

    /// <summary>Positional parameters ($1, $2 …); times go to PostgreSQL in UTC, as <c>timestamptz</c> requires.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var arg in args)
        {
            command.Parameters.Add(new NpgsqlParameter
            {
                Value = arg switch
                {
                    null => DBNull.Value,
                    DateTimeOffset at => at.ToUniversalTime(),
                    _ => arg,
                },
            });
        }

        return command;
    }

    private sealed record Unit(NpgsqlConnection Connection, NpgsqlTransaction Transaction)
    {
        /// <summary>Catalog versions read in this unit; see <see cref="CatalogVersion"/>.</summary>
        public Dictionary<string, long> Versions { get; } = [];

        /// <summary>Notifications this unit sends when it commits.</summary>
        public HashSet<string> Notices { get; } = [];

        /// <summary>Running figures this unit changed, by project, written when it commits.</summary>
        public Dictionary<string, BalanceChange> Balances { get; } = [];
    }
}
