using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Budget;

/// <summary>
/// What recording a change to a year's money means, for every store alike: the event is kept once per message and
/// office, and the running figures it moves (the year's rounds and envelopes, projects' allocations) move with it, in
/// one unit of work.
/// </summary>
public static class BudgetRules
{
    /// <summary>A further allocation letter: the next round number, the year's total and one envelope grow.</summary>
    public static BudgetOutcome Round(IBudgetStore store, BudgetEvent draft) => Once(store, draft, () =>
    {
        if (store.FiscalYear(draft.OfficeId, draft.FiscalYear) is not { } year || draft.Round is null)
        {
            return new BudgetOutcome(BudgetStatus.UnknownYear, null);
        }

        var round = draft.Round with { Number = year.Rounds.Count == 0 ? 1 : year.Rounds.Max(r => r.Number) + 1, Amount = draft.Amount };
        var kind = draft.Envelope ?? EnvelopeKind.Projects;
        var envelopes = year.Envelopes.Any(e => e.Kind == kind)
            ? year.Envelopes.Select(e => e.Kind == kind ? e with { Amount = e.Amount + draft.Amount } : e).ToList()
            : [.. year.Envelopes, new Envelope(kind, draft.Amount, EnvelopeLabel(kind))];
        store.SaveYear(year with { Rounds = [.. year.Rounds, round], Envelopes = envelopes });
        var recorded = draft with { Round = round, Envelope = kind };
        store.AddBudgetEvent(recorded);
        return new BudgetOutcome(BudgetStatus.Applied, recorded);
    });

    /// <summary>
    /// Moves allocation to a project from another project of the same year, the reserve or unallocated money. A source
    /// never gives more than it has left: a project what it has neither paid nor committed, a pool what it still holds.
    /// </summary>
    public static BudgetOutcome Transfer(IBudgetStore store, BudgetEvent draft) => Once(store, draft, () =>
    {
        var check = CheckTransfer(store, draft);
        if (check.Status != BudgetStatus.Applied)
        {
            return check;
        }

        if (draft.From is { } from && !MoneyPool.IsPool(from) && store.Project(from) is { } source)
        {
            store.SaveProject(source with { Allocation = source.Allocation - draft.Amount });
        }

        var target = store.Project(draft.To!)!;
        store.SaveProject(target with { Allocation = target.Allocation + draft.Amount });
        store.AddBudgetEvent(draft);
        return check with { Event = draft, Left = check.Left - draft.Amount };
    });

    /// <summary>Whether a transfer could be made now, without making it: Applied with what the source has left, or why not.</summary>
    public static BudgetOutcome CheckTransfer(IBudgetStore store, BudgetEvent draft)
    {
        if (store.FiscalYear(draft.OfficeId, draft.FiscalYear) is not { } year)
        {
            return new BudgetOutcome(BudgetStatus.UnknownYear, null);
        }

        var target = OfYear(store.Project(draft.To ?? ""), draft);
        var source = draft.From is { } from && !MoneyPool.IsPool(from) ? OfYear(store.Project(from), draft) : null;
        if (target is null || (source is null && !MoneyPool.IsPool(draft.From ?? "")))
        {
            return new BudgetOutcome(BudgetStatus.UnknownProject, null);
        }

        if (source?.Id == target.Id)
        {
            return new BudgetOutcome(BudgetStatus.SameProject, null);
        }

        var events = store.BudgetEvents(draft.OfficeId, draft.FiscalYear);
        var left = source is null
            ? YearMoney.Of(year, store.Projects(draft.OfficeId, draft.FiscalYear), events).Left(draft.From!)
            : source.Allocation - store.Balance(source.Id).Actual.Total - Commitments.Of(events).HeldFor(source.Id);
        return left < draft.Amount ? new BudgetOutcome(BudgetStatus.NotEnough, null, Math.Max(left, 0)) : new BudgetOutcome(BudgetStatus.Applied, null, left);
    }

    /// <summary>
    /// A project approved mid-year: the year's next number, in its division, its allocation taken from the projects
    /// envelope's unallocated money (never more than there is).
    /// </summary>
    public static BudgetOutcome AddProject(IBudgetStore store, BudgetEvent draft, Project project) => Once(store, draft, () =>
    {
        if (store.FiscalYear(draft.OfficeId, draft.FiscalYear) is not { } year)
        {
            return new BudgetOutcome(BudgetStatus.UnknownYear, null);
        }

        var projects = store.Projects(draft.OfficeId, draft.FiscalYear);
        var left = YearMoney.Of(year, projects, store.BudgetEvents(draft.OfficeId, draft.FiscalYear)).Unallocated;
        if (left < draft.Amount)
        {
            return new BudgetOutcome(BudgetStatus.NotEnough, null, Math.Max(left, 0));
        }

        var added = project with { Number = projects.Count == 0 ? 1 : projects.Max(p => p.Number) + 1, Allocation = draft.Amount };
        store.AddProject(added);
        var recorded = draft with { From = MoneyPool.Unallocated, To = added.Id };
        store.AddBudgetEvent(recorded);
        return new BudgetOutcome(BudgetStatus.Applied, recorded, left - draft.Amount);
    });

    /// <summary>
    /// A signed contract or order commits money to a project: never more than it has available (allocation less paid
    /// and less what is already committed), and one open commitment per reference.
    /// </summary>
    public static BudgetOutcome Commit(IBudgetStore store, BudgetEvent draft) => Once(store, draft, () =>
    {
        if (OfYear(store.Project(draft.To ?? ""), draft) is not { } project)
        {
            return new BudgetOutcome(BudgetStatus.UnknownProject, null);
        }

        var commitments = Commitments.Of(store.BudgetEvents(draft.OfficeId, draft.FiscalYear));
        if (commitments.OpenOne(project.Id, draft.Reference!) is not null)
        {
            return new BudgetOutcome(BudgetStatus.ReferenceInUse, null);
        }

        var available = project.Allocation - store.Balance(project.Id).Actual.Total - commitments.HeldFor(project.Id);
        if (available < draft.Amount)
        {
            return new BudgetOutcome(BudgetStatus.NotEnough, null, Math.Max(available, 0));
        }

        store.AddBudgetEvent(draft);
        return new BudgetOutcome(BudgetStatus.Applied, draft, available - draft.Amount);
    });

