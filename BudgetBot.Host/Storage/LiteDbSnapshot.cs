using System.Security.Cryptography;

namespace BudgetBot.Host.Storage;

/// <summary>
/// A consistent copy of the data file while a service may be writing it, without its lock. LiteDB writes every commit
/// to the log first and touches the data file only in a checkpoint, which copies the log's pages into the data file
/// and then empties the log. So the data file is read first and the log after it, and the copy is kept only if no
/// checkpoint emptied the log from before the data was read until after the log was read: the log's first page is the
/// same at both ends and begins the log read. Every page a checkpoint may have written into the copied data file is
/// then also in the copied log, and replaying that log gives exactly the commits it holds (pages of an unfinished
/// commit at its end are ignored). Looking only before the log read is not enough: a log emptied while it is read
/// reads as a shorter log with the right first page, and would give a copy without its newest commits.
/// </summary>
internal static class LiteDbSnapshot
{
    private const int Page = 8192;
    private const int Chunk = 64 * 1024;

    /// <summary>
    /// <see cref="TryCopy"/> until a copy is consistent: a checkpoint in the way takes milliseconds and is rare, so the
    /// next try is made at once; false only after <paramref name="attempts"/> tries.
    /// </summary>
    public static bool Copy(string dataFile, string folder, int attempts = 200)
    {
        for (var i = 0; i < attempts; i++)
        {
            if (TryCopy(dataFile, folder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes the data file and log of <paramref name="dataFile"/> into <paramref name="folder"/>; false when a checkpoint
    /// got in the way. <paramref name="duringLogRead"/> runs once while the log is half read (tests put a checkpoint there).
    /// </summary>
    public static bool TryCopy(string dataFile, string folder, Action? duringLogRead = null)
    {
        var logFile = LogOf(dataFile);
        var firstBefore = ReadShared(logFile, Page);
        var data = ReadShared(dataFile);
        var log = ReadShared(logFile, int.MaxValue, duringLogRead);
        var firstAfter = ReadShared(logFile, Page);
        var unchanged = firstBefore.AsSpan().SequenceEqual(firstAfter) && log.AsSpan().StartsWith(firstBefore);
        // An empty log at the start says nothing about what came after it: only a log empty throughout is taken.
        if (!unchanged || (firstBefore.Length == 0 && log.Length > 0))
        {
            return false;
        }

        PrivateFiles.Folder(folder);
        var copy = Path.Combine(folder, Path.GetFileName(dataFile));
        PrivateFiles.Write(copy, data[..(data.Length / Page * Page)]);
        PrivateFiles.Write(LogOf(copy), log[..(log.Length / Page * Page)]);
        return true;
    }

    public static string LogOf(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataFile))!, Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));

    /// <summary>SHA-256 of a file, to print beside a backup.</summary>
    public static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Up to <paramref name="max"/> bytes of a file another process writes; empty when there is no such file.</summary>
    private static byte[] ReadShared(string path, int max = int.MaxValue, Action? afterFirstChunk = null)
    {
        using var stream = OpenShared(path);
        if (stream is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(Chunk, max)];
        int read;
        while (buffer.Length < max && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, max - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            afterFirstChunk?.Invoke();
            afterFirstChunk = null;
        }

        return buffer.ToArray();
    }

    private static FileStream? OpenShared(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
