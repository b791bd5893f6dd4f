using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Tests;

/// <summary>The shipped demo report (the real FY2566 six-month report), as the tests read it.</summary>
internal static class Seed
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "config", "demo-report-fy2566-h1.txt");

    public static IReadOnlyList<ReportLine> Lines => ReportLine.FromTsv(File.ReadAllText(Path));

    public static ImportResult Analyze(bool acceptRepairs) => ReportImport.Analyze(Lines, acceptRepairs);

    /// <summary>FY2567 for the demo office as its next year's report would bring it: the same projects, allocations and plans, nothing spent.</summary>
    public static BudgetBot.Domain.Ports.BudgetSnapshot NextYear()
    {
        var last = Analyze(acceptRepairs: true).ToSnapshot(Storage.StoreFixture.At, "seed");
        return last with
        {
            SourceId = "fy2567",
            Year = new BudgetBot.Domain.Budget.FiscalYearBudget(last.Year.OfficeId, 2567) { Rounds = last.Year.Rounds, Envelopes = last.Year.Envelopes },
            Projects = [.. last.Projects.Select(p => new BudgetBot.Domain.Budget.Project(p.OfficeId, 2567, p.Number, p.Name, p.DivisionId, p.Allocation, p.Plan))],
            Entries = [],
        };
    }

    /// <summary>
    /// Imports the demo report into <paramref name="dataDir"/> with the <c>import</c> verb, as an office does before it
    /// configures a platform (outside demo mode the host never loads demo data itself). Does nothing when the dir has data.
    /// </summary>
    public static string WithOffice(string dataDir)
    {
        if (!File.Exists(System.IO.Path.Combine(dataDir, "budgetbot.db")))
        {
            var output = new StringWriter();
            var code = BudgetBot.Host.Cli.CliVerbs.Run(["import", Path, "--accept-repairs", "--data-dir", dataDir], output, output);
            Assert.True(code == 0, output.ToString());
        }

        return dataDir;
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Made = Cleanup();

    /// <summary>A fresh folder under the temp dir, removed when the test run ends.</summary>
    public static string TempDir()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "budgetbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        Made.Add(dir);
        return dir;
    }

    private static System.Collections.Concurrent.ConcurrentBag<string> Cleanup()
    {
        // The test host may be stopped before its exit handler has removed everything (a run leaves some 500 MB, and
        // runs add up until the disk is full): folders untouched for half a day are an earlier run's, removed now.
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "budgetbot-tests");
        foreach (var old in Directory.Exists(root) ? Directory.GetDirectories(root) : [])
        {
            if (Directory.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddHours(-12))
            {
                Delete(old);
            }
        }

        var made = new System.Collections.Concurrent.ConcurrentBag<string>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var dir in made)
            {
                Delete(dir);
            }
        };
        return made;
    }

    private static void Delete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file, or a test's disk is still mounted there; the next run tries again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
