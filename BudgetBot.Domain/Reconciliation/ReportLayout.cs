using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>A cell of an exported report: text, an amount, or a whole number.</summary>
public sealed record LayoutCell(string? Text, decimal? Amount = null, bool WholeNumber = false, bool Bold = false)
{
    public static readonly LayoutCell Empty = new((string?)null);

    public static LayoutCell Of(string text, bool bold = false) => new(text, Bold: bold);

    public static LayoutCell Money(decimal amount, bool bold = false) => new(null, amount, Bold: bold);

    public static LayoutCell Whole(int value) => new(null, value, WholeNumber: true);
}

public enum LayoutRowKind
{
    Preamble,
    Header,
    Division,
    Project,
    Total,

    /// <summary>The grand total's amount in words, under the total row, as official reports carry it.</summary>
    Words,

    /// <summary>A finding of the import: project, check, what was found. The spreadsheet lists these on a sheet of their own.</summary>
    Finding,
}

public sealed record LayoutRow(LayoutRowKind Kind, IReadOnlyList<LayoutCell> Cells);

/// <summary>
/// The monitoring report's layout, built from stored figures: the preamble an office writes, the three header rows,
/// division headings with their counts, project rows and the grand total. Reading it back gives the same figures.
/// </summary>
public static class ReportLayout
{
    public static IReadOnlyList<LayoutRow> Build(Office office, FiscalYearBudget year, IReadOnlyList<Division> divisions,
        IReadOnlyList<(Project Project, Figures Figures)> projects, ReportRound round, DateOnly asOf, ReportExtras? extras = null)
    {
        var rows = new List<LayoutRow>();
        void Line(string text, bool bold = false) => rows.Add(new LayoutRow(LayoutRowKind.Preamble, [LayoutCell.Of(text, bold)]));

        var lastQuarter = round.LastQuarter;
        var periodStart = FiscalCalendar.FiscalYearStart(year.FiscalYear);
        var periodEnd = FiscalCalendar.QuarterEnd(year.FiscalYear, lastQuarter);
        Line($"รายงานการกำกับ ติดตาม การใช้จ่ายงบประมาณ รอบ {lastQuarter * 3} เดือน", bold: true);
        Line($"{ThaiDate.Long(periodStart)} ถึง {ThaiDate.Long(periodEnd)}");
        Line($"ประจำปีงบประมาณ พ.ศ.{year.FiscalYear}");
        Line(office.Name);
        Line($"ข้อมูล ณ วันที่ {ThaiDate.Long(asOf)}");
        foreach (var r in year.Rounds)
        {
            var letter = r.Letter is null ? "" : $" ตามหนังสือ {r.Letter.Raw}";
            Line($"{r.Number}. ได้รับการจัดสรรงบประมาณรายจ่าย ประจำปีงบประมาณ พ.ศ.{year.FiscalYear} ครั้งที่ {r.Number} จำนวนงบประมาณ {Whole(r.Amount)} ({BahtText.ToWords(r.Amount)}){letter}");
        }

        if (year.Rounds.Count > 0)
        {
            Line($"รวมงบประมาณที่ได้รับจัดสรรทั้งสิ้น {Whole(year.Received)} บาท");
        }

        foreach (var e in year.Envelopes)
        {
            var parts = e.Parts.Select(p => $"{p.Label} จำนวน {Whole(p.Amount)} บาท").ToList();
            var head = e.Kind switch
            {
                EnvelopeKind.Recurring => $"- จัดสรรให้งบประจำ จำนวน {Whole(e.Amount)} บาท",
                EnvelopeKind.Reserve => $"- สำรองสำหรับกรณีเร่งด่วน จำนวน {Whole(e.Amount)} บาท",
                _ => $"- จัดสรรสำหรับดำเนินโครงการ จำนวน {Whole(e.Amount)} บาท",
            };
            Line(parts.Count > 0 ? $"{head} {parts[0]}" : head);
            foreach (var part in parts.Skip(1))
            {
                Line($"- {part}");
            }
        }

        rows.AddRange(Header());
        var total = Figures.Zero;
        foreach (var division in divisions)
        {
            var inDivision = projects.Where(p => p.Project.DivisionId == division.Id).OrderBy(p => p.Project.Number).ToList();
            if (inDivision.Count == 0)
            {
                continue;
            }

            rows.Add(new LayoutRow(LayoutRowKind.Division, [LayoutCell.Of($"{division.Name} {inDivision.Count} โครงการ", bold: true)]));
            foreach (var (project, figures) in inDivision)
            {
                var shown = figures.Through(lastQuarter);
                total = total.Plus(shown);
                var note = Narrative(project);
                rows.Add(new LayoutRow(LayoutRowKind.Project,
                    [LayoutCell.Whole(project.Number), LayoutCell.Of(project.Name), .. FigureCells(shown, bold: false), LayoutCell.Of(note)]));
            }
        }

        rows.Add(new LayoutRow(LayoutRowKind.Total,
            [LayoutCell.Of("รวมงบประมาณที่ใช้จ่ายตามโครงการ", bold: true), LayoutCell.Empty, .. FigureCells(total, bold: true)]));
        rows.Add(new LayoutRow(LayoutRowKind.Words, [LayoutCell.Of($"ใช้จริงรวม ({BahtText.ToWords(total.Used)})")]));
        if (year.ReportedUsed is { } reported && year.AsOf is { } reportDate && FiscalCalendar.QuarterEnd(year.FiscalYear, lastQuarter) == FiscalCalendar.QuarterEnd(year.FiscalYear, FiscalCalendar.Quarter(reportDate)) && reported != total.Used)
        {
            rows.Add(new LayoutRow(LayoutRowKind.Words, [LayoutCell.Of(
                $"หมายเหตุ: แถวรวมของรายงานที่นำเข้าระบุใช้จริง {ThaiAmount.Format(reported)} ต่างจากยอดรวมนี้ {ThaiAmount.Format(total.Used - reported)}")]));
        }

        rows.AddRange((extras ?? ReportExtras.None).Rows());

        foreach (var finding in year.Findings)
        {
            rows.Add(new LayoutRow(LayoutRowKind.Finding, [
                finding.Project is { } n ? LayoutCell.Whole(n) : LayoutCell.Of("ทั้งรายงาน"), LayoutCell.Of(CheckNames.InThai(finding.Check)), LayoutCell.Of(finding.Text)]));
        }

        return rows;
    }

