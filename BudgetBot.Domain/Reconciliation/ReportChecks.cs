using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Reconciliation;

/// <summary>Checks of the report as a whole: divisions, column totals, rounds, envelopes, names, years and dates.</summary>
internal static class ReportChecks
{
    public static IEnumerable<Finding> Run(ReportDocument doc, ReportFacts facts, IReadOnlyDictionary<ReportRow, RowFigures> readings)
    {
        return Divisions(doc)
            .Concat(ColumnTotals(doc, readings))
            .Concat(TotalRow(doc))
            .Concat(Rounds(doc.Preamble))
            .Concat(Envelopes(doc, readings))
            .Concat(Names(doc.Preamble, facts))
            .Concat(NamesInText(doc, facts))
            .Concat(Dates(doc, facts));
    }

    private static IEnumerable<Finding> Divisions(ReportDocument doc) =>
        doc.Sections.Where(s => s.DeclaredCount is { } n && n != s.Rows.Count)
            .Select(s => new Finding(null, s.Line, "division-count",
                $"'{s.Name}' declares {s.DeclaredCount} projects, {s.Rows.Count} rows follow")
            { Expected = s.DeclaredCount, Actual = s.Rows.Count, MessageTh = $"'{s.Name}' ระบุ {s.DeclaredCount} โครงการ แต่มี {s.Rows.Count} แถว" });

    private static IEnumerable<Finding> ColumnTotals(ReportDocument doc, IReadOnlyDictionary<ReportRow, RowFigures> readings)
    {
        if (doc.TotalRow is not { } total)
        {
            yield break;
        }

        var sum = readings.Values.Aggregate(RowFigures.FromSlots(new decimal[RowFigures.Slots]), (a, b) => a.Plus(b)).ToSlots();
        for (var i = 0; i < RowFigures.Slots; i++)
        {
            if (Cells.IsBlank(total.FigureCells[i]))
            {
                continue;
            }

            var stated = Cells.Value(total.FigureCells[i]);
            if (stated != sum[i])
            {
                yield return new Finding(null, total.Line, "column-total",
                    $"{RowFigures.SlotName(i)}: the rows add up to {ThaiAmount.FormatNumber(sum[i])}, the total row says {ThaiAmount.FormatNumber(stated)}")
                { Expected = stated, Actual = sum[i], MessageTh = $"{RowFigures.SlotNameThai(i)}: แถวโครงการรวมได้ {ThaiAmount.FormatNumber(sum[i])} แต่แถวรวมระบุ {ThaiAmount.FormatNumber(stated)}" };
            }
        }
    }

    private static IEnumerable<Finding> TotalRow(ReportDocument doc)
    {
        if (doc.TotalRow is not { } total)
        {
            yield break;
        }

        var f = RowFigures.FromSlots(total.FigureCells.Select(Cells.Value).ToList());
        if (f.Plan.Total != f.Allocation)
        {
            yield return new Finding(null, total.Line, "total-plan",
                $"the total row's quarter plans add up to {ThaiAmount.FormatNumber(f.Plan.Total)}, its allocation is {ThaiAmount.FormatNumber(f.Allocation)}")
            { Expected = f.Allocation, Actual = f.Plan.Total, MessageTh = $"แผนสี่ไตรมาสในแถวรวมรวมได้ {ThaiAmount.FormatNumber(f.Plan.Total)} แต่งบจัดสรรในแถวรวมคือ {ThaiAmount.FormatNumber(f.Allocation)}" };
        }

        if (!Cells.IsBlank(total.FigureCells[9]) && f.Result.Total != f.Used)
        {
            yield return new Finding(null, total.Line, "total-result",
                $"the total row's quarter results add up to {ThaiAmount.FormatNumber(f.Result.Total)}, its used is {ThaiAmount.FormatNumber(f.Used)}")
            { Expected = f.Used, Actual = f.Result.Total, MessageTh = $"ผลสี่ไตรมาสในแถวรวมรวมได้ {ThaiAmount.FormatNumber(f.Result.Total)} แต่ที่ใช้จริงในแถวรวมคือ {ThaiAmount.FormatNumber(f.Used)}" };
        }
    }

