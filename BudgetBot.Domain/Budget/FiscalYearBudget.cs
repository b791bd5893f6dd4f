using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Budget;

/// <summary>One office's fiscal year: the allocation rounds it received and how it split them into envelopes.</summary>
public sealed record FiscalYearBudget(string OfficeId, int FiscalYear)
{
    public IReadOnlyList<AllocationRound> Rounds { get; init; } = [];

    public IReadOnlyList<Envelope> Envelopes { get; init; } = [];

    public string Id => KeyFor(OfficeId, FiscalYear);

    public decimal Received => Rounds.Sum(r => r.Amount);

    public decimal EnvelopeAmount(EnvelopeKind kind) => Envelopes.Where(e => e.Kind == kind).Sum(e => e.Amount);

    public static string KeyFor(string officeId, int fiscalYear) => $"{officeId}/{fiscalYear}";
}

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
