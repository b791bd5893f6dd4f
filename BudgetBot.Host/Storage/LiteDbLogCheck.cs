using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BudgetBot.Host.Storage;

/// <summary>
/// Reads the log left beside the data file before LiteDB does, and stops the start when replaying it would damage the
/// data: LiteDB copies every confirmed page of its log into the data file at the next checkpoint without asking whose
/// pages they are, so random bytes grow the file to terabytes and an old log rewrites a restored backup.
/// Two checks, both read-only:
/// <list type="bullet">
/// <item>every page must read as a LiteDB page (a known page type, a confirmed flag of 0 or 1, a header only at page 0
/// and carrying LiteDB's signature, and a page number the file can reach);</item>
/// <item>the log must have been written on this data file: the store records the data file's header after each
/// checkpoint (<see cref="Fingerprint"/>), and while a log is open the data file's header is that one, or one of the
/// log's own (a checkpoint stopped half-way has copied some of them).</item>
/// </list>
/// The header differs between copies because every checkpoint stamps a random number into it
/// (<see cref="LiteDbFiles"/>), so a backup folded at another moment never matches.
/// </summary>
internal static class LiteDbLogCheck
{
    private const int Page = 8192;

    /// <summary>LiteDB 5's page header: page number at 0, type at 4, the confirmed flag at 18; a header page's body from 32.</summary>
    private const int TypeAt = 4;
    private const int ConfirmedAt = 18;
    private const int BodyAt = 32;
    private const int LastPageAt = BodyAt + 32;
    private const int InvalidStateAt = 191;
    private const byte HeaderType = 1;
    private const byte HighestType = 4;

    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Throws a <see cref="StartupProblem"/> naming the log when it cannot be replayed onto <paramref name="dataFile"/>.</summary>
    public static void Verify(string dataFile, string logFile, string? recorded)
    {
        using var log = Open(logFile);
        if (log is null || log.Length < Page)
        {
            return;
        }

        var header = DataHeader(dataFile);
        if (header is null)
        {
            return;
        }

        var pages = log.Length / Page;
        var reach = Math.Max(LastPage(header), 0) + pages;
        var expected = Hash(header);
        var paired = recorded is null || recorded == expected;
        var buffer = new byte[Page];
        for (long n = 0; n < pages; n++)
        {
            log.ReadExactly(buffer);
            if (Problem(buffer, reach) is { } problem)
            {
                throw new StartupProblem(
                    $"the log {logFile} is damaged (page {n + 1:D} of {pages:D}: {problem}); replaying it would damage the data file. {Damaged(dataFile, logFile)}");
            }

            if (buffer[TypeAt] == HeaderType)
            {
                reach = Math.Max(reach, LastPage(buffer) + pages);
                paired = paired || Hash(buffer) == expected;
            }
        }

        if (!paired)
        {
            throw new StartupProblem(
                $"the log {logFile} was written on another copy of {dataFile} (was a backup restored without moving the old log away?); replaying it would damage the data file. Nothing was changed. If you restored a backup, move {logFile} out of the data dir and start again; otherwise put back the data file that was there (docs/operations.md: Backup and restore).");
        }
    }

    /// <summary>What the store records after a checkpoint: the SHA-256 of the data file's header page, past LiteDB's per-commit fields.</summary>
    public static string? Fingerprint(string dataFile) => DataHeader(dataFile) is { } header ? Hash(header) : null;

    private static string? Problem(byte[] page, long reach)
    {
        var number = BinaryPrimitives.ReadUInt32LittleEndian(page);
        var type = page[TypeAt];
        if (type > HighestType || page[ConfirmedAt] > 1)
        {
            return "not a LiteDB page";
        }

        if ((number == 0) != (type == HeaderType) || (type == HeaderType && !page.AsSpan(BodyAt).StartsWith(Signature)))
        {
            return "a header page out of place";
        }

        return number > reach ? $"page number {number:D} is past the end of the data" : null;
    }

    private static long LastPage(byte[] header)
    {
        var last = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageAt));
        return last == uint.MaxValue ? 0 : last;
    }

    /// <summary>
    /// The header's body without the one byte LiteDB sets in the data file itself when a write fails (its "invalid
    /// state" flag, asking for a rebuild): the next checkpoint writes the log's header over it, and until then the
    /// file and its log still belong together.
    /// </summary>
    private static string Hash(byte[] header)
    {
        var body = header.AsSpan(BodyAt).ToArray();
        body[InvalidStateAt - BodyAt] = 0;
        return Convert.ToHexStringLower(SHA256.HashData(body));
    }

    /// <summary>The data file's first page when it is a LiteDB header; null for a new or empty file (the store checks those itself).</summary>
    private static byte[]? DataHeader(string dataFile)
    {
        using var data = Open(dataFile);
        if (data is null || data.Length < Page)
        {
            return null;
        }

        var header = new byte[Page];
        data.ReadExactly(header);
        return header[TypeAt] == HeaderType && header.AsSpan(BodyAt).StartsWith(Signature) ? header : null;
    }

    private static FileStream? Open(string path)
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

    private static string Damaged(string dataFile, string logFile) =>
        $"Nothing was changed. Restore the latest backup: stop BudgetBot, copy the backup to {dataFile}, move {logFile} out of the data dir, and start again (docs/operations.md: Backup and restore).";
}
