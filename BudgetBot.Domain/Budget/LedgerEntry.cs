using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Budget;

/// <summary>
/// One append-only ledger line: money used by a project on a date, by whom, and from which chat message.
/// A correction is a new entry with the opposite amount whose <see cref="Reverses"/> points at the entry it cancels.
/// </summary>
public sealed record LedgerEntry(
    long Id,
    string OfficeId,
    string ProjectId,
    decimal Amount,
    DateOnly Date,
    string Note,
    string By,
    string SourceKey,
    DateTimeOffset RecordedAt,
    long? Reverses = null)
{
    public int Quarter => FiscalCalendar.Quarter(Date);

    /// <summary>The expense category auditors ask for (ค่าตอบแทน, ค่าใช้สอย, ค่าวัสดุ …), when the person gave one.</summary>
    public string? Category { get; init; }

    /// <summary>The document the payment rests on (เลขที่ฎีกา, เลขที่สัญญา), as written.</summary>
    public string? Document { get; init; }
}

/// <summary>Running figures of one project, kept with every append so a balance never reads the ledger.</summary>
public sealed record ProjectBalance(string ProjectId, QuarterAmounts Actual, int Entries, long LastEntryId)
{
    public static ProjectBalance Empty(string projectId) => new(projectId, QuarterAmounts.Zero, 0, 0);

    public ProjectBalance Apply(LedgerEntry entry) =>
        new(ProjectId, Actual.Add(entry.Quarter, entry.Amount), Entries + 1, entry.Id);
}
