using BudgetBot.Host.Options;
using BudgetBot.Host.Storage;
using BudgetBot.Host.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Cli;

/// <summary>
/// <c>migrate --to postgres|litedb</c>: moves everything between the data dir's LiteDB file and the PostgreSQL database
/// of <c>BudgetBot__Storage__ConnectionString</c> (or <c>--connection</c>), in one transaction on the target, and checks
/// the move by every office's totals, the ledger's count and sum, and the number of records of every kind. The source
/// is left as it was; the target must be empty. Run it with the service stopped.
/// </summary>
internal sealed class MigrateVerb(IOptions<BudgetBotOptions> options)
{
    public int Run(CliArgs args, TextWriter output)
    {
        var to = args.Option("--to");
        var connection = args.Option("--connection") ?? options.Value.Storage.ConnectionString;
        if (to is not (StorageOptions.Postgres or StorageOptions.LiteDb) || string.IsNullOrWhiteSpace(connection))
        {
            output.WriteLine("usage: migrate --to postgres|litedb [--data-dir DIR] [--connection \"Host=…;Database=…;Username=…\"]");
            output.WriteLine("  the connection string may also come from BudgetBot__Storage__ConnectionString; the target must be empty.");
            return 2;
        }

        var file = options.Value.DatabasePath;
        if (to == StorageOptions.Postgres && !File.Exists(file))
        {
            output.WriteLine($"No data file at {Path.GetFullPath(file)}: nothing to move.");
            return 2;
        }

        if (to == StorageOptions.LiteDb && File.Exists(file))
        {
            output.WriteLine($"There is a data file at {Path.GetFullPath(file)} already: move it away first, or name another --data-dir.");
            return 2;
        }

        using var lite = LiteDbBudgetStore.OpenChecked(file);
        using var postgres = PostgresStore.Open(connection);
        IServiceStore source = to == StorageOptions.Postgres ? lite : postgres;
        IServiceStore target = to == StorageOptions.Postgres ? postgres : lite;
        var dump = source.Dump();
        try
        {
            target.Load(dump);
        }
        catch (InvalidOperationException ex)
        {
            output.WriteLine($"Nothing moved: {ex.Message}. Migrate into an empty {(to == StorageOptions.Postgres ? "database" : "data dir")}.");
            return 2;
        }

        var before = StoreDump.Totals(source);
        var after = StoreDump.Totals(target);
        var counts = Counts(dump);
        var moved = Counts(target.Dump());
        if (before != after || counts != moved)
        {
            output.WriteLine($"The copy differs from the source. Source: {before} ({counts}). Copy: {after} ({moved}).");
            return 1;
        }

        output.WriteLine($"Moved to {to}: {after}.");
        output.WriteLine($"Records: {counts}. Totals and counts match the source, which is unchanged.");
        return 0;
    }

    private static string Counts(StoreDump d) =>
        FormattableString.Invariant($"{d.Offices.Count} offices, {d.Years.Count} years, {d.Projects.Count} projects, {d.Ledger.Count} entries, {Of(d, RowKind.People)} people, ")
        + FormattableString.Invariant($"{d.Audit.Count} audit records, {Of(d, RowKind.Subscriptions)} subscriptions, {Of(d, RowKind.Invites) + Of(d, RowKind.Buttons)} invites and buttons, {d.Inbox.Count} inbox events, {d.Outbox.Count + d.SentKeys.Count} outbox items");

    private static int Of(StoreDump d, RowKind kind) => d.Rows.Count(r => r.Kind == kind);
}
