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
    public IReadOnlyList<LayoutRow> Layout(string officeId, int fiscalYear, ReportRound round, DateOnly today)
    {
        var office = store.Office(officeId) ?? throw new InvalidOperationException($"No office '{officeId}'.");
        if (store.Submitted(officeId, fiscalYear, round.LastQuarter) is { } submitted)
        {
            return ReportLayout.Build(office, submitted.Year, submitted.Divisions, [.. submitted.Projects.Select(p => (p.Project, p.Figures))], round, submitted.AsOf);
        }

        var year = store.FiscalYear(officeId, fiscalYear) ?? throw new InvalidOperationException($"No fiscal year {fiscalYear} for '{office.Name}'.");
        var projects = store.Projects(officeId, fiscalYear)
            .Select(p => (p, Figures.Of(p, store.Balance(p.Id))))
            .ToList();
        var periodEnd = FiscalCalendar.QuarterEnd(fiscalYear, round.LastQuarter);
        var asOf = today < periodEnd ? today : periodEnd;
        return ReportLayout.Build(office, year, store.Divisions(officeId), projects, round, asOf, LateEntries(officeId, fiscalYear, round, projects.Select(p => p.p)));
    }

    /// <summary>Entries recorded after the close of the period they are dated in (read only when a period of the year was closed).</summary>
    private List<(LedgerEntry Entry, int Project)> LateEntries(string officeId, int fiscalYear, ReportRound round, IEnumerable<Project> projects)
    {
        var events = store.BudgetEvents(officeId, fiscalYear);
        if (!events.Any(e => e.Kind == BudgetEventKind.PeriodClosed))
        {
            return [];
        }

        var numbers = projects.ToDictionary(p => p.Id, p => p.Number);
        var periodEnd = FiscalCalendar.QuarterEnd(fiscalYear, round.LastQuarter);
        return [.. store.Ledger(officeId, fiscalYear).Where(e => e.Date <= periodEnd && ClosedPeriods.IsLate(e, events)).Select(e => (e, numbers.GetValueOrDefault(e.ProjectId)))];
    }

    /// <summary>A report attachment as that report's XLSX; null when its round is not one.</summary>
    public byte[]? XlsxFor(Domain.Conversation.Attachment report, DateOnly today) =>
        ReportRound.Parse(report.Round ?? "") is { } round ? Xlsx(report.OfficeId, report.FiscalYear, round, today) : null;

    public byte[] Xlsx(string officeId, int fiscalYear, ReportRound round, DateOnly today)
    {
        using var buffer = new MemoryStream();
        XlsxReportWriter.Write(buffer, Layout(officeId, fiscalYear, round, today));
        return buffer.ToArray();
    }

    public void WriteXlsx(string path, string officeId, int fiscalYear, ReportRound round, DateOnly today)
    {
        var layout = Layout(officeId, fiscalYear, round, today);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var file = File.Create(full);
        XlsxReportWriter.Write(file, layout);
    }
}