    /// <summary>Cancels an open commitment: what was not paid of it is released (the event keeps how much).</summary>
    public static BudgetOutcome CancelCommitment(IBudgetStore store, BudgetEvent draft) => Once(store, draft, () =>
    {
        if (Commitments.Of(store.BudgetEvents(draft.OfficeId, draft.FiscalYear)).OpenOne(draft.To ?? "", draft.Reference ?? "") is not { } open)
        {
            return new BudgetOutcome(BudgetStatus.UnknownReference, null);
        }

        var recorded = draft with { Amount = open.Open };
        store.AddBudgetEvent(recorded);
        return new BudgetOutcome(BudgetStatus.Applied, recorded);
    });

    /// <summary>Moves (part of) an open commitment to the project's carry-over line at year end.</summary>
    public static BudgetOutcome CarryOver(IBudgetStore store, BudgetEvent draft) => Once(store, draft, () =>
    {
        if (Commitments.Of(store.BudgetEvents(draft.OfficeId, draft.FiscalYear)).OpenOne(draft.To ?? "", draft.Reference ?? "") is not { } open)
        {
            return new BudgetOutcome(BudgetStatus.UnknownReference, null);
        }

        if (open.Open < draft.Amount)
        {
            return new BudgetOutcome(BudgetStatus.NotEnough, null, open.Open);
        }

        store.AddBudgetEvent(draft);
        return new BudgetOutcome(BudgetStatus.Applied, draft, open.Open - draft.Amount);
    });

    /// <summary>A payment after the year's end against a carried-over commitment: never more than is left of the carry-over.</summary>
    public static BudgetOutcome PayCarryOver(IBudgetStore store, BudgetEvent draft) => store.Run(() =>
    {
        if (store.BudgetEventBySource(draft.OfficeId, draft.SourceKey) is { } seen)
        {
            return new BudgetOutcome(BudgetStatus.Duplicate, seen, Commitments.Of(store.BudgetEvents(draft.OfficeId, draft.FiscalYear)).All
                .Where(c => c.ProjectId == seen.To && string.Equals(c.Reference, seen.Reference, StringComparison.OrdinalIgnoreCase)).Sum(c => c.CarryOverLeft));
        }

        if (Commitments.Of(store.BudgetEvents(draft.OfficeId, draft.FiscalYear)).CarriedOne(draft.To ?? "", draft.Reference ?? "") is not { } carried)
        {
            return new BudgetOutcome(BudgetStatus.UnknownReference, null);
        }

        if (carried.CarryOverLeft < draft.Amount)
        {
            return new BudgetOutcome(BudgetStatus.NotEnough, null, carried.CarryOverLeft);
        }

        store.AddBudgetEvent(draft with { Reference = carried.Reference });
        return new BudgetOutcome(BudgetStatus.Applied, draft, carried.CarryOverLeft - draft.Amount);
    });

    /// <summary>Closes a period and keeps its report as submitted; a period closed already stays as it was first closed.</summary>
    public static BudgetOutcome Close(IBudgetStore store, BudgetEvent draft, SubmittedReport report) => Once(store, draft, () =>
    {
        if (store.BudgetEvents(draft.OfficeId, draft.FiscalYear).FirstOrDefault(e => e.Kind == BudgetEventKind.PeriodClosed && e.Date == draft.Date) is { } closed)
        {
            return new BudgetOutcome(BudgetStatus.AlreadyClosed, closed);
        }

        store.SaveSubmitted(report);
        store.AddBudgetEvent(draft);
        return new BudgetOutcome(BudgetStatus.Applied, draft);
    });

    /// <summary>An event is recorded once per office and message: the same message again finds the first and changes nothing.</summary>
    private static BudgetOutcome Once(IBudgetStore store, BudgetEvent draft, Func<BudgetOutcome> record) => store.Run(() =>
        store.BudgetEventBySource(draft.OfficeId, draft.SourceKey) is { } seen ? new BudgetOutcome(BudgetStatus.Duplicate, seen) : record());

    private static Project? OfYear(Project? project, BudgetEvent e) =>
        project is not null && project.OfficeId == e.OfficeId && project.FiscalYear == e.FiscalYear ? project : null;

    private static string EnvelopeLabel(EnvelopeKind kind) => kind switch
    {
        EnvelopeKind.Recurring => "งบประจำ",
        EnvelopeKind.Reserve => "สำรองสำหรับกรณีเร่งด่วน",
        _ => "จัดสรรสำหรับดำเนินโครงการ",
    };
}

public enum BudgetStatus
{
    Applied,
    Duplicate,
    UnknownYear,
    UnknownProject,
    SameProject,
    NotEnough,

    /// <summary>A commitment under this reference is open on the project already.</summary>
    ReferenceInUse,

    /// <summary>No open commitment of the project has this reference.</summary>
    UnknownReference,

    /// <summary>The period was closed before; <see cref="BudgetOutcome.Event"/> is that close.</summary>
    AlreadyClosed,
}

/// <summary>What recording an event did; <paramref name="Left"/> is what the source has left (or had, when it was not enough).</summary>
public sealed record BudgetOutcome(BudgetStatus Status, BudgetEvent? Event, decimal Left = 0);
