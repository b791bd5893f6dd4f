using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Budget;

/// <summary>What appending an entry means, for every store alike: each store only finds and keeps rows (<see cref="ILedgerRows"/>).</summary>
public static class LedgerRules
{
    /// <summary>
    /// Appends an entry and moves its project's running figures, as one unit of work. An entry whose message its office
    /// recorded before changes nothing and gives back the first one; a project of another office is unknown; an entry is
    /// reversed at most once, and only by an entry of its own office.
    /// </summary>
    public static AppendOutcome Append(ILedgerRows rows, LedgerEntry draft) => rows.Run(() =>
    {
        if (rows.EntryBySource(draft.OfficeId, draft.SourceKey) is { } seen)
        {
            return new AppendOutcome(AppendStatus.Duplicate, seen, rows.StoredFigures(seen.ProjectId)?.Figures);
        }

        if (rows.StoredFigures(draft.ProjectId) is not var (office, before) || office != draft.OfficeId)
        {
            return new AppendOutcome(AppendStatus.UnknownProject, null, null);
        }

        if (draft.Reverses is { } target)
        {
            if (rows.Entry(target) is not { } reversed || reversed.OfficeId != draft.OfficeId)
            {
                return new AppendOutcome(AppendStatus.UnknownEntry, null, null);
            }

            if (rows.IsReversed(target))
            {
                return new AppendOutcome(AppendStatus.AlreadyReversed, null, null);
            }
        }

        var entry = rows.Insert(draft);
        rows.MoveFigures(office, before, entry);
        return new AppendOutcome(AppendStatus.Applied, entry, before.Apply(entry));
    });
}
