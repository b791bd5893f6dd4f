using System.Security.Cryptography;

namespace BudgetBot.Host.Storage;

/// <summary>
/// A consistent copy of the data file while a service may be writing it, without its lock. LiteDB writes every commit
/// to the log first and touches the data file only in a checkpoint, which copies the log's pages into the data file
/// and then empties the log. So the data file is read first and the log after it, and the copy is kept only if the
/// log was not emptied in between (it did not shrink and its first page is the one seen before): every page a
/// checkpoint may have written into the copied data file is then also in the copied log, and replaying that log gives
/// exactly the commits it holds. Pages of an unfinished commit at the log's end are ignored by the replay.
/// </summary>
internal static class LiteDbSnapshot
{
    private const int Page = 8192;

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

    /// <summary>Writes the data file and log of <paramref name="dataFile"/> into <paramref name="folder"/>; false when a checkpoint got in the way.</summary>
    public static bool TryCopy(string dataFile, string folder)
    {
        var logFile = LogOf(dataFile);
        var firstBefore = ReadShared(logFile, Page);
        var data = ReadShared(dataFile);
        var log = ReadShared(logFile);
        if (log.Length < firstBefore.Length || !log.AsSpan(0, firstBefore.Length).SequenceEqual(firstBefore))
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

    private static byte[] ReadShared(string path, int? max = null)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        if (max is { } limit)
        {
            var bytes = new byte[limit];
            var read = stream.ReadAtLeast(bytes, limit, throwOnEndOfStream: false);
            return bytes[..read];
        }

        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
