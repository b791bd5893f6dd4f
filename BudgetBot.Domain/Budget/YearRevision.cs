using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Domain.Budget;

/// <summary>
/// A revised report for a year already held (<c>import --update</c>): its new rounds, new projects, changed
/// allocations and plans become dated events, each once per file; every entry recorded by chat stays. Where the file
/// and the ledger disagree (a quarter's results, a round's amount, an allocation below what is already used) the
/// difference is reported and nothing is overwritten.
/// </summary>
public static class YearRevision
{
    /// <summary>Where a project added by a revised report has its money from.</summary>
    public const string FromReport = "report";

    public static RevisionResult Apply(IBudgetStore store, BudgetSnapshot file, string by, DateTimeOffset at) => store.Run(() =>
    {
        var office = file.Office.Id;
        var fy = file.Year.FiscalYear;
        if (store.FiscalYear(office, fy) is not { } held)
        {
            return new RevisionResult(false, [], []);
        }

        var date = file.Year.AsOf ?? FiscalCalendar.LocalDate(at, TimeZoneInfo.Utc);
        var changes = new List<string>();
        var problems = new List<string>();
        bool Once(string what, BudgetEvent e)
        {
            if (store.BudgetEventBySource(office, e.SourceKey) is not null)
            {
                return false;
            }

            store.AddBudgetEvent(e);
            changes.Add(what);
            return true;
        }

        BudgetEvent Event(BudgetEventKind kind, decimal amount, string key) => new(office, fy, kind, amount, date, by, $"revise:{file.SourceId}:{key}", at);

        // Rounds: a new one is added; one held with another amount is the file's word against the office's.
        var rounds = held.Rounds.ToList();
        foreach (var round in file.Year.Rounds.OrderBy(r => r.Number))
        {
            if (rounds.FirstOrDefault(r => r.Number == round.Number) is { } kept)
            {
                if (kept.Amount != round.Amount)
                {
                    problems.Add($"ครั้งที่ {round.Number}: ในระบบ {ThaiAmount.Format(kept.Amount)} ในไฟล์ {ThaiAmount.Format(round.Amount)}");
                }
            }
            else if (Once($"เพิ่มการจัดสรรครั้งที่ {round.Number} จำนวน {ThaiAmount.Format(round.Amount)}", Event(BudgetEventKind.Round, round.Amount, $"round:{round.Number}") with { Round = round }))
            {
                rounds.Add(round);
            }
        }

        if (rounds.Count != held.Rounds.Count || !file.Year.Envelopes.Select(e => (e.Kind, e.Amount)).SequenceEqual(held.Envelopes.Select(e => (e.Kind, e.Amount))))
        {
            store.SaveYear(held with { Rounds = [.. rounds.OrderBy(r => r.Number)], Envelopes = file.Year.Envelopes });
        }

        var projects = store.Projects(office, fy).ToDictionary(p => p.Number);
        foreach (var p in file.Projects)
        {
            if (!projects.TryGetValue(p.Number, out var kept))
            {
                if (Once($"เพิ่มโครงการที่ {p.Number} {p.Name} งบ {ThaiAmount.Format(p.Allocation)}", Event(BudgetEventKind.ProjectAdded, p.Allocation, $"project:{p.Number}") with { To = p.Id, From = FromReport }))
                {
                    store.AddProject(p);
                    foreach (var e in file.Entries.Where(e => e.ProjectId == p.Id))
                    {
                        LedgerRules.Append(store, e);
                    }
                }

                continue;
            }

            Compare(store, file, kept, p, problems);
            var used = store.Balance(kept.Id).Actual.Total;
            if (p.Allocation != kept.Allocation)
            {
                if (p.Allocation < used)
                {
                    problems.Add($"โครงการที่ {p.Number}: งบในไฟล์ {ThaiAmount.Format(p.Allocation)} ต่ำกว่าที่ใช้ไปแล้ว {ThaiAmount.Format(used)} ไม่ได้แก้");
                }
                else if (Once($"โครงการที่ {p.Number}: งบ {ThaiAmount.Format(kept.Allocation)} เป็น {ThaiAmount.Format(p.Allocation)}",
                    Event(BudgetEventKind.Revised, p.Allocation - kept.Allocation, $"allocation:{p.Number}") with { To = kept.Id }))
                {
                    kept = kept with { Allocation = p.Allocation };
                    store.SaveProject(kept);
                }
            }

            if (p.Plan != kept.Plan && Once($"โครงการที่ {p.Number}: แผน {Quarters(kept.Plan)} เป็น {Quarters(p.Plan)}",
                Event(BudgetEventKind.Revised, 0, $"plan:{p.Number}") with { To = kept.Id, Note = $"plan {Quarters(p.Plan)}" }))
            {
                store.SaveProject(kept with { Plan = p.Plan });
            }
        }

        return new RevisionResult(true, changes, problems);
    });

    /// <summary>A quarter's results in the file against the office's ledger: reported, never written over what chat recorded.</summary>
    private static void Compare(IBudgetStore store, BudgetSnapshot file, Project kept, Project inFile, List<string> problems)
    {
        var ledger = store.Balance(kept.Id).Actual;
        for (var q = 1; q <= 4; q++)
        {
            var stated = file.Entries.Where(e => e.ProjectId == inFile.Id && e.Quarter == q).Sum(e => e.Amount);
            if (stated != 0 && stated != ledger[q])
            {
                problems.Add($"โครงการที่ {kept.Number} ไตรมาส {q}: ผลในไฟล์ {ThaiAmount.Format(stated)} ในระบบ {ThaiAmount.Format(ledger[q])} ไม่ได้แก้");
            }
        }
    }

    private static string Quarters(QuarterAmounts q) => string.Join("/", Enumerable.Range(1, 4).Select(i => ThaiAmount.FormatNumber(q[i])));
}

/// <summary>What a revision did: whether the year was held, what changed, and where the file and the ledger disagree.</summary>
public sealed record RevisionResult(bool YearHeld, IReadOnlyList<string> Changes, IReadOnlyList<string> Contradictions);
