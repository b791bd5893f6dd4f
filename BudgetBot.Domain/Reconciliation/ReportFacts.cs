using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>What the report is about, decided by weighing everything it says: office, fiscal year and period.</summary>
public sealed record ReportFacts(string OfficeName, int FiscalYear, DateOnly PeriodStart, DateOnly PeriodEnd)
{
    /// <summary>The last fiscal quarter the report covers (2 for a six-month report).</summary>
    public int LastQuarter => FiscalCalendar.FiscalYearBE(PeriodEnd) > FiscalYear ? 4 : FiscalCalendar.Quarter(PeriodEnd);

    public static ReportFacts Resolve(ReportDocument doc)
    {
        var p = doc.Preamble;
        var year = p.FiscalYears.Count > 0
            ? p.FiscalYears.GroupBy(y => y.Value).OrderByDescending(g => g.Count()).First().Key
            : p.PeriodEnd is { } end ? FiscalCalendar.FiscalYearBE(end) : 0;
        var start = p.PeriodStart ?? FiscalCalendar.FiscalYearStart(year);
        var last = p.PeriodEnd ?? FiscalCalendar.FiscalYearEnd(year);
        return new ReportFacts(ChooseOfficeName(doc), year, start, last);
    }

    /// <summary>
    /// Each name the preamble gives is weighed by how often its distinctive part (the words after the office type)
    /// also appears in the table, where project names and notes mention the office; a typo in a heading loses to that.
    /// </summary>
    private static string ChooseOfficeName(ReportDocument doc)
    {
        var names = doc.Preamble.OfficeNames;
        if (names.Count == 0)
        {
            return "";
        }

        var table = string.Join('\n', doc.Rows.Select(r => r.Name + " " + r.Progress));
        return names.GroupBy(n => n.Value)
            .OrderByDescending(g => g.Count() + Occurrences(table, Distinctive(g.Key)))
            .ThenBy(g => g.First().Line)
            .First().Key;
    }

    private static string Distinctive(string name)
    {
        foreach (var prefix in new[] { "สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา", "สำนักงานเขตพื้นที่การศึกษา" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..].Trim();
            }
        }

        return name;
    }

    private static int Occurrences(string text, string part)
    {
        if (part.Length == 0)
        {
            return 0;
        }

        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            // "ระยอง" inside "สระยอง" is a different word: the character before must not be a Thai letter.
            if (i == 0 || !(text[i - 1] is >= 'ก' and <= 'ฮ'))
            {
                count++;
            }
        }

        return count;
    }
}
