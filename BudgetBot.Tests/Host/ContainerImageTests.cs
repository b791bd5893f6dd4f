using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace BudgetBot.Tests.Host;

/// <summary>
/// The container image and the compose file that runs it. <c>.ci/run</c> builds the image the way docs/operations.md
/// says (<c>dotnet publish -t:PublishContainer</c> into an archive, on the base image of
/// <c>deploy/container/debian-base.sh</c>); here its configuration is checked against the project's container settings,
/// and the image is started from its own layers as an engine would start it: its root, its user, its environment.
/// </summary>
public sealed class ContainerImageTests
{
    private const string ArchiveVariable = "BUDGETBOT_CONTAINER_ARCHIVE";

    [SkippableFact]
    public async Task Image_RunsAsItsOwnUser_OnThePort_WithTheDataDirAVolume_AndStartsHealthy()
    {
        var archive = Environment.GetEnvironmentVariable(ArchiveVariable);
        SystemTests.Need(archive is not null && File.Exists(archive), $"no container image: {ArchiveVariable} names the archive .ci/run builds");
        var (port, dataDir) = ProjectSettings();
        // The image and its root take some 400 MB: gone when the test ends, whatever happens to the run.
        var folder = Seed.TempDir();
        try
        {
            await CheckAndStart(OciImage.Open(archive!, folder), port, dataDir, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task CheckAndStart(OciImage image, string port, string dataDir, string folder)
    {
        Assert.True(int.TryParse(image.User, out var uid) && uid > 0, $"the image runs as user '{image.User}', not a numeric non-root user");
        Assert.Contains($"{port}/tcp", image.ExposedPorts);
        Assert.Equal(port, image.Env["ASPNETCORE_HTTP_PORTS"]);
        Assert.False(image.Env.ContainsKey("ASPNETCORE_URLS"), "addresses would override the ports, with a warning at every start");
        Assert.Equal(dataDir, image.Env["BudgetBot__DataDir"]);
        Assert.Contains(dataDir, image.Volumes);
        Assert.Equal(["dotnet", "/app/BudgetBot.Host.dll"], image.Entrypoint);

        SystemTests.Need(
            Environment.UserName == "root" && File.Exists("/usr/bin/unshare") && File.Exists("/usr/sbin/chroot"),
            "starting the image from its layers needs root, unshare and chroot");
        var root = Directory.CreateDirectory(Path.Combine(folder, "rootfs")).FullName;
        foreach (var layer in image.Layers)
        {
            var (code, text) = await HostProcess.RunCommandAsync("tar", ["--numeric-owner", "-xzf", layer, "-C", root], root, TimeSpan.FromMinutes(2));
            Assert.True(code == 0, text);
        }

        // The volume's folder belongs to the user, so a fresh volume does too; the program's own files do not.
        Assert.Equal($"{uid}", await Owner(Path.Combine(root, dataDir.TrimStart('/'))));
        Assert.Equal("0", await Owner(Path.Combine(root, "app", "BudgetBot.Host.dll")));

        var version = await HostProcess.RunCommandAsync("unshare", InImage(root, image, new(), "--version"), root, TimeSpan.FromMinutes(1));
        Assert.True(version.Code == 0, version.Output);
        Assert.StartsWith($"BudgetBot {BudgetBot.Host.Cli.CliVerbs.Version.Split('+')[0]}", version.Output, StringComparison.Ordinal);

        // Any free loopback port in place of the image's, since the test shares this machine's network.
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in InImage(root, image, new() { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information" }))
        {
            start.ArgumentList.Add(arg);
        }

        await using var service = await HostProcess.StartAsync(start, Path.Combine(root, dataDir.TrimStart('/')));
        Assert.Contains($"data in {dataDir}", service.StartupLog, StringComparison.Ordinal);
        // The dashboard's keys go to the volume, not to a home folder the container loses, and start-up says nothing of them.
        Assert.False(service.StartupLog.Contains("DataProtection", StringComparison.Ordinal), service.StartupLog);
        Assert.True(Directory.Exists(Path.Combine(service.DataDir, "keys")));
        using var client = new HttpClient { BaseAddress = service.Url };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Equal($"{uid}", await Owner(Path.Combine(service.DataDir, "budgetbot.db")));
    }

    [Fact]
    public void Compose_RunsThisVersionsImage_OnPostgres_BehindCaddyAlone()
    {
        var (port, dataDir) = ProjectSettings();
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(PublishedBuildTests.RepositoryRoot(), "deploy", "compose.yaml"))));
        var services = Map(Map(yaml.Documents[0].RootNode)["services"]);
        var bot = Map(services["budgetbot"]);
        var caddy = Map(services["caddy"]);
        var botEnv = Map(bot["environment"]);

        Assert.Equal($"budgetbot:{BudgetBot.Host.Cli.CliVerbs.Version.Split('+')[0]}", Text(bot["image"]));
        Assert.False(bot.ContainsKey("ports"), "only the proxy is published");
        Assert.Contains(List(bot["volumes"]), v => v.EndsWith(":" + dataDir, StringComparison.Ordinal));
        Assert.Equal("postgres", Text(botEnv["BudgetBot__Storage__Provider"]));
        Assert.StartsWith("Host=postgres;", Text(botEnv["BudgetBot__Storage__ConnectionString"]), StringComparison.Ordinal);
        Assert.Contains("postgres", services.Keys);

        // The proxy reaches the service on the image's port, and is the one address the service believes.
        Assert.Equal($"budgetbot:{port}", Text(Map(caddy["environment"])["BUDGETBOT_UPSTREAM"]));
        Assert.Equal(Text(Map(Map(caddy["networks"])["budgetbot"])["ipv4_address"]), Text(botEnv["BudgetBot__KnownProxies__0"]));
        Assert.Contains("./Caddyfile:/etc/caddy/Caddyfile:ro", List(caddy["volumes"]));
        Assert.Equal(["80:80", "443:443"], List(caddy["ports"]));
    }

    /// <summary>The port and data dir the project gives its image (BudgetBot.Host.csproj), which everything else must match.</summary>
    private static (string Port, string DataDir) ProjectSettings()
    {
        var project = XDocument.Load(Path.Combine(PublishedBuildTests.RepositoryRoot(), "BudgetBot.Host", "BudgetBot.Host.csproj"));
        var port = project.Descendants("ContainerPort").Single().Attribute("Include")!.Value;
        var dataDir = project.Descendants("ContainerEnvironmentVariable").Single(e => e.Attribute("Include")!.Value == "BudgetBot__DataDir").Attribute("Value")!.Value;
        return (port, dataDir);
    }

    /// <summary>
    /// The arguments to <c>unshare</c> that run the image's entrypoint in its root: a mount and process namespace of its
    /// own with /proc and /dev, the image's user, working directory and environment (with <paramref name="overrides"/>)
    /// and nothing of this process's.
    /// </summary>
    private static List<string> InImage(string root, OciImage image, Dictionary<string, string> overrides, params string[] args)
    {
        var env = new Dictionary<string, string>(image.Env);
        foreach (var (key, value) in overrides)
        {
            env[key] = value;
        }

        return
        [
            "--mount", "--pid", "--fork", "--kill-child", "sh", "-c",
            "root=$1; user=$2; shift 2; mount -t proc proc \"$root/proc\" && mount --rbind /dev \"$root/dev\" && exec chroot --userspec=\"$user:$user\" \"$root\" \"$@\"",
            "sh", root, image.User, "/usr/bin/env", "-i", "-C", image.WorkingDir, .. env.Select(e => $"{e.Key}={e.Value}"), .. image.Entrypoint, .. args,
        ];
    }

    private static async Task<string> Owner(string path)
    {
        var (code, text) = await HostProcess.RunCommandAsync("stat", ["-c", "%u", path], "/", TimeSpan.FromSeconds(10));
        Assert.True(code == 0, text);
        return text.Trim();
    }

    private static Dictionary<string, YamlNode> Map(YamlNode node) => ((YamlMappingNode)node).Children.ToDictionary(c => Text(c.Key), c => c.Value);

    private static List<string> List(YamlNode node) => ((YamlSequenceNode)node).Children.Select(Text).ToList();

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    /// <summary>An OCI image archive as the SDK writes it: an index, a manifest, a configuration and the layers, by digest (the properties are named as the configuration names them).</summary>
    private sealed record OciImage(string User, IReadOnlyList<string> ExposedPorts, IReadOnlyList<string> Volumes, IReadOnlyDictionary<string, string> Env,
        string WorkingDir, IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Layers)
    {
        public static OciImage Open(string archive, string folder)
        {
            // The SDK writes a plain tar whatever the name says; a compressed copy reads too.
            using (var file = File.OpenRead(archive))
            {
                var gzipped = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
                file.Position = 0;
                using var tar = gzipped ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
                TarFile.ExtractToDirectory(tar, folder, overwriteFiles: false);
            }

            string Blob(string digest) => Path.Combine(folder, "blobs", "sha256", digest["sha256:".Length..]);
            JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

            var index = Json(Path.Combine(folder, "index.json"));
            var manifest = Json(Blob(index.GetProperty("manifests")[0].GetProperty("digest").GetString()!));
            var config = Json(Blob(manifest.GetProperty("config").GetProperty("digest").GetString()!)).GetProperty("config");
            IReadOnlyList<string> Keys(string name) => config.TryGetProperty(name, out var o) ? o.EnumerateObject().Select(p => p.Name).ToList() : [];
            return new OciImage(
                config.GetProperty(nameof(User)).GetString() ?? "",
                Keys("ExposedPorts"),
                Keys("Volumes"),
                config.GetProperty(nameof(Env)).EnumerateArray().Select(e => e.GetString()!.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
                config.GetProperty(nameof(WorkingDir)).GetString() ?? "/",
                config.GetProperty(nameof(Entrypoint)).EnumerateArray().Select(e => e.GetString()!).ToList(),
                manifest.GetProperty("layers").EnumerateArray().Select(l => Blob(l.GetProperty("digest").GetString()!)).ToList());
        }
    }
}
