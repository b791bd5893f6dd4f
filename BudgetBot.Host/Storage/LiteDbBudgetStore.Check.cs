using LiteDB;

namespace BudgetBot.Host.Storage;

/// <summary>Opening the data file so that a file the store cannot read stops the start instead of losing data later.</summary>
internal sealed partial class LiteDbBudgetStore
{
    /// <summary>True when the data file did not exist before this store opened it: the only data dir demo data may go into.</summary>
    public bool IsNew { get; private init; }

    /// <summary>
    /// Opens <paramref name="path"/> and reads every collection through once. An empty or truncated file, or one whose
    /// pages do not read, is refused with the file's name and how to restore a backup: starting on it would either
    /// answer every message with an error or, worse, look like an empty office.
    /// </summary>
    public static LiteDbBudgetStore OpenChecked(string path)
    {
        var full = Path.GetFullPath(path);
        var file = new FileInfo(full);
        if (file.Exists && file.Length == 0)
        {
            throw new StartupProblem($"the data file {full} is empty (0 bytes). {RestoreHint(full)}");
        }

        if (file.Exists && file.Length % 8192 != 0)
        {
            throw new StartupProblem($"the data file {full} is cut short ({file.Length:D} bytes is not a whole number of 8 KB pages). {RestoreHint(full)}");
        }

        LiteDbBudgetStore? store = null;
        try
        {
            store = new LiteDbBudgetStore(path) { IsNew = !file.Exists };
            store.ReadEverything();
            return store;
        }
        catch (Exception ex) when (ex is LiteException or InvalidCastException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or ArgumentException or System.Text.Json.JsonException)
        {
            store?.Dispose();
            throw new StartupProblem($"the data file {full} cannot be read ({ex.Message}). {RestoreHint(full)}");
        }
        catch (DataDirInUseException ex)
        {
            throw new StartupProblem($"{ex.Message}. Stop it first, or use the backup verb, which reads while the service runs.", ex);
        }
        catch (IOException ex)
        {
            store?.Dispose();
            throw new StartupProblem($"the data file {full} cannot be opened ({ex.Message}).");
        }
    }

    /// <summary>Reads one record, for <c>/healthz</c>, and after a failed write makes one: throws when the store cannot serve.</summary>
    public void Probe()
    {
        _db.ProbeWrite(start => Committed(start));
        _ = OfficeDocs.Count();
        _ = LedgerDocs.Find(Query.All("_id", Query.Descending), limit: 1).ToList();
    }

    private void ReadEverything()
    {
        foreach (var office in Offices())
        {
            // One read of the office's whole catalog (years, divisions, projects).
            _ = FiscalYears(office.Id);
            _ = People(office.Id);
        }

        foreach (var name in _db.Engine.GetCollectionNames())
        {
            _ = _db.Engine.GetCollection(name).Count();
        }
    }

    private static string RestoreHint(string full) =>
        $"Nothing was changed. To restore the latest backup: stop BudgetBot, copy the backup file to {full}, move {LiteDbSnapshot.LogOf(full)} out of the data dir if it is there, and start again (docs/operations.md: Backup and restore).";
}
