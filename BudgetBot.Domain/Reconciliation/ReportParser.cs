namespace BudgetBot.Domain.Reconciliation;

/// <summary>Splits a monitoring report into its preamble (everything above the first table header) and its table.</summary>
public static class ReportParser
{
    public static ReportDocument Parse(IReadOnlyList<ReportLine> lines)
    {
        var firstHeader = lines.ToList().FindIndex(TableReader.IsHeader);
        var preambleLines = firstHeader < 0 ? lines : lines.Take(firstHeader);
        var tableLines = firstHeader < 0 ? [] : lines.Skip(firstHeader);

        // Lines between table pages can carry a title again; they are preamble-like but never figures.
        var preamble = PreambleReader.Read(preambleLines);
        var (sections, total) = TableReader.Read(tableLines);
        return new ReportDocument(preamble, sections, total);
    }
}
