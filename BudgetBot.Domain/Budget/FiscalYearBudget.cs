using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Budget;

/// <summary>One office's fiscal year: the allocation rounds it received and how it split them into envelopes.</summary>
public sealed record FiscalYearBudget(string OfficeId, int FiscalYear)
{
    public IReadOnlyList<AllocationRound> Rounds { get; init; } = [];

    public IReadOnlyList<Envelope> Envelopes { get; init; } = [];

    /// <summary>What the import found in the report (kept with the year so the export can list it).</summary>
    public IReadOnlyList<ImportNote> Findings { get; init; } = [];

    /// <summary>The used total printed on the imported report's total row, to compare the export's total with.</summary>
    public decimal? ReportedUsed { get; init; }

    /// <summary>The date an imported report's figures stand at (its period's end, such as 31 มีนาคม 2566).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// The date answers about this year are framed by: today while the year runs; otherwise the imported report's
    /// date, or the year's last day once it has ended. A finished or imported year is never read against today's clock.
    /// </summary>
    public DateOnly AnswerDate(DateOnly today) =>
        FiscalCalendar.Contains(FiscalYear, today) ? today
        : today < FiscalCalendar.FiscalYearStart(FiscalYear) ? FiscalCalendar.FiscalYearStart(FiscalYear)
        : AsOf ?? FiscalCalendar.FiscalYearEnd(FiscalYear);

    public string Id => KeyFor(OfficeId, FiscalYear);

    public decimal Received => Rounds.Sum(r => r.Amount);

    public decimal EnvelopeAmount(EnvelopeKind kind) => Envelopes.Where(e => e.Kind == kind).Sum(e => e.Amount);

    public static string KeyFor(string officeId, int fiscalYear) => $"{officeId}/{fiscalYear}";
}

/// <summary>One finding of an import, as the planning officer reads it.</summary>
public sealed record ImportNote(int? Project, string Check, string Text);

/// <summary>An allocation announced by an official letter; the letter's raw text is kept as written.</summary>
public sealed record AllocationRound(int Number, decimal Amount, LetterRef? Letter);

public enum EnvelopeKind
{
    Recurring,
    Reserve,
    Projects,
}

/// <summary>A share of the year's money: the recurring envelope (งบประจำ), the emergency reserve, or the projects' envelope.</summary>
public sealed record Envelope(EnvelopeKind Kind, decimal Amount, string Label)
{
    /// <summary>Declared parts, such as the recurring envelope's Q1–2 and Q3–4 instalments.</summary>
    public IReadOnlyList<EnvelopePart> Parts { get; init; } = [];
}

public sealed record EnvelopePart(string Label, decimal Amount);
