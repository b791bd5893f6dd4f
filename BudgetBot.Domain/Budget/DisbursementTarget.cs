namespace BudgetBot.Domain.Budget;

/// <summary>Cabinet target classes: overall (ภาพรวม), current (รายจ่ายประจำ), investment (รายจ่ายลงทุน).</summary>
public enum TargetClass
{
    Overall,
    Current,
    Investment,
}

/// <summary>A cumulative disbursement target at the end of a quarter, with where it comes from and whether that was checked.</summary>
public sealed record DisbursementTarget(int FiscalYear, int Quarter, TargetClass Class, decimal Percent, string Source, bool Verified);

/// <summary>Actual disbursement to the end of a quarter against the target in force, when one is known.</summary>
public sealed record TargetComparison(int Quarter, decimal ActualPercent, DisbursementTarget? Target)
{
    public decimal? Gap => Target is null ? null : ActualPercent - Target.Percent;

    public static TargetComparison For(Figures figures, int fiscalYear, int quarter, TargetClass targetClass, IEnumerable<DisbursementTarget> targets) =>
        new(quarter, figures.DisbursedPercentToDate(quarter),
            targets.FirstOrDefault(t => t.FiscalYear == fiscalYear && t.Quarter == quarter && t.Class == targetClass));
}
