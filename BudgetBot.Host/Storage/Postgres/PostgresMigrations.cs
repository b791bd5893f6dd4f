using System.Globalization;
using Npgsql;

namespace BudgetBot.Host.Storage.Postgres;

/// <summary>
/// The schema, as numbered SQL files embedded in the program, applied in order at start-up. Hosts starting together
/// take turns under an advisory lock, so each file runs once, in its own transaction, and is recorded with it.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>The advisory lock's key: the first class of <see cref="PostgresLocks"/>.</summary>
    private const int LockClass = PostgresLocks.Migrations;

    private const string Prefix = "BudgetBot.Host.Storage.Postgres.Migrations.";

    /// <summary>Applies what is missing; true when the database had no schema before (a store created just now).</summary>
    public static bool Apply(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        Run(connection, null, $"SELECT pg_advisory_lock({LockClass}, 0)");
        try
        {
            Run(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            var applied = new HashSet<int>();
            using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            foreach (var (version, name) in Scripts().Where(s => !applied.Contains(s.Version)))
            {
                using var transaction = connection.BeginTransaction();
                Run(connection, transaction, Read(name));
                using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction)
                {
                    Parameters = { new() { Value = version }, new() { Value = name[Prefix.Length..] } },
                };
                record.ExecuteNonQuery();
                transaction.Commit();
            }

            return applied.Count == 0;
        }
        finally
        {
            Run(connection, null, $"SELECT pg_advisory_unlock({LockClass}, 0)");
        }
    }

    /// <summary>The embedded scripts by number: <c>0001_initial.sql</c> is version 1.</summary>
    public static IReadOnlyList<(int Version, string Name)> Scripts() =>
        typeof(PostgresMigrations).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (int.Parse(n[Prefix.Length..].Split('_')[0], CultureInfo.InvariantCulture), n))
            .OrderBy(s => s.Item1)
            .ToList();

    private static string Read(string name)
    {
        using var stream = typeof(PostgresMigrations).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Run(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