    private static IEnumerable<Finding> Rounds(ReportPreamble p)
    {
        var received = p.Rounds.Sum(r => r.Value.Amount);
        if (p.DeclaredTotal is { } declared && declared.Value != received)
        {
            yield return new Finding(null, declared.Line, "rounds-total",
                $"the rounds add up to {ThaiAmount.FormatNumber(received)}, the stated total is {ThaiAmount.FormatNumber(declared.Value)}")
            { Expected = declared.Value, Actual = received, MessageTh = $"การจัดสรรแต่ละครั้งรวมได้ {ThaiAmount.FormatNumber(received)} แต่ยอดรวมที่ระบุคือ {ThaiAmount.FormatNumber(declared.Value)}" };
        }

        foreach (var again in p.RestatedRounds)
        {
            var first = p.Rounds.FirstOrDefault(r => r.Value.Number == again.Value.Number);
            if (first is not null && first.Value.Amount != again.Value.Amount)
            {
                yield return new Finding(null, again.Line, "round-restated",
                    $"round {again.Value.Number} is {ThaiAmount.FormatNumber(first.Value.Amount)} on line {first.Line} and {ThaiAmount.FormatNumber(again.Value.Amount)} here")
                { Expected = first.Value.Amount, Actual = again.Value.Amount, MessageTh = $"ครั้งที่ {again.Value.Number} ระบุ {ThaiAmount.FormatNumber(first.Value.Amount)} ที่บรรทัด {first.Line} แต่ที่นี่ระบุ {ThaiAmount.FormatNumber(again.Value.Amount)}" };
            }
        }

        foreach (var w in p.AmountWords)
        {
            var spelled = BahtText.ToWords(w.Value.Amount);
            if (!BahtText.Matches(w.Value.Amount, w.Value.Words))
            {
                yield return new Finding(null, w.Line, "amount-words",
                    $"{ThaiAmount.FormatNumber(w.Value.Amount)} is written '{w.Value.Words}', which reads as something else")
                { ExpectedText = spelled, ActualText = w.Value.Words, MessageTh = $"{ThaiAmount.FormatNumber(w.Value.Amount)} เขียนเป็นตัวอักษรว่า '{w.Value.Words}' ซึ่งไม่ตรงกัน (ควรเป็น {spelled})" };
            }
        }
    }

    /// <summary>
    /// A heading such as "โครงการที่จะอนุมัติจากงบเร่งด่วน/เงินเหลือจ่าย" names where its projects' money comes from:
    /// the emergency reserve or savings, not the projects' envelope.
    /// </summary>
    public static bool FundedFromReserve(ReportSection section) =>
        section.Name.Contains("เร่งด่วน", StringComparison.Ordinal) || section.Name.Contains("เงินเหลือจ่าย", StringComparison.Ordinal);

    private static IEnumerable<Finding> Envelopes(ReportDocument doc, IReadOnlyDictionary<ReportRow, RowFigures> readings)
    {
        var p = doc.Preamble;
        var reserveRows = doc.Sections.Where(FundedFromReserve).SelectMany(s => s.Rows).ToHashSet();
        var rows = readings.Where(r => !reserveRows.Contains(r.Key)).Select(r => r.Value).ToList();
        var fromReserve = readings.Where(r => reserveRows.Contains(r.Key)).Sum(r => r.Value.Allocation);
        if (p.Envelopes.Count == 0)
        {
            yield break;
        }

        var received = p.Rounds.Sum(r => r.Value.Amount);
        var split = p.Envelopes.Sum(e => e.Value.Amount);
        if (p.Rounds.Count > 0 && split != received)
        {
            yield return new Finding(null, p.Envelopes[0].Line, "envelopes-total",
                $"the envelopes add up to {ThaiAmount.FormatNumber(split)}, the rounds to {ThaiAmount.FormatNumber(received)}")
            { Expected = received, Actual = split, MessageTh = $"การแบ่งงบรวมได้ {ThaiAmount.FormatNumber(split)} แต่ได้รับจัดสรร {ThaiAmount.FormatNumber(received)}" };
        }

        foreach (var e in p.Envelopes.Where(e => e.Value.Parts.Count > 0))
        {
            var parts = e.Value.Parts.Sum(x => x.Amount);
            if (parts != e.Value.Amount)
            {
                yield return new Finding(null, e.Line, "envelope-parts",
                    $"the parts of '{e.Value.Label}' add up to {ThaiAmount.FormatNumber(parts)}, the envelope is {ThaiAmount.FormatNumber(e.Value.Amount)}")
                { Expected = e.Value.Amount, Actual = parts, MessageTh = $"งวดของ '{e.Value.Label}' รวมได้ {ThaiAmount.FormatNumber(parts)} แต่งบนี้คือ {ThaiAmount.FormatNumber(e.Value.Amount)}" };
            }
        }

        var projects = p.Envelopes.FirstOrDefault(e => e.Value.Kind == EnvelopeKind.Projects);
        var allocated = rows.Sum(r => r.Allocation);
        if (projects is not null && projects.Value.Amount != allocated)
        {
            yield return new Finding(null, projects.Line, "project-envelope",
                $"the projects are allocated {ThaiAmount.FormatNumber(allocated)} in all, the projects' envelope is {ThaiAmount.FormatNumber(projects.Value.Amount)}")
            { Expected = projects.Value.Amount, Actual = allocated, MessageTh = $"งบที่จัดสรรให้โครงการ (ไม่รวมโครงการจากงบเร่งด่วน) รวม {ThaiAmount.FormatNumber(allocated)} แต่งบดำเนินโครงการระบุ {ThaiAmount.FormatNumber(projects.Value.Amount)}" };
        }

        var reserve = p.Envelopes.FirstOrDefault(e => e.Value.Kind == EnvelopeKind.Reserve);
        if (reserve is not null && fromReserve > reserve.Value.Amount)
        {
            yield return new Finding(null, reserve.Line, "reserve-envelope",
                $"projects funded from the reserve are allocated {ThaiAmount.FormatNumber(fromReserve)}, the reserve is {ThaiAmount.FormatNumber(reserve.Value.Amount)}")
            { Expected = reserve.Value.Amount, Actual = fromReserve, MessageTh = $"โครงการจากงบเร่งด่วนได้รับจัดสรรรวม {ThaiAmount.FormatNumber(fromReserve)} แต่งบสำรองกรณีเร่งด่วนมี {ThaiAmount.FormatNumber(reserve.Value.Amount)}" };
        }
    }

