using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Tests;

/// <summary>The shipped demo report (the real FY2566 six-month report), as the tests read it.</summary>
internal static class Seed
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "config", "demo-report-fy2566-h1.txt");

    public static IReadOnlyList<ReportLine> Lines => ReportLine.FromTsv(File.ReadAllText(Path));

    public static ImportResult Analyze(bool acceptRepairs) => ReportImport.Analyze(Lines, acceptRepairs);

    public static string TempDir()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "budgetbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
