namespace BudgetBot.Domain.Budget;

/// <summary>One contract or purchase order of a project, as its events leave it.</summary>
public sealed record Commitment(string ProjectId, string Reference, decimal Amount, DateOnly Date, decimal Paid, bool Cancelled)
{
    /// <summary>What was moved to the carry-over line at year end.</summary>
    public decimal CarriedOver { get; init; }

    /// <summary>What was paid of the carry-over after the year's end.</summary>
    public decimal CarryOverPaid { get; init; }

    /// <summary>What is committed and not yet paid nor carried over: nothing once cancelled, and never below zero.</summary>
    public decimal Open => Cancelled ? 0 : Math.Max(Amount - Paid - CarriedOver, 0);

    /// <summary>What of the carry-over is still to be paid.</summary>
    public decimal CarryOverLeft => CarriedOver - CarryOverPaid;
}

/// <summary>A year's commitments, folded from its events: what is committed and open, by project and reference.</summary>
public sealed class Commitments
{
    private readonly List<Commitment> _all = [];

    private Commitments()
    {
    }

    public IReadOnlyList<Commitment> All => _all;

    public static Commitments Of(IEnumerable<BudgetEvent> events)
    {
        var c = new Commitments();
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case BudgetEventKind.Commitment:
                    c._all.Add(new Commitment(e.To!, e.Reference!, e.Amount, e.Date, 0, Cancelled: false));
                    break;
                case BudgetEventKind.CommitmentPaid when c.OpenOne(e.To!, e.Reference!) is { } paid:
                    c._all[c._all.IndexOf(paid)] = paid with { Paid = paid.Paid + e.Amount };
                    break;
                case BudgetEventKind.CommitmentCancelled when c.OpenOne(e.To!, e.Reference!) is { } cancelled:
                    c._all[c._all.IndexOf(cancelled)] = cancelled with { Cancelled = true };
                    break;
                case BudgetEventKind.CarryOver when c.OpenOne(e.To!, e.Reference!) is { } carried:
                    c._all[c._all.IndexOf(carried)] = carried with { CarriedOver = carried.CarriedOver + e.Amount };
                    break;
                case BudgetEventKind.CarryOverPaid when c.CarriedOne(e.To!, e.Reference!) is { } paidLater:
                    c._all[c._all.IndexOf(paidLater)] = paidLater with { CarryOverPaid = paidLater.CarryOverPaid + e.Amount };
                    break;
            }
        }

        return c;
    }

    /// <summary>The project's commitment under this reference that still has money open; references compare as written, case aside.</summary>
    public Commitment? OpenOne(string projectId, string reference) =>
        _all.LastOrDefault(x => x.ProjectId == projectId && x.Open > 0 && string.Equals(x.Reference, reference, StringComparison.OrdinalIgnoreCase));

    /// <summary>The project's carried-over commitment under this reference that still has money to pay.</summary>
    public Commitment? CarriedOne(string projectId, string reference) =>
        _all.LastOrDefault(x => x.ProjectId == projectId && x.CarryOverLeft > 0 && string.Equals(x.Reference, reference, StringComparison.OrdinalIgnoreCase));

    /// <summary>Money committed to the project and not yet paid.</summary>
    public decimal OpenFor(string projectId) => _all.Where(x => x.ProjectId == projectId).Sum(x => x.Open);

    /// <summary>What the project's allocation holds for contracts: open commitments and everything carried over.</summary>
    public decimal HeldFor(string projectId) => OpenFor(projectId) + CarryOverFor(projectId).Carried;

    /// <summary>What the project moved to its carry-over line, and what of that was paid after the year's end.</summary>
    public (decimal Carried, decimal Paid) CarryOverFor(string projectId) =>
        (_all.Where(x => x.ProjectId == projectId).Sum(x => x.CarriedOver), _all.Where(x => x.ProjectId == projectId).Sum(x => x.CarryOverPaid));
}
