using System.Diagnostics;

namespace BudgetBot.Tests.Host;

/// <summary>
/// A small tmpfs mounted on a temporary folder (it needs root, or CAP_SYS_ADMIN), to fill up on purpose: what a data dir
/// on a full disk does, without filling the machine's own disk. Unmounted on dispose.
/// </summary>
internal sealed class SmallDisk : IAsyncDisposable
{
    private const int Chunk = 1024 * 1024;

    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    /// <summary>A mounted disk of <paramref name="megabytes"/>, or null (and why) where this machine does not let the tests mount one.</summary>
    public static async Task<(SmallDisk? Disk, string Why)> MountAsync(int megabytes)
    {
        var path = Seed.TempDir();
        if (!OperatingSystem.IsLinux())
        {
            return (null, "mounting a small disk needs Linux");
        }

        var (code, output) = await Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);
        return code == 0 ? (new SmallDisk(path), "") : (null, $"cannot mount a small tmpfs (needs root): {output.Trim()}");
    }

    /// <summary>Writes a filler file until the disk refuses a byte more; the bytes written.</summary>
    public long Fill()
    {
        var chunk = new byte[Chunk];
        long written = 0;
        using var file = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        var size = Chunk;
        while (size > 0)
        {
            try
            {
                file.Write(chunk, 0, size);
                written += size;
            }
            catch (IOException)
            {
                // The last chunk did not fit: try smaller ones down to a byte, so nothing at all is left.
                size /= 2;
            }
        }

        return written;
    }

    /// <summary>Gives the space back.</summary>
    public void Free() => File.Delete(Filler);

    public async ValueTask DisposeAsync() => await Run("umount", "-l", Path);

    private static async Task<(int Code, string Output)> Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
