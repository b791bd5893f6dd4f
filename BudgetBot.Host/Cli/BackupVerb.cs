using System.Globalization;
using BudgetBot.Host.Options;
using BudgetBot.Host.Storage;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c>: one self-contained copy of the data file, also while the service runs and writes. The
/// copy is taken without the data dir's lock (<see cref="LiteDbSnapshot"/>), opened and read through in a scratch
/// folder, folded into one file, and only then moved to <c>file</c>, so a backup that exists is a whole one.
/// </summary>
internal sealed class BackupVerb(IOptions<BudgetBotOptions> options)
{
    private const int Attempts = 200;

    public int Run(CliArgs args, TextWriter output)
    {
        if (args.Positional.Count != 1)
        {
            output.WriteLine("usage: backup <file> [--data-dir DIR]   (a consistent copy of the data file, also while the service runs)");
            return 2;
        }

        if (options.Value.Storage.IsPostgres)
        {
            output.WriteLine("The data is in PostgreSQL: back it up with the database's own tools (pg_dump, or the operators' replication and base backups).");
            return 2;
        }

        var source = Path.GetFullPath(options.Value.DatabasePath);
        if (!File.Exists(source))
        {
            output.WriteLine($"No data file at {source}: nothing to back up.");
            return 2;
        }

        var target = Path.GetFullPath(args.Positional[0]);
        var removed = RemoveAbandoned(target);
        if (removed > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Removed {removed} unfinished copy folder(s) left by a backup that was stopped."));
        }

        var scratch = target + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        PrivateFiles.Folder(scratch);
        // Held until this run ends: a later run removes the folder only once no backup holds it (its owner was killed).
        var held = new FileStream(Path.Combine(scratch, InUse), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            if (!LiteDbSnapshot.Copy(source, scratch, Attempts))
            {
                output.WriteLine($"Could not take a consistent copy of {source} in {Attempts} tries; try again.");
                return 1;
            }

            var copy = Path.Combine(scratch, Path.GetFileName(source));
            long entries;
            decimal sum;
            int offices;
            using (var store = LiteDbBudgetStore.OpenChecked(copy))
            {
                (entries, sum) = store.LedgerTotals();
                offices = store.Offices().Count;
            }

            File.Move(copy, target, overwrite: true);
            PrivateFiles.Tighten(target);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backup written to {target}: {offices} office(s), {entries} ledger entries summing {sum:#,##0.00} baht, {new FileInfo(target).Length} bytes, sha256 {LiteDbSnapshot.Hash(target)}."));
            output.WriteLine($"To restore: stop BudgetBot, copy it to {source}, move {LiteDbSnapshot.LogOf(source)} out of the data dir if present (it belongs to the file you replace), and start again.");
            return 0;
        }
        finally
        {
            held.Dispose();
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private const string InUse = ".in-use";

    /// <summary>
    /// Deletes the <c>.partial-*</c> folders of earlier runs for the same target whose run is gone (killed, or the machine
    /// stopped): their lock file can be taken. A folder another running backup holds is left alone.
    /// </summary>
    private static int RemoveAbandoned(string target)
    {
        var removed = 0;
        foreach (var folder in Directory.GetDirectories(Path.GetDirectoryName(target)!, Path.GetFileName(target) + ".partial-*"))
        {
            try
            {
                using (new FileStream(Path.Combine(folder, InUse), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                }

                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (IOException)
            {
                // Another backup is writing it.
            }
        }

        return removed;
    }
}
