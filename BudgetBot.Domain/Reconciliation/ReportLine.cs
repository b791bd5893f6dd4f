namespace BudgetBot.Domain.Reconciliation;

/// <summary>One line of a report as cells (a tab-separated line, or a spreadsheet row), numbered from 1.</summary>
public sealed record ReportLine(int Number, IReadOnlyList<string> Cells)
{
    public string Text => string.Join(' ', Cells.Where(c => c.Length > 0)).Trim();

    public bool IsBlank => Cells.All(c => c.Trim().Length == 0);

    /// <summary>Splits tab-separated text; the monitoring report is exported from a spreadsheet this way.</summary>
    public static IReadOnlyList<ReportLine> FromTsv(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select((line, i) => new ReportLine(i + 1, line.Split('\t')))
            .ToList();
}
