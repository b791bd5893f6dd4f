using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>The eleven figures of a report row: allocation, plan and result per quarter, used, remaining.</summary>
public sealed record RowFigures(decimal Allocation, QuarterAmounts Plan, QuarterAmounts Result, decimal Used, decimal Remaining)
{
    public const int Slots = 11;

    public static RowFigures FromSlots(IReadOnlyList<decimal> s) =>
        new(s[0], new QuarterAmounts(s[1], s[3], s[5], s[7]), new QuarterAmounts(s[2], s[4], s[6], s[8]), s[9], s[10]);

    public decimal[] ToSlots() =>
        [Allocation, Plan.Q1, Result.Q1, Plan.Q2, Result.Q2, Plan.Q3, Result.Q3, Plan.Q4, Result.Q4, Used, Remaining];

    public RowFigures Plus(RowFigures o) =>
        new(Allocation + o.Allocation, Plan.Plus(o.Plan), Result.Plus(o.Result), Used + o.Used, Remaining + o.Remaining);

    public static string SlotName(int slot) => slot switch
    {
        0 => "allocation",
        9 => "used",
        10 => "remaining",
        _ => $"Q{(slot + 1) / 2} {(slot % 2 == 1 ? "plan" : "result")}",
    };

    public static string SlotNameThai(int slot) => slot switch
    {
        0 => "งบประมาณที่ได้รับจัดสรร",
        9 => "งบประมาณที่ใช้จริง",
        10 => "เหลือจ่าย",
        _ => $"ไตรมาส {(slot + 1) / 2} {(slot % 2 == 1 ? "แผน" : "ผล")}",
    };
}
