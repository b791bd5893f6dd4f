namespace BudgetBot.Domain.Budget;

/// <summary>An internal project of one fiscal year, numbered within that year.</summary>
public sealed record Project(string OfficeId, int FiscalYear, int Number, string Name, string DivisionId, decimal Allocation, QuarterAmounts Plan)
{
    public string Id => KeyFor(OfficeId, FiscalYear, Number);

    /// <summary>Person ids of the owners (ผู้รับผิดชอบโครงการ).</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    public string? FundingSource { get; init; }

    public ProjectStatus Status { get; init; } = ProjectStatus.NotStarted;

    public IReadOnlyList<ProgressNote> Notes { get; init; } = [];

    public static string KeyFor(string officeId, int fiscalYear, int number) => $"{officeId}/{fiscalYear}/{number}";

    /// <summary>The office of a project id made by <see cref="KeyFor"/>; null for anything not of that shape.</summary>
    public static string? OfficeOf(string projectId)
    {
        var number = projectId.LastIndexOf('/');
        var year = number > 0 ? projectId.LastIndexOf('/', number - 1) : -1;
        return year > 0 && int.TryParse(projectId.AsSpan(year + 1, number - year - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? projectId[..year]
            : null;
    }
}

public enum ProjectStatus
{
    NotStarted,
    InProgress,
    Done,
    Postponed,
    Cancelled,
}

/// <summary>A dated progress narrative, as the monitoring report's last column.</summary>
public sealed record ProgressNote(DateOnly Date, string Text, string By);
