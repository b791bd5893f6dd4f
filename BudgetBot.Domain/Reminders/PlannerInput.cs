using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Reminders;

/// <summary>Everything the planner looks at for one office and one fiscal year; it reads nothing else.</summary>
public sealed record PlannerInput(
    Office Office,
    int FiscalYear,
    IReadOnlyList<(Project Project, Figures Figures)> Projects,
    IReadOnlyList<Division> Divisions,
    IReadOnlyList<Person> People,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<DisbursementTarget> Targets,
    WorkingDays WorkingDays,
    ReminderSettings Settings,
    TimeZoneInfo Zone);
