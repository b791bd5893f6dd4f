using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BudgetBot.Bench;

/// <summary>
/// The disk's own limit for durable commits: how many times a second a 4 KB page can be appended to a file and made
/// durable with <c>fdatasync</c>, one after another, on the disk the data dir is on. No store can commit durably
/// more often than this, one commit at a time.
/// </summary>
internal static partial class DiskSync
{
    private const int Page = 4096;

    public static double PerSecond(string dir, int count)
    {
        var path = Path.Combine(dir, "disk-sync.bin");
        var page = new byte[Page];
        Random.Shared.NextBytes(page);
        try
        {
            using var file = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite);
            var fd = (int)file.DangerousGetHandle();
            RandomAccess.Write(file, page, 0);
            Sync(fd);
            var watch = Stopwatch.StartNew();
            for (var i = 1; i <= count; i++)
            {
                RandomAccess.Write(file, page, (long)i * Page);
                Sync(fd);
            }

            return count / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Sync(int fd)
    {
        if (fdatasync(fd) != 0)
        {
            throw new IOException($"fdatasync failed ({Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fdatasync(int fd);
}

/// <summary>The kernel's clock ticks a second, the unit of a process's CPU times in <c>/proc</c>.</summary>
internal static partial class ClockTicks
{
    private const int ScClkTck = 2;

    public static readonly long PerSecond = sysconf(ScClkTck) is > 0 and var ticks ? ticks : 100;

    [LibraryImport("libc")]
    private static partial long sysconf(int name);
}
