using System.Net;

namespace BudgetBot.Tests.Host;

/// <summary>
/// The build an operator installs: <c>dotnet publish</c> for linux-x64, framework-dependent, as docs/operations.md says,
/// from a copy of the sources (so the running tests' own build is left alone), then started the way the systemd unit
/// starts it.
/// </summary>
public sealed class PublishedBuildTests
{
    [Fact]
    public async Task PublishedBuild_PrintsItsVersion_AndRunsAsAService_HealthyAndReady()
    {
        var output = Path.Combine(Seed.TempDir(), "budgetbot");
        var published = await Publish(output);
        Assert.True(published.Code == 0, published.Text);

        // Only linux-x64's native libraries, next to the program; no other platform's.
        Assert.False(Directory.Exists(Path.Combine(output, "runtimes")), "no runtimes/ folder for other platforms");
        Assert.True(File.Exists(Path.Combine(output, "libSkiaSharp.so")));
        Assert.Empty(Directory.GetFiles(output, "*.dylib"));
        Assert.True(File.Exists(Path.Combine(output, "config", "appsettings.json")));

        var program = Path.Combine(output, "BudgetBot.Host.dll");
        var version = await HostProcess.RunToExitAsync(program, new Dictionary<string, string>(), "--version");
        Assert.Equal(0, version.Code);
        Assert.StartsWith($"BudgetBot {BudgetBot.Host.Cli.CliVerbs.Version.Split('+')[0]}", version.Output, StringComparison.Ordinal);

        var data = Path.Combine(Seed.TempDir(), "var-lib-budgetbot");
        await using var service = await HostProcess.StartAsync(data, null, output, ["--data-dir", data], program);
        using var client = new HttpClient { BaseAddress = service.Url };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.True(File.Exists(Path.Combine(data, "budgetbot.db")));
    }

    private static async Task<(int Code, string Text)> Publish(string output)
    {
        var sources = Directory.CreateDirectory(Path.Combine(Seed.TempDir(), "src")).FullName;
        var root = RepositoryRoot();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            File.Copy(Path.Combine(root, file), Path.Combine(sources, file));
        }

        foreach (var dir in new[] { "BudgetBot.Domain", "BudgetBot.Host", "config" })
        {
            Copy(Path.Combine(root, dir), Path.Combine(sources, dir));
        }

        return await HostProcess.RunCommandAsync("dotnet",
            ["publish", "BudgetBot.Host", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", output], sources, TimeSpan.FromMinutes(5));
    }

    /// <summary>The clone's root, found upwards from the test binaries by its solution file.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BudgetBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BudgetBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
