using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Host.Reports;

/// <summary>
/// Builds the monitoring report of an office year from the store's running figures and writes it as XLSX. A period that
/// was closed gives the report as it was submitted; a later report lists the entries recorded late as adjustments.
/// </summary>
internal sealed class ReportExporter(IBudgetStore store)
{
    public IReadOnlyList<LayoutRow> Layout(string officeId, int fiscalYear, ReportRound round, DateOnly today) =>
        Layout(officeId, fiscalYear, round, today, LedgerOf(officeId, fiscalYear));

    /// <summary>A report attachment as that report's XLSX; null when its round is not one.</summary>
    public byte[]? XlsxFor(Domain.Conversation.Attachment report, DateOnly today) =>
        ReportRound.Parse(report.Round ?? "") is { } round ? Xlsx(report.OfficeId, report.FiscalYear, round, today) : null;

    /// <summary>The report and its entry sheet, from one read of the ledger.</summary>
    public byte[] Xlsx(string officeId, int fiscalYear, ReportRound round, DateOnly today)
    {
        var ledger = LedgerOf(officeId, fiscalYear);
        using var buffer = new MemoryStream();
        XlsxReportWriter.Write(buffer, Layout(officeId, fiscalYear, round, today, ledger), Entries(officeId, fiscalYear, round, ledger.Value));
        return buffer.ToArray();
    }

    public void WriteXlsx(string path, string officeId, int fiscalYear, ReportRound round, DateOnly today)
    {
        var bytes = Xlsx(officeId, fiscalYear, round, today);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    /// <summary>The year's ledger, read only when a report needs it (a submitted one's page does not).</summary>
    private Lazy<IReadOnlyList<LedgerEntry>> LedgerOf(string officeId, int fiscalYear) => new(() => store.Ledger(officeId, fiscalYear));

    private IReadOnlyList<LayoutRow> Layout(string officeId, int fiscalYear, ReportRound round, DateOnly today, Lazy<IReadOnlyList<LedgerEntry>> ledger)
    {
        var office = store.Office(officeId) ?? throw new InvalidOperationException($"No office '{officeId}'.");
        if (store.Submitted(officeId, fiscalYear, round.LastQuarter) is { } submitted)
        {
            return ReportLayout.Build(office, submitted.Year, submitted.Divisions, [.. submitted.Projects.Select(p => (p.Project, p.Figures))], round, submitted.AsOf, submitted.Extras);
        }

        var year = store.FiscalYear(officeId, fiscalYear) ?? throw new InvalidOperationException($"No fiscal year {fiscalYear} for '{office.Name}'.");
        var projects = store.Projects(officeId, fiscalYear);
        var periodEnd = FiscalCalendar.QuarterEnd(fiscalYear, round.LastQuarter);
        var asOf = today < periodEnd ? today : periodEnd;
        var extras = ReportExtras.Of(projects, store.BudgetEvents(officeId, fiscalYear), ledger.Value, periodEnd);
        return ReportLayout.Build(office, year, store.Divisions(officeId), [.. projects.Select(p => (p, Figures.Of(p, store.Balance(p.Id))))], round, asOf, extras);
    }

    /// <summary>
    /// The entries behind the report, one row each with what auditors ask (category, document), for the spreadsheet's
    /// second sheet. For a submitted period, those recorded before its close: the ledger only grows, so they are the
    /// same rows as then.
    /// </summary>
    private List<IReadOnlyList<LayoutCell>> Entries(string officeId, int fiscalYear, ReportRound round, IReadOnlyList<LedgerEntry> ledger)
    {
        var periodEnd = FiscalCalendar.QuarterEnd(fiscalYear, round.LastQuarter);
        var closedAt = store.Submitted(officeId, fiscalYear, round.LastQuarter)?.ClosedAt;
        var numbers = store.Projects(officeId, fiscalYear).ToDictionary(p => p.Id, p => p.Number);
        return [.. ledger
            .Where(e => e.Date <= periodEnd && (closedAt is null || e.RecordedAt <= closedAt))
            .Select(e => (IReadOnlyList<LayoutCell>)[
                LayoutCell.Whole((int)Math.Min(e.Id, int.MaxValue)), LayoutCell.Of(ThaiDate.Short(e.Date)), LayoutCell.Whole(numbers.GetValueOrDefault(e.ProjectId)),
                LayoutCell.Money(e.Amount), LayoutCell.Of(e.Category ?? ""), LayoutCell.Of(e.Document ?? ""),
                LayoutCell.Of(e.Reverses is { } r ? $"กลับรายการ #{r} {e.Note}".Trim() : e.Note)])];
    }
}
