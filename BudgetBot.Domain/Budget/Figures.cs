namespace BudgetBot.Domain.Budget;

/// <summary>Plan and actual of a project, a division or an office; every derived figure comes from these three.</summary>
public sealed record Figures(decimal Allocation, QuarterAmounts Plan, QuarterAmounts Actual)
{
    public static readonly Figures Zero = new(0, QuarterAmounts.Zero, QuarterAmounts.Zero);

    /// <summary>Open commitments: signed contracts and orders not yet paid (ก่อหนี้ผูกพัน).</summary>
    public decimal Committed { get; init; }

    /// <summary>Moved to the carry-over line at year end (กันเงินเหลื่อมปี), paid or not.</summary>
    public decimal CarriedOver { get; init; }

    /// <summary>What of the carry-over was paid after the year's end.</summary>
    public decimal CarryOverPaid { get; init; }

    /// <summary>Paid (เบิกจ่าย): what cabinet disbursement targets count.</summary>
    public decimal Used => Actual.Total;

    public decimal Remaining => Allocation - Used;

    /// <summary>What can still be spent or committed: the allocation less what is paid and what is committed.</summary>
    public decimal Available => Allocation - Used - Committed - CarriedOver;

    /// <summary>Paid and committed (ใช้จ่าย) as a percent of the allocation: what managers watch besides the paid rate.</summary>
    public decimal PercentUsedOrCommitted => Percent(Used + Committed + CarriedOver, Allocation);

    /// <summary>Percent of the allocation used, rounded to two decimals; 0 when nothing was allocated.</summary>
    public decimal PercentUsed => Percent(Used, Allocation);

    public decimal PlanToDate(int quarter) => Plan.ToDate(quarter);

    public decimal ActualToDate(int quarter) => Actual.ToDate(quarter);

    /// <summary>Actual to date as a percent of the allocation: the disbursement rate compared with targets.</summary>
    public decimal DisbursedPercentToDate(int quarter) => Percent(ActualToDate(quarter), Allocation);

    /// <summary>The figures a report of the year up to <paramref name="lastQuarter"/> shows: results after it are not part of it.</summary>
    public Figures Through(int lastQuarter) =>
        this with { Actual = new QuarterAmounts(Actual.Q1, lastQuarter >= 2 ? Actual.Q2 : 0, lastQuarter >= 3 ? Actual.Q3 : 0, lastQuarter >= 4 ? Actual.Q4 : 0) };

    public Figures Plus(Figures other) => new(Allocation + other.Allocation, Plan.Plus(other.Plan), Actual.Plus(other.Actual)) { Committed = Committed + other.Committed, CarriedOver = CarriedOver + other.CarriedOver, CarryOverPaid = CarryOverPaid + other.CarryOverPaid };

    public static Figures Sum(IEnumerable<Figures> parts) => parts.Aggregate(Zero, (a, b) => a.Plus(b));

    public static Figures Of(Project project, ProjectBalance balance) => new(project.Allocation, project.Plan, balance.Actual);

    public static decimal Percent(decimal part, decimal whole) => whole == 0 ? 0 : decimal.Round(part / whole * 100, 2, MidpointRounding.AwayFromZero);
}
