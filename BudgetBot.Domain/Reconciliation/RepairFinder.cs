using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>
/// Looks for the one reading of a malformed row that makes all its checks pass: one extra cell dropped, a value
/// moved into a neighbouring blank, or one figure corrected. Where several readings pass, the ones that put no
/// quarter's result above that quarter's plan are preferred; a repair is offered only when a single reading remains.
/// </summary>
public static class RepairFinder
{
    public static Repair? Find(ReportRow row, RowFigures literal, int lastQuarter)
    {
        var passing = Candidates(row, literal)
            .Where(c => RowChecks.Arithmetic(row, c, lastQuarter).Count == 0)
            .Distinct()
            .ToList();
        if (passing.Count > 1)
        {
            var best = passing.Min(Implausibility);
            passing = passing.Where(c => Implausibility(c) == best).ToList();
        }

        return passing.Count == 1
            ? new Repair(Describe(row, literal, passing[0], RowFigures.SlotName, "(blank)"), passing[0]) { DescriptionTh = Describe(row, literal, passing[0], RowFigures.SlotNameThai, "(ว่าง)") }
            : null;
    }

    private static int Implausibility(RowFigures f) => Enumerable.Range(1, 4).Count(q => f.Result[q] > f.Plan[q]);

    private static IEnumerable<RowFigures> Candidates(ReportRow row, RowFigures literal)
    {
        var cells = row.FigureCells;
        if (cells.Count > RowFigures.Slots)
        {
            for (var drop = 1; drop < cells.Count; drop++)
            {
                yield return Read(cells.Where((_, i) => i != drop).ToList());
            }
        }

        for (var i = 0; i < Math.Min(cells.Count, RowFigures.Slots); i++)
        {
            if (!Cells.IsBlank(cells[i]))
            {
                continue;
            }

            foreach (var from in new[] { i - 1, i + 1 })
            {
                if (from >= 0 && from < cells.Count && !Cells.IsBlank(cells[from]))
                {
                    var moved = cells.ToList();
                    (moved[i], moved[from]) = (moved[from], "");
                    yield return Read(moved);
                }
            }
        }

        // One figure corrected to whatever closes one of the row's sums.
        var slots = literal.ToSlots();
        var f = literal;
        var fixes = new List<(int Slot, decimal Value)>
        {
            (0, f.Plan.Total), (0, f.Used + f.Remaining),
            (9, f.Result.Total), (9, f.Allocation - f.Remaining),
            (10, f.Allocation - f.Used),
        };
        for (var q = 1; q <= 4; q++)
        {
            fixes.Add((2 * q - 1, f.Plan[q] + f.Allocation - f.Plan.Total));
            fixes.Add((2 * q, f.Result[q] + f.Used - f.Result.Total));
        }

        foreach (var (slot, value) in fixes.Where(x => x.Value >= 0 && x.Value != slots[x.Slot]))
        {
            var changed = slots.ToArray();
            changed[slot] = value;
            yield return RowFigures.FromSlots(changed);
        }
    }

    private static RowFigures Read(IReadOnlyList<string> cells) =>
        RowFigures.FromSlots(Enumerable.Range(0, RowFigures.Slots)
            .Select(i => i < cells.Count ? Cells.Value(cells[i]) : 0m)
            .ToList());

    private static string Describe(ReportRow row, RowFigures from, RowFigures to, Func<int, string> slotName, string blank)
    {
        var a = from.ToSlots();
        var b = to.ToSlots();
        string Was(int i) => i < row.FigureCells.Count && Cells.IsBlank(row.FigureCells[i]) ? blank : ThaiAmount.FormatNumber(a[i]);
        return string.Join("; ", Enumerable.Range(0, RowFigures.Slots)
            .Where(i => a[i] != b[i])
            .Select(i => $"{slotName(i)} {Was(i)} → {ThaiAmount.FormatNumber(b[i])}"));
    }
}
