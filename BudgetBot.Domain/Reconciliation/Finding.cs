namespace BudgetBot.Domain.Reconciliation;

/// <summary>
/// One inconsistency: where it is (<see cref="Row"/> is the project number, null for the report as a whole),
/// which check failed, the figures that disagree and, when exactly one reading fixes it, that reading.
/// Text checks (names, years) carry their values in <see cref="ExpectedText"/> and <see cref="ActualText"/>.
/// </summary>
public sealed record Finding(int? Row, int Line, string Check, string Message)
{
    /// <summary>The same in Thai, for the planning officer; <see cref="Message"/> is the English.</summary>
    public string MessageTh { get; init; } = "";

    public decimal? Expected { get; init; }

    public decimal? Actual { get; init; }

    public decimal? Difference => Expected is { } e && Actual is { } a ? a - e : null;

    public string? ExpectedText { get; init; }

    public string? ActualText { get; init; }

    public Repair? Repair { get; init; }
}

/// <summary>A proposed reading of a row: the cells it changes, and the row's figures after it.</summary>
public sealed record Repair(string Description, RowFigures Figures)
{
    public string DescriptionTh { get; init; } = "";
}
