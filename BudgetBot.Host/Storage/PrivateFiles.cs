namespace BudgetBot.Host.Storage;

/// <summary>
/// The data dir holds the ledger, people's chat identities and report files: readable by the service's own user only
/// (directories 0700, files 0600), whatever the umask. Windows has no such modes and keeps its ACL defaults.
/// </summary>
internal static class PrivateFiles
{
    private const UnixFileMode DirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and tightens an existing one).</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, DirMode);
        File.SetUnixFileMode(path, DirMode);
    }

    /// <summary>Opens or creates a file for the store: new files are 0600, existing ones are tightened.</summary>
    public static FileStream Open(string path, System.IO.FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = 4096 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        var stream = new FileStream(path, options);
        Tighten(path);
        return stream;
    }

    /// <summary>Writes a whole file as 0600.</summary>
    public static void Write(string path, byte[] content)
    {
        using var stream = Open(path, System.IO.FileMode.Create, FileAccess.Write, FileShare.None);
        stream.Write(content);
    }

    /// <summary>Makes an existing file 0600 (a file another program created, such as the scheduler's database).</summary>
    public static void Tighten(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
    }
}
