using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Reconciliation;

internal static class SnapshotBuilder
{
    public const string ImportActor = "import";

    public static BudgetSnapshot Build(ImportResult result, DateTimeOffset at, string sourceId)
    {
        var facts = result.Facts;
        var office = new Office(Budget.Office.IdFor(facts.OfficeName), facts.OfficeName);
        var p = result.Document.Preamble;
        var year = new FiscalYearBudget(office.Id, facts.FiscalYear)
        {
            Rounds = p.Rounds.Select(r => r.Value).ToList(),
            Envelopes = p.Envelopes.Select(e => e.Value).ToList(),
            AsOf = FiscalCalendar.Contains(facts.FiscalYear, facts.PeriodEnd) ? facts.PeriodEnd : null,
            Findings = result.Findings.Select(f => new ImportNote(f.Row, f.Check, f.MessageTh.Length > 0 ? f.MessageTh : f.Message)).ToList(),
            // The total row's cells: allocation, eight quarter cells, used, remaining.
            ReportedUsed = result.Document.TotalRow is { FigureCells.Count: >= 10 } total && Cells.IsNumber(total.FigureCells[9]) ? Cells.Value(total.FigureCells[9]) : null,
        };

        var divisions = new List<Division>();
        var projects = new List<Project>();
        var entries = new List<LedgerEntry>();
        foreach (var (section, order) in result.Document.Sections.Select((s, i) => (s, i + 1)))
        {
            var division = new Division(Division.KeyFor(office.Id, order), office.Id, section.Name, order);
            divisions.Add(division);
            foreach (var row in section.Rows.Where(r => r.Number is not null))
            {
                var f = result.Readings[row];
                var project = new Project(office.Id, facts.FiscalYear, row.Number!.Value, row.Name, division.Id, f.Allocation, f.Plan)
                {
                    Status = ProjectStatusReader.Read(row.Progress, f.Result.Total),
                    FundingSource = section.Name.Contains("เร่งด่วน", StringComparison.Ordinal) || section.Name.Contains("เหลือจ่าย", StringComparison.Ordinal)
                        ? "reserve" : "projects",
                    Notes = row.Progress.Length > 0 ? [new ProgressNote(facts.PeriodEnd, row.Progress, ImportActor)] : [],
                };
                projects.Add(project);
                for (var q = 1; q <= 4; q++)
                {
                    if (f.Result[q] != 0)
                    {
                        entries.Add(new LedgerEntry(0, office.Id, project.Id, f.Result[q], FiscalCalendar.QuarterEnd(facts.FiscalYear, q),
                            $"ผลไตรมาส {q} ตามรายงาน", ImportActor, $"import:{sourceId}:{row.Number}:q{q}", at));
                    }
                }
            }
        }

        return new BudgetSnapshot(sourceId, office, year, divisions, projects, entries);
    }
}
