using System.Data;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// The database a <see cref="PostgresStore"/> keeps its rows in: its connections, its units of work and its statements.
/// A unit of work is one READ COMMITTED transaction on one connection, found by every statement made inside it. A
/// transaction that loses a conflict (serialization, deadlock, a unique key taken by a concurrent one) runs again from
/// the start, so the caller sees either the work done once or an exception, never a conflict acknowledged and dropped.
/// </summary>
internal sealed class PostgresDatabase : IDisposable
{
    private const int MaxAttempts = 8;

    private readonly NpgsqlDataSource _source;
    private readonly AsyncLocal<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)?> _unit = new();

    private PostgresDatabase(NpgsqlDataSource source, NpgsqlDataSource leaseSource, bool isNew)
    {
        _source = source;
        LeaseSource = leaseSource;
        IsNew = isNew;
    }

    /// <summary>Connections of their own, never pooled: a lease is a session lock and must end with its connection.</summary>
    public NpgsqlDataSource LeaseSource { get; }

    /// <summary>True when this open applied the first migration: the database held nothing before.</summary>
    public bool IsNew { get; }

    /// <summary>The connection of the unit of work running here, or null outside one.</summary>
    public NpgsqlConnection? UnitConnection => _unit.Value?.Connection;

    /// <summary>Connects and applies the migrations this database lacks (one host at a time).</summary>
    public static PostgresDatabase Open(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            // The same few dozen statements run for every message: prepared once per connection, the server plans them once.
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 2;
        }

        var source = NpgsqlDataSource.Create(settings.ConnectionString);
        var leaseSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            return new PostgresDatabase(source, leaseSource, PostgresMigrations.Apply(source));
        }
        catch
        {
            source.Dispose();
            leaseSource.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a unit of work, again after a conflict; a unit inside a unit joins it.</summary>
    /// <param name="committed">Told when the commit began, once it is done.</param>
    public T Run<T>(Func<T> work, Action<long> committed)
    {
        if (_unit.Value is not null)
        {
            return work();
        }

        for (var attempt = 1; ; attempt++)
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            _unit.Value = (connection, transaction);
            try
            {
                var result = work();
                var commitStart = System.Diagnostics.Stopwatch.GetTimestamp();
                transaction.Commit();
                committed(commitStart);
                return result;
            }
            catch (PostgresException ex) when (Conflict(ex) && attempt < MaxAttempts)
            {
                // Rolled back when disposed; the work runs again and sees what the other transaction committed.
            }
            finally
            {
                _unit.Value = null;
            }
        }
    }

    /// <summary>The rows a statement changed; outside a unit of work it is a transaction of its own.</summary>
    public int Execute(string sql, params object?[] args) => With(c => c.ExecuteNonQuery(), sql, args);

    public List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args) => With(c =>
    {
        using var reader = c.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }, sql, args);

    public object? Scalar(string sql, params object?[] args) => With(c => c.ExecuteScalar(), sql, args);

    public void Dispose()
    {
        _source.Dispose();
        LeaseSource.Dispose();
    }

    /// <summary>Serialization failure, deadlock, or a unique key a concurrent transaction took first.</summary>
    private static bool Conflict(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;

    /// <summary>Runs a statement on the unit's connection, or on a pooled one (its own transaction) outside a unit.</summary>
    private T With<T>(Func<NpgsqlCommand, T> use, string sql, object?[] args)
    {
        if (_unit.Value is var (connection, transaction))
        {
            using var command = Command(connection, transaction, sql, args);
            return use(command);
        }

        using var own = _source.OpenConnection();
        using var alone = Command(own, null, sql, args);
        return use(alone);
    }

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
}
