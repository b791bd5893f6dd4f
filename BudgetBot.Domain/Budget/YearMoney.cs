namespace BudgetBot.Domain.Budget;

/// <summary>
/// What a year holds besides its projects' allocations: the reserve left after transfers out of it, and the projects
/// envelope's money no project has been given yet. A fold of the year, its projects and its events.
/// </summary>
public sealed record YearMoney(decimal ProjectsEnvelope, decimal Allocated, decimal Reserve, decimal TakenFromReserve)
{
    /// <summary>Money of the projects envelope given to no project (negative when an import's projects exceed it).</summary>
    public decimal Unallocated => ProjectsEnvelope - Allocated;

    public decimal ReserveLeft => Reserve - TakenFromReserve;

    /// <summary>What a pool can still give.</summary>
    public decimal Left(string pool) => pool == MoneyPool.Reserve ? ReserveLeft : Unallocated;

    /// <remarks>
    /// Money moved out of the reserve raises a project's allocation, so it counts in <see cref="Allocated"/>; it is taken
    /// out of the allocated sum again here, or it would look like money the projects envelope gave.
    /// </remarks>
    public static YearMoney Of(FiscalYearBudget year, IEnumerable<Project> projects, IEnumerable<BudgetEvent> events)
    {
        var fromReserve = events.Where(e => e.Kind == BudgetEventKind.Transfer && e.From == MoneyPool.Reserve).Sum(e => e.Amount);
        return new YearMoney(year.EnvelopeAmount(EnvelopeKind.Projects), projects.Sum(p => p.Allocation) - fromReserve, year.EnvelopeAmount(EnvelopeKind.Reserve), fromReserve);
    }
}
