using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Conversation;

/// <summary>
/// What a manager reads first about an office or a division: the result against its own plan to date, what is paid
/// and committed of the allocation, the cabinet's target for the quarter when one is known, and the five projects
/// furthest behind. The weekly summary, <c>/report</c>'s reply and the report's page all start with it.
/// </summary>
public sealed record OfficeHeadline(Figures Total, int Quarter, TargetComparison Target, IReadOnlyList<(Project Project, decimal Gap)> Behind)
{
    public const int BehindShown = 5;

    /// <summary>
    /// The headline of <paramref name="projects"/> to the end of <paramref name="quarter"/>; they are operating spending,
    /// so the cabinet's current-expenditure target is the one that applies.
    /// </summary>
    public static OfficeHeadline Of(IReadOnlyCollection<(Project Project, Figures Figures)> projects, int fiscalYear, int quarter, IEnumerable<DisbursementTarget> targets)
    {
        var total = Figures.Sum(projects.Select(x => x.Figures));
        return new OfficeHeadline(total, quarter, TargetComparison.For(total, fiscalYear, quarter, TargetClass.Current, targets),
            BehindPlan.Of(projects, quarter).Take(BehindShown).Select(x => (x.Project, x.Gap)).ToList());
    }

    /// <summary>
    /// The headline of an office's report for <paramref name="round"/>: from the report as submitted when the round was
    /// closed (<paramref name="submitted"/>, which the caller has read already), from the ledger otherwise, counting
    /// nothing after the round's last quarter.
    /// </summary>
    public static OfficeHeadline ForReport(Ports.IBudgetStore budget, string officeId, int fiscalYear, Reconciliation.ReportRound round, SubmittedReport? submitted, IEnumerable<DisbursementTarget> targets)
    {
        var projects = submitted is not null
            ? submitted.Projects.Select(p => (p.Project, p.Figures.Through(round.LastQuarter))).ToList()
            : budget.Projects(officeId, fiscalYear).Select(p => (p, Figures.Of(p, budget.Balance(p.Id)).Through(round.LastQuarter))).ToList();
        return Of(projects, fiscalYear, round.LastQuarter, targets);
    }

    /// <summary>The result as a share of the plan to date.</summary>
    public decimal PercentOfPlan => Figures.Percent(Total.ActualToDate(Quarter), Total.PlanToDate(Quarter));

    public string PlanLine(Say say) => say[
        $"เทียบแผนของหน่วยงานถึงไตรมาส {Quarter}: แผน {Say.Baht(Total.PlanToDate(Quarter))} บาท ผล {Say.Baht(Total.ActualToDate(Quarter))} บาท (ร้อยละ {Say.Rate(PercentOfPlan)} ของแผน)",
        $"Against the office's own plan to Q{Quarter}: plan {Say.Baht(Total.PlanToDate(Quarter))} baht, actual {Say.Baht(Total.ActualToDate(Quarter))} baht ({Say.Percent(PercentOfPlan)} of plan)"];

    public string TargetLine(Say say) => Target.Target is { } t
        ? say[
            $"เทียบเป้าหมายการเบิกจ่ายรายจ่ายประจำของ ครม. ถึงไตรมาส {Quarter}: เบิกจ่ายร้อยละ {Say.Rate(Target.ActualPercent)} ของงบที่ได้รับจัดสรร เป้าหมายร้อยละ {Say.Rate(t.Percent)}",
            $"Against the cabinet's current-expenditure target to Q{Quarter}: {Say.Percent(Target.ActualPercent)} of the allocation paid, target {Say.Percent(t.Percent)}"]
        : say[
            $"เบิกจ่ายร้อยละ {Say.Rate(Target.ActualPercent)} ของงบที่ได้รับจัดสรร (ยังไม่มีเป้าหมายรายจ่ายประจำของ ครม. ไตรมาส {Quarter})",
            $"{Say.Percent(Target.ActualPercent)} of the allocation paid (no cabinet current-expenditure target known for Q{Quarter})"];

    public IReadOnlyList<string> BehindLines(Say say) =>
        Behind.Select(x => say[$"{x.Project.Number}. {x.Project.Name} — ต่ำกว่าแผน {Say.Baht(x.Gap)} บาท", $"{x.Project.Number}. {x.Project.Name} — {Say.Baht(x.Gap)} baht below plan"]).ToList();

    /// <summary>The headline as lines of a message.</summary>
    public IReadOnlyList<string> Lines(Say say)
    {
        var behind = BehindLines(say);
        return [PlanLine(say), ProjectText.Used(say, Total), TargetLine(say), .. behind.Count > 0 ? [say["ต่ำกว่าแผนมากที่สุด:", "Furthest behind plan:"], .. behind] : Array.Empty<string>()];
    }
}
