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
        void Check(string check, decimal expected, decimal actual, string message, string thai)
        {
            if (expected != actual)
            {
                findings.Add(new Finding(row.Number, row.Line, check, message) { Expected = expected, Actual = actual, MessageTh = thai });
            }
        }

        string N(decimal d) => ThaiAmount.FormatNumber(d);
        Check("plan-total", f.Allocation, f.Plan.Total,
            $"plans of the four quarters add up to {N(f.Plan.Total)}, the allocation is {N(f.Allocation)}",
            $"แผนสี่ไตรมาสรวมได้ {N(f.Plan.Total)} แต่งบประมาณที่ได้รับจัดสรรคือ {N(f.Allocation)}");
        Check("result-total", f.Used, f.Result.Total,
            $"results of the four quarters add up to {N(f.Result.Total)}, used says {N(f.Used)}",
            $"ผลสี่ไตรมาสรวมได้ {N(f.Result.Total)} แต่ช่องงบประมาณที่ใช้จริงคือ {N(f.Used)}");
        Check("remaining", f.Allocation - f.Used, f.Remaining,
            $"allocation minus used is {N(f.Allocation - f.Used)}, remaining says {N(f.Remaining)}",
            $"งบจัดสรรลบที่ใช้จริงได้ {N(f.Allocation - f.Used)} แต่ช่องเหลือจ่ายคือ {N(f.Remaining)}");
        for (var q = lastQuarter + 1; q <= 4; q++)
        {
            Check("result-after-period", 0m, f.Result[q], $"a Q{q} result of {N(f.Result[q])} is after the report period",
                $"มีผลไตรมาส {q} จำนวน {N(f.Result[q])} ซึ่งอยู่หลังรอบรายงาน");
        }

        foreach (var (value, slot) in f.ToSlots().Select((v, i) => (v, i)).Where(x => x.v < 0))
        {
            Check("negative", 0m, value, $"{RowFigures.SlotName(slot)} is negative", $"ช่อง{RowFigures.SlotNameThai(slot)}ติดลบ");
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
                findings.Add(new Finding(row.Number, row.Line, "missing-cell", $"the {RowFigures.SlotName(i)} cell is empty")
                {
                    MessageTh = $"ช่อง{RowFigures.SlotNameThai(i)}ว่าง",
                });
            }
        }

        if (row.FigureCells.Count < RowFigures.Slots)
        {
            findings.Add(new Finding(row.Number, row.Line, "missing-cell",
                $"{RowFigures.Slots - row.FigureCells.Count} figure cell(s) missing at the end of the row")
            { Expected = RowFigures.Slots, Actual = row.FigureCells.Count, MessageTh = $"ท้ายแถวขาดช่องตัวเลข {RowFigures.Slots - row.FigureCells.Count} ช่อง" });
        }
        else if (row.FigureCells.Count > RowFigures.Slots)
        {
            findings.Add(new Finding(row.Number, row.Line, "extra-cell",
                $"the row has {row.FigureCells.Count} figure cells where the table has {RowFigures.Slots}: its cells are shifted")
            { Expected = RowFigures.Slots, Actual = row.FigureCells.Count, MessageTh = $"แถวนี้มีช่องตัวเลข {row.FigureCells.Count} ช่อง แต่ตารางมี {RowFigures.Slots} ช่อง ตัวเลขจึงเลื่อนช่อง" });
        }

        return findings;
    }
}
