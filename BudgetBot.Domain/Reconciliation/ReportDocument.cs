using BudgetBot.Domain.Budget;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>What a monitoring report says, before any check: its preamble facts and its table.</summary>
public sealed record ReportDocument(ReportPreamble Preamble, IReadOnlyList<ReportSection> Sections, ReportRow? TotalRow)
{
    public IEnumerable<ReportRow> Rows => Sections.SelectMany(s => s.Rows);
}

/// <summary>A division heading such as <c>กลุ่มอำนวยการ 4 โครงการ</c> and the rows under it.</summary>
public sealed record ReportSection(int Line, string Name, int? DeclaredCount, IReadOnlyList<ReportRow> Rows);

/// <summary>
/// A table row as written: the figure cells between the name and the progress text, blanks kept,
/// so a shifted or missing cell stays visible.
/// </summary>
public sealed record ReportRow(int Line, int? Number, string Name, IReadOnlyList<string> FigureCells, string Progress);

public sealed record Mention<T>(int Line, T Value);

public sealed record ReportPreamble
{
    public IReadOnlyList<Mention<string>> OfficeNames { get; init; } = [];

    public IReadOnlyList<Mention<int>> FiscalYears { get; init; } = [];

    public DateOnly? PeriodStart { get; init; }

    public DateOnly? PeriodEnd { get; init; }

    public IReadOnlyList<Mention<AllocationRound>> Rounds { get; init; } = [];

    /// <summary>Amounts in words next to round amounts, such as <c>(สามล้านบาทถ้วน)</c>.</summary>
    public IReadOnlyList<Mention<(decimal Amount, string Words)>> AmountWords { get; init; } = [];

    /// <summary>Rounds stated a second time (the summary lists them again).</summary>
    public IReadOnlyList<Mention<AllocationRound>> RestatedRounds { get; init; } = [];

    public Mention<decimal>? DeclaredTotal { get; init; }

    public IReadOnlyList<Mention<Envelope>> Envelopes { get; init; } = [];
}
