using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>The arithmetic every project row must satisfy, and the shape its cells must have.</summary>
public static class RowChecks
{
    /// <summary>Positional reading of the figure cells: what the file says, blanks as zero, extra cells ignored.</summary>
    public static RowFigures Literal(ReportRow row) =>
        RowFigures.FromSlots(Enumerable.Range(0, RowFigures.Slots)
            .Select(i => i < row.FigureCells.Count ? Cells.Value(row.FigureCells[i]) : 0m)
            .ToList());

    /// <summary>Arithmetic findings of one reading; <paramref name="lastQuarter"/> is the report period's last quarter.</summary>
    public static List<Finding> Arithmetic(ReportRow row, RowFigures f, int lastQuarter)
    {
        var findings = new List<Finding>();
        void Check(string check, decimal expected, decimal actual, string message)
        {
            if (expected != actual)
            {
                findings.Add(new Finding(row.Number, row.Line, check, message) { Expected = expected, Actual = actual });
            }
        }

        Check("plan-total", f.Allocation, f.Plan.Total,
            $"plans of the four quarters add up to {ThaiAmount.FormatNumber(f.Plan.Total)}, the allocation is {ThaiAmount.FormatNumber(f.Allocation)}");
        Check("result-total", f.Used, f.Result.Total,
            $"results of the four quarters add up to {ThaiAmount.FormatNumber(f.Result.Total)}, used says {ThaiAmount.FormatNumber(f.Used)}");
        Check("remaining", f.Allocation - f.Used, f.Remaining,
            $"allocation minus used is {ThaiAmount.FormatNumber(f.Allocation - f.Used)}, remaining says {ThaiAmount.FormatNumber(f.Remaining)}");
        for (var q = lastQuarter + 1; q <= 4; q++)
        {
            Check("result-after-period", 0m, f.Result[q], $"a Q{q} result of {ThaiAmount.FormatNumber(f.Result[q])} is after the report period");
        }

        foreach (var (value, slot) in f.ToSlots().Select((v, i) => (v, i)).Where(x => x.v < 0))
        {
            Check("negative", 0m, value, $"{RowFigures.SlotName(slot)} is negative");
        }

        return findings;
    }

    /// <summary>Blank figure cells and cells beyond the eleven figure columns.</summary>
    public static List<Finding> Shape(ReportRow row)
    {
        var findings = new List<Finding>();
        for (var i = 0; i < Math.Min(row.FigureCells.Count, RowFigures.Slots); i++)
        {
            if (Cells.IsBlank(row.FigureCells[i]))
            {
                findings.Add(new Finding(row.Number, row.Line, "missing-cell", $"the {RowFigures.SlotName(i)} cell is empty"));
            }
        }

        if (row.FigureCells.Count < RowFigures.Slots)
        {
            findings.Add(new Finding(row.Number, row.Line, "missing-cell",
                $"{RowFigures.Slots - row.FigureCells.Count} figure cell(s) missing at the end of the row")
            { Expected = RowFigures.Slots, Actual = row.FigureCells.Count });
        }
        else if (row.FigureCells.Count > RowFigures.Slots)
        {
            findings.Add(new Finding(row.Number, row.Line, "extra-cell",
                $"the row has {row.FigureCells.Count} figure cells where the table has {RowFigures.Slots}: its cells are shifted")
            { Expected = RowFigures.Slots, Actual = row.FigureCells.Count });
        }

        return findings;
    }
}
