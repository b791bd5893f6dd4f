using System.Security.Cryptography;
using BudgetBot.Host.Options;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Local;

/// <summary>
/// Files sent with replies (charts, reports), kept under the data dir and served at <c>GET /media/{id}</c>: the id is
/// 128 random bits, and a file older than its lifetime is gone.
/// </summary>
internal sealed class MediaFiles(IOptions<BudgetBotOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private string Folder => Path.Combine(options.Value.DataDir, "media");

    /// <summary>Keeps a file; <paramref name="name"/>, when given, is the name it downloads under (a report's, in Thai perhaps).</summary>
    public (string Id, string Path) Save(byte[] content, string extension, string? name = null)
    {
        Storage.PrivateFiles.Folder(Folder);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, id));
        Storage.PrivateFiles.Write(path, content);
        if (!string.IsNullOrWhiteSpace(name))
        {
            // Beside the file, so the link stays unguessable while the download keeps its own name.
            Storage.PrivateFiles.Write(path + NameSuffix, System.Text.Encoding.UTF8.GetBytes(System.IO.Path.GetFileName(name)));
        }

        return (id, path);
    }

    private const string NameSuffix = ".name";

    /// <summary>The name a kept file downloads under, when it was saved with one.</summary>
    public static string? DownloadName(string path) =>
        File.Exists(path + NameSuffix) ? File.ReadAllText(path + NameSuffix, System.Text.Encoding.UTF8) : null;

    public string? Find(string id)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9a-f]{32}\\.(png|xlsx|csv)$"))
        {
            return null;
        }

        // Absolute: a relative data dir would otherwise be read as a web-root path when the file is served.
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, id));
        if (!File.Exists(path))
        {
            return null;
        }

        if (clock.GetUtcNow() - File.GetCreationTimeUtc(path) > Lifetime)
        {
            File.Delete(path);
            return null;
        }

        return path;
    }

    /// <summary>Deletes media files made before <paramref name="before"/>; returns how many.</summary>
    public int Forget(DateTimeOffset before)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var gone = 0;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (File.GetLastWriteTimeUtc(file) < before.UtcDateTime)
            {
                File.Delete(file);
                gone++;
            }
        }

        return gone;
    }

    public static string ContentType(string id) =>
        id.EndsWith(".png", StringComparison.Ordinal) ? "image/png"
        : id.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
