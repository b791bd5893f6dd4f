namespace BudgetBot.Host.Storage;

/// <summary>
/// The room the data dir's disk has left. A start with almost none is refused in one line: the store, the scheduler's
/// SQLite file and the reply queue all write at once, and each would fail on its own, in its own words.
/// </summary>
internal static class DiskSpace
{
    /// <summary>
    /// Below this the service does not start: enough for hours of an office's messages (a commit writes a few 8 KB
    /// pages) and for the scheduler's journal, but a disk this full is one that is filling.
    /// </summary>
    public const long MinimumFree = 8L * 1024 * 1024;

    /// <summary>Throws a <see cref="StartupProblem"/> when the disk holding <paramref name="dataDir"/> has less than <see cref="MinimumFree"/>.</summary>
    public static void Check(string dataDir)
    {
        var full = Path.GetFullPath(dataDir);
        var free = Free(full);
        if (free is { } bytes && bytes < MinimumFree)
        {
            throw new StartupProblem(Full(full, bytes));
        }
    }

    /// <summary>Free bytes on the disk holding <paramref name="path"/> (or its nearest existing parent); null where the system cannot tell.</summary>
    public static long? Free(string path)
    {
        var existing = new DirectoryInfo(path);
        while (existing is { Exists: false })
        {
            existing = existing.Parent;
        }

        try
        {
            return existing is null ? null : new DriveInfo(existing.FullName).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True for the failures a full disk causes: the write was refused for want of space, not for a bug.</summary>
    public static bool IsFull(Exception error) =>
        error switch
        {
            IOException io when io.HResult is NoSpace or QuotaExceeded => true,
            _ when error.Message.Contains("disk is full", StringComparison.OrdinalIgnoreCase) => true,
            { InnerException: { } inner } => IsFull(inner),
            _ => false,
        };

    public static string Full(string dataDir, long free) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the disk holding the data dir {dataDir} has {free / 1024:N0} KB free, less than the {MinimumFree / 1024 / 1024:D} MB the service needs to write; free some space and start again.");

    /// <summary>ENOSPC and EDQUOT, which .NET gives as the HResult of the IOException on Linux.</summary>
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;
}
