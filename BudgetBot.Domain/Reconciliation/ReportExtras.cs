using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>
/// What a report shows under its table besides the figures: every change of allocation in the period and where it came
/// from, what is committed and unpaid at the period's end, what was carried over, money returned, and entries recorded
/// after an earlier report was submitted. Every amount in it is already in the table's figures; these say where from.
/// </summary>
public sealed record ReportExtras
{
    public static readonly ReportExtras None = new();

    public IReadOnlyList<string> Changes { get; init; } = [];

    public IReadOnlyList<string> Commitments { get; init; } = [];

    public IReadOnlyList<string> CarryOver { get; init; } = [];

    public IReadOnlyList<string> Refunds { get; init; } = [];

    public IReadOnlyList<string> Adjustments { get; init; } = [];

    /// <summary>The lines of a report ending <paramref name="periodEnd"/>, from the year's events and ledger.</summary>
    public static ReportExtras Of(IReadOnlyList<Project> projects, IReadOnlyList<BudgetEvent> events, IReadOnlyList<LedgerEntry> ledger, DateOnly periodEnd)
    {
        var numbers = projects.ToDictionary(p => p.Id, p => p.Number);
        string Name(string? id) => id switch
        {
            MoneyPool.Reserve => "เงินสำรอง",
            MoneyPool.Unallocated => "งบโครงการที่ยังไม่จัดสรร",
            YearRevision.FromReport => "รายงานฉบับแก้ไข",
            null => "",
            _ => $"โครงการที่ {numbers.GetValueOrDefault(id)}",
        };

        var inPeriod = events.Where(e => e.Date <= periodEnd).ToList();
        // Looked up for every entry of the year: the few closes, once.
        var closes = events.Where(e => e.Kind == BudgetEventKind.PeriodClosed).ToList();
        var commitments = Budget.Commitments.Of(inPeriod);
        return new ReportExtras
        {
            Changes = [.. inPeriod.Where(e => e.Kind is BudgetEventKind.Transfer or BudgetEventKind.ProjectAdded || (e.Kind == BudgetEventKind.Revised && e.Amount != 0)).Select(e => e.Kind switch
            {
                BudgetEventKind.Transfer => $"- {ThaiDate.Long(e.Date)} โอน {ThaiAmount.Format(e.Amount)} จาก{Name(e.From)} ไป{Name(e.To)}",
                BudgetEventKind.Revised => $"- {ThaiDate.Long(e.Date)} ปรับงบ{Name(e.To)} {(e.Amount > 0 ? "+" : "")}{ThaiAmount.Format(e.Amount)} ตามรายงานฉบับแก้ไข",
                _ => $"- {ThaiDate.Long(e.Date)} เพิ่ม{Name(e.To)} งบ {ThaiAmount.Format(e.Amount)} จาก{Name(e.From)}",
            })],
            Commitments = [.. commitments.All.Where(c => c.Open > 0).Select(c => $"- {Name(c.ProjectId)} เลขที่ {c.Reference} คงค้าง {ThaiAmount.Format(c.Open)}")],
            CarryOver = [.. Budget.Commitments.Of(events).All.Where(c => c.CarriedOver > 0)
                .Select(c => $"- {Name(c.ProjectId)} เลขที่ {c.Reference} กันไว้ {ThaiAmount.Format(c.CarriedOver)} เบิกแล้ว {ThaiAmount.Format(c.CarryOverPaid)}")],
            Refunds = [.. ledger.Where(e => e.Amount < 0 && e.Reverses is null && e.Date <= periodEnd).GroupBy(e => e.ProjectId).OrderBy(g => numbers.GetValueOrDefault(g.Key))
                .Select(g => $"- {Name(g.Key)} {ThaiAmount.Format(-g.Sum(e => e.Amount))} ({g.Count()} รายการ)")],
            Adjustments = [.. ledger.Where(e => e.Date <= periodEnd && ClosedPeriods.IsLate(e, closes))
                .Select(e => $"- รายการที่ {e.Id} {Name(e.ProjectId)} ลงวันที่ {ThaiDate.Long(e.Date)} จำนวน {ThaiAmount.Format(e.Amount)} {e.Note}".TrimEnd())],
        };
    }

    /// <summary>The rows under the table, a heading before each part that has lines.</summary>
    public IEnumerable<LayoutRow> Rows()
    {
        foreach (var (head, lines) in new[]
        {
            ("การเปลี่ยนแปลงงบประมาณระหว่างปี (งบประมาณที่ได้รับจัดสรรในตารางเป็นยอดหลังการเปลี่ยนแปลง)", Changes),
            ("ก่อหนี้ผูกพันคงค้าง ณ สิ้นรอบรายงาน", Commitments),
            ("กันเงินไว้เบิกเหลื่อมปี", CarryOver),
            ("เงินคืน (หักจากยอดเบิกจ่ายแล้ว)", Refunds),
            ($"รายการปรับปรุงหลังส่งรายงานรอบก่อน {Adjustments.Count} รายการ (รวมอยู่ในตัวเลขข้างต้นแล้ว)", Adjustments),
        })
        {
            if (lines.Count == 0)
            {
                continue;
            }

            yield return new LayoutRow(LayoutRowKind.Words, [LayoutCell.Of(head, bold: true)]);
            foreach (var line in lines)
            {
                yield return new LayoutRow(LayoutRowKind.Words, [LayoutCell.Of(line)]);
            }
        }
    }
}
