using System.Text.RegularExpressions;

namespace BudgetBot.Tests.Host;

/// <summary>
/// Every shell example of the README and of docs/cli.md that runs on a data dir is run here, in order, as written (only the program is
/// swapped for this build's; the data dir is relative, so it is made in a temporary folder), and must exit 0; where the README shows what an
/// example prints (a <c>text</c> block right after it), each line shown must be in the output.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    /// <summary>The data dir the examples name, relative to the folder they run in.</summary>
    private const string DataDir = "demo-office";

    [Fact]
    public async Task ReadmeExamples_RunOnATempDataDir_AndPrintWhatTheReadmeShows()
    {
        // docs/cli.md goes on from where the README's examples stop, on the same data dir.
        var root = PublishedBuildTests.RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")) + File.ReadAllText(Path.Combine(root, "docs", "cli.md"));
        var work = Seed.TempDir();
        CopyConfig(Path.Combine(work, "config"));
        var ran = 0;
        foreach (var (script, shown) in Examples(readme))
        {
            if (!script.Contains("--data-dir " + DataDir, StringComparison.Ordinal))
            {
                // The service itself, the test command, and the platform and server set-ups (real tokens, sudo): the
                // host, publish and proxy tests start those.
                continue;
            }

            var program = Path.Combine(AppContext.BaseDirectory, "BudgetBot.Host.dll");
            // The examples' data dir is relative, so it lands in this test's own temporary folder.
            var command = script.Replace("dotnet run --project BudgetBot.Host --", $"dotnet \"{program}\"", StringComparison.Ordinal);
            var (code, output) = await HostProcess.RunCommandAsync("bash", ["-eo", "pipefail", "-c", command], work, TimeSpan.FromMinutes(2));
            Assert.True(code == 0, $"exit {code}:\n{script}\n{output}");
            if (shown is not null)
            {
                foreach (var line in shown.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l != "…"))
                {
                    Assert.True(output.Contains(line, StringComparison.Ordinal), $"the README shows\n  {line}\nbut the example printed\n{output}");
                }
            }

            ran++;
        }

        Assert.True(ran >= 4, $"{ran} examples ran");
    }

    private static void CopyConfig(string to)
    {
        var from = Path.Combine(AppContext.BaseDirectory, "config");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// Each <c>sh</c> block, with the <c>text</c> block after it if one follows (what it prints), allowing one line of
    /// prose between them that ends in a colon.
    /// </summary>
    private static IEnumerable<(string Script, string? Shown)> Examples(string readme)
    {
        foreach (Match block in Shell().Matches(readme))
        {
            var after = readme[(block.Index + block.Length)..].TrimStart();
            if (after.Length > 0 && !after.StartsWith("```", StringComparison.Ordinal) && after.IndexOf('\n') is var eol and > 0 && after[..eol].TrimEnd().EndsWith(':'))
            {
                after = after[eol..].TrimStart();
            }

            yield return (block.Groups["sh"].Value, Text().Match(after) is { Success: true, Index: 0 } text ? text.Groups["text"].Value : null);
        }
    }

    [GeneratedRegex("```sh\\n(?<sh>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Shell();

    [GeneratedRegex("```text\\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Text();
}
