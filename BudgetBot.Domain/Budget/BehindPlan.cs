namespace BudgetBot.Domain.Budget;

/// <summary>
/// The one meaning of "behind plan" that reminders, <c>/lagging</c>, summaries and charts share: the cumulative plan to
/// the end of a quarter is above the cumulative result, the project is still running, and it has money left to spend
/// (a project that has used its whole allocation has nothing left to report, whatever its quarter plan says).
/// </summary>
public static class BehindPlan
{
    /// <summary>How far the result to the end of <paramref name="quarter"/> is below the plan to then; 0 or less when not behind.</summary>
    public static decimal Gap(Figures figures, int quarter) => figures.PlanToDate(quarter) - figures.ActualToDate(quarter);

    public static bool Running(Project project) =>
        project.Status is not (ProjectStatus.Done or ProjectStatus.Cancelled or ProjectStatus.Postponed);

    public static bool IsBehind(Project project, Figures figures, int quarter) =>
        Running(project) && figures.Remaining > 0 && Gap(figures, quarter) > 0;

    /// <summary>The projects behind plan to the end of <paramref name="quarter"/>, furthest behind first.</summary>
    public static List<(Project Project, Figures Figures, decimal Gap)> Of(IEnumerable<(Project Project, Figures Figures)> projects, int quarter) =>
        projects.Where(x => IsBehind(x.Project, x.Figures, quarter))
            .Select(x => (x.Project, x.Figures, Gap: Gap(x.Figures, quarter)))
            .OrderByDescending(x => x.Gap)
            .ThenBy(x => x.Project.Number)
            .ToList();
}
