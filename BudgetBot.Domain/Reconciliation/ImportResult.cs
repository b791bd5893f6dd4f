using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>A reconciled report: its facts, every finding, and the reading of each row that an import stores.</summary>
public sealed record ImportResult(
    ReportFacts Facts,
    ReportDocument Document,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<ReportRow, RowFigures> Readings,
    bool RepairsApplied)
{
    public int ProjectCount => Readings.Count;

    public RowFigures Totals => Readings.Values.Aggregate(RowFigures.FromSlots(new decimal[RowFigures.Slots]), (a, b) => a.Plus(b));

    public int RepairsOffered => Findings.Where(f => f.Repair is not null).Select(f => f.Row).Distinct().Count();

    /// <summary>
    /// What the import writes. Quarter results become ledger entries dated the quarter's last day, so every figure
    /// after the import comes from the ledger like any other; a used cell that disagrees with its results is a finding,
    /// not a second figure.
    /// </summary>
    public BudgetSnapshot ToSnapshot(DateTimeOffset at, string sourceId) => SnapshotBuilder.Build(this, at, sourceId);
}
