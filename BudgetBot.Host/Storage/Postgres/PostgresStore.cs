using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// The store on PostgreSQL, shared by any number of hosts; its units of work and statements are
/// <see cref="PostgresDatabase"/>'s. Rows that decide money (a project's running figures, a single-use button) are
/// locked explicitly, and unique keys back every "exactly once".
/// </summary>
internal sealed partial class PostgresStore : StoreRules, IServiceStore
{
    private readonly PostgresDatabase _db;
    private readonly PostgresHostLocks _locks;
    private readonly PostgresListener _listener;
    private readonly AsyncLocal<UnitState?> _unit = new();
    private int _disposed;

    private PostgresStore(PostgresDatabase db)
    {
        _db = db;
        _locks = new PostgresHostLocks(db.LeaseSource);
        _listener = new PostgresListener(db.LeaseSource);
    }

    /// <summary>Connects, applies the migrations this database lacks (one host at a time) and checks it can be read.</summary>
    public static PostgresStore Open(string connectionString)
    {
        PostgresDatabase? db = null;
        try
        {
            db = PostgresDatabase.Open(connectionString);
            var store = new PostgresStore(db);
            store.Probe();
            return store;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            db?.Dispose();
            // The message names the server and database only: the connection string may hold a password.
            var where = new NpgsqlConnectionStringBuilder(connectionString);
            throw new StartupProblem($"the PostgreSQL database {where.Database} on {where.Host}:{where.Port} cannot be used ({ex.Message}).");
        }
    }

    public bool IsNew => _db.IsNew;

    public override Messaging.IHostLocks Locks => _locks;

    public override event Action<string>? Changed
    {
        add => _listener.Changed += value;
        remove => _listener.Changed -= value;
    }

    public void Probe() => _ = Scalar("SELECT count(*) FROM offices");

    /// <summary>Other hosts write here too and nothing tells this one; idle loops look again this often.</summary>
    public override TimeSpan IdleLook => TimeSpan.FromMilliseconds(200);

    /// <summary>Each attempt starts with a state of its own; the running figures it changed are written last, just before the commit.</summary>
    public override T Run<T>(Func<T> work)
    {
        if (_unit.Value is not null)
        {
            return work();
        }

        try
        {
            return _db.Run(
                () =>
                {
                    var unit = _unit.Value = new UnitState();
                    var result = work();
                    FlushBalances(unit);
                    return result;
                },
                start => Committed(start));
        }
        finally
        {
            _unit.Value = null;
            UnitEnded();
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
        _db.Dispose();
    }

    /// <summary>Inside a unit: the notification (<see cref="PostgresListener"/>) goes out with its commit, once per kind per unit.</summary>
    private void Notify(string what)
    {
        if (_unit.Value is { } unit && unit.Notices.Add(what))
        {
            Execute("SELECT pg_notify($1, $2)", PostgresListener.Channel, what);
        }
    }

    /// <summary>A statement outside a unit of work commits on its own, and is counted as a commit.</summary>
    private int Execute(string sql, params object?[] args)
    {
        var inUnit = _unit.Value is not null;
        var rows = _db.Execute(sql, args);
        if (!inUnit)
        {
            Committed();
        }

        return rows;
    }

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args) => _db.Query(sql, read, args);

    private T? One<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args) => _db.Query(sql, read, args).FirstOrDefault();

    private object? Scalar(string sql, params object?[] args) => _db.Scalar(sql, args);

    /// <summary>What one attempt at a unit of work has done so far, beside its transaction.</summary>
    private sealed class UnitState
    {
        /// <summary>Catalog versions read in this unit; see <see cref="CatalogVersion"/>.</summary>
        public Dictionary<string, long> Versions { get; } = [];

        /// <summary>Notifications this unit sends when it commits.</summary>
        public HashSet<string> Notices { get; } = [];

        /// <summary>Running figures this unit changed, by project, written when it commits.</summary>
        public Dictionary<string, BalanceChange> Balances { get; } = [];
    }
}