    private static IEnumerable<Finding> Names(ReportPreamble p, ReportFacts facts)
    {
        foreach (var name in p.OfficeNames.Where(n => n.Value != facts.OfficeName))
        {
            yield return new Finding(null, name.Line, "office-name",
                $"the office is named '{name.Value}' here and '{facts.OfficeName}' elsewhere")
            { ExpectedText = facts.OfficeName, ActualText = name.Value, MessageTh = $"ชื่อหน่วยงานที่นี่คือ '{name.Value}' แต่ส่วนอื่นของรายงานคือ '{facts.OfficeName}'" };
        }

        foreach (var year in p.FiscalYears.Where(y => y.Value != facts.FiscalYear))
        {
            yield return new Finding(null, year.Line, "fiscal-year",
                $"fiscal year {year.Value} here, {facts.FiscalYear} in the rest of the report")
            { Expected = facts.FiscalYear, Actual = year.Value, MessageTh = $"ที่นี่ระบุปีงบประมาณ {year.Value} แต่ส่วนอื่นของรายงานคือ {facts.FiscalYear}" };
        }
    }

    /// <summary>Another office named in a heading or a project's progress text.</summary>
    private static IEnumerable<Finding> NamesInText(ReportDocument doc, ReportFacts facts)
    {
        var texts = doc.Sections.Select(s => (s.Line, Row: (int?)null, Text: s.Name))
            .Concat(doc.Sections.SelectMany(s => s.Rows).Select(r => (r.Line, Row: r.Number, Text: r.Progress)));
        foreach (var (line, row, text) in texts)
        {
            foreach (var other in OfficeMentions.Others(text, facts.OfficeName).Distinct())
            {
                yield return new Finding(row, line, "office-name", $"the text names '{other}', not '{facts.OfficeName}'")
                { ExpectedText = facts.OfficeName, ActualText = other, MessageTh = $"ข้อความระบุ '{other}' ซึ่งไม่ใช่ '{facts.OfficeName}'" };
            }
        }
    }

    private static IEnumerable<Finding> Dates(ReportDocument doc, ReportFacts facts)
    {
        var p = doc.Preamble;
        if (p.PeriodStart is { } start && start < FiscalCalendar.FiscalYearStart(facts.FiscalYear))
        {
            yield return new Finding(null, 0, "period", $"the period starts {ThaiDate.Long(start)}, before fiscal year {facts.FiscalYear}")
            { ExpectedText = ThaiDate.Long(FiscalCalendar.FiscalYearStart(facts.FiscalYear)), ActualText = ThaiDate.Long(start), MessageTh = $"รอบรายงานเริ่ม {ThaiDate.Long(start)} ก่อนปีงบประมาณ {facts.FiscalYear}" };
        }

        foreach (var round in p.Rounds.Where(r => r.Value.Letter?.Date is { } d && (d < facts.PeriodStart || d > facts.PeriodEnd)))
        {
            var d = round.Value.Letter!.Date!.Value;
            yield return new Finding(null, round.Line, "date-outside-period",
                $"round {round.Value.Number}'s letter is dated {ThaiDate.Long(d)}, outside {ThaiDate.Long(facts.PeriodStart)} – {ThaiDate.Long(facts.PeriodEnd)}")
            { ExpectedText = $"{ThaiDate.Long(facts.PeriodStart)} – {ThaiDate.Long(facts.PeriodEnd)}", ActualText = ThaiDate.Long(d), MessageTh = $"หนังสือจัดสรรครั้งที่ {round.Value.Number} ลงวันที่ {ThaiDate.Long(d)} อยู่นอกรอบรายงาน" };
        }

        foreach (var row in doc.Rows)
        {
            foreach (var (text, date) in TextDates.Find(row.Progress).Where(x => x.Date < facts.PeriodStart || x.Date > facts.PeriodEnd))
            {
                yield return new Finding(row.Number, row.Line, "date-outside-period",
                    $"the progress note mentions '{text}', outside the report period {ThaiDate.Long(facts.PeriodStart)} – {ThaiDate.Long(facts.PeriodEnd)}")
                { ExpectedText = $"{ThaiDate.Long(facts.PeriodStart)} – {ThaiDate.Long(facts.PeriodEnd)}", ActualText = ThaiDate.Long(date), MessageTh = $"ความก้าวหน้ากล่าวถึงวันที่ '{text}' ซึ่งอยู่นอกรอบรายงาน {ThaiDate.Long(facts.PeriodStart)} – {ThaiDate.Long(facts.PeriodEnd)}" };
            }
        }
    }
}