    /// <summary>
    /// A project's narrative: what the imported report said, then every progress note after it, dated, in order. A
    /// note adds to the story; it never replaces what the report said.
    /// </summary>
    public static string Narrative(Project project) => string.Join('\n', project.Notes.Select(n =>
        n.By == SnapshotBuilder.ImportActor ? n.Text : $"{Calendar.ThaiDate.Short(n.Date)}: {n.Text}"));

    private static IEnumerable<LayoutCell> FigureCells(Figures f, bool bold)
    {
        yield return LayoutCell.Money(f.Allocation, bold);
        for (var q = 1; q <= 4; q++)
        {
            yield return LayoutCell.Money(f.Plan[q], bold);
            yield return LayoutCell.Money(f.Actual[q], bold);
        }

        yield return LayoutCell.Money(f.Used, bold);
        yield return LayoutCell.Money(f.Remaining, bold);
    }

    private static IEnumerable<LayoutRow> Header()
    {
        LayoutCell H(string t) => LayoutCell.Of(t, bold: true);
        var blank = LayoutCell.Empty;
        yield return new LayoutRow(LayoutRowKind.Header,
            [H("ที่"), H("ชื่อโครงการ/กิจกรรม"), H("งบประมาณที่ได้รับจัดสรร"), H("งบประมาณที่ใช้ดำเนินการแต่ละไตรมาส"),
             blank, blank, blank, blank, blank, blank, blank, H("งบประมาณที่ใช้จริง"), H("เหลือจ่าย"), H("สรุปความก้าวหน้าโครงการ")]);
        yield return new LayoutRow(LayoutRowKind.Header,
            [blank, blank, blank, H("ไตรมาสที่ 1"), blank, H("ไตรมาสที่ 2"), blank, H("ไตรมาสที่ 3"), blank, H("ไตรมาสที่ 4"), blank]);
        yield return new LayoutRow(LayoutRowKind.Header,
            [blank, blank, blank, H("แผน"), H("ผล"), H("แผน"), H("ผล"), H("แผน"), H("ผล"), H("แผน"), H("ผล")]);
    }

    private static string Whole(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Which part of the year a report covers: <c>q1</c>..<c>q4</c> to the end of that quarter, <c>h1</c> six months, <c>year</c> all.</summary>
public sealed record ReportRound(string Name, int LastQuarter)
{
    /// <summary>The round a report made on <paramref name="date"/> covers: the quarters up to that date's (Q2 is the six-month report).</summary>
    public static ReportRound For(int fiscalYear, DateOnly date) =>
        (FiscalCalendar.Contains(fiscalYear, date) ? FiscalCalendar.Quarter(date) : date < FiscalCalendar.FiscalYearStart(fiscalYear) ? 1 : 4) switch
        {
            1 => new("q1", 1),
            2 => new("h1", 2),
            3 => new("q3", 3),
            _ => new("year", 4),
        };

    /// <summary>A round as a code (<c>q1</c>–<c>q4</c>, <c>h1</c>, <c>year</c>) or in Thai (<c>ไตรมาส 2</c>, <c>6 เดือน</c>, <c>ครึ่งปี</c>, <c>ทั้งปี</c>).</summary>
    public static ReportRound? Parse(string text) => System.Text.RegularExpressions.Regex.Replace(Calendar.ThaiDigits.ToAscii(text).Trim().ToLowerInvariant(), @"\s+", " ") switch
    {
        "q1" or "ไตรมาส 1" or "ไตรมาสที่ 1" or "ไตรมาส1" or "3 เดือน" => new("q1", 1),
        "q2" or "ไตรมาส 2" or "ไตรมาสที่ 2" or "ไตรมาส2" => new("q2", 2),
        "h1" or "6 เดือน" or "ครึ่งปี" or "ครึ่งปีแรก" or "รอบ 6 เดือน" => new("h1", 2),
        "q3" or "ไตรมาส 3" or "ไตรมาสที่ 3" or "ไตรมาส3" or "9 เดือน" => new("q3", 3),
        "q4" or "ไตรมาส 4" or "ไตรมาสที่ 4" or "ไตรมาส4" => new("q4", 4),
        "year" or "ทั้งปี" or "12 เดือน" or "สิ้นปี" => new("year", 4),
        _ => null,
    };
}
