using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary>
/// <c>/close &lt;h1|q1..q4|year&gt;</c>, <c>ปิดรอบ</c>: an admin marks a period submitted once it has ended. Its report is
/// kept as it is now, so it can be produced again unchanged; entries dated inside it afterwards need an admin, are late,
/// and the next report lists them as adjustments.
/// </summary>
internal sealed class CloseCommand : ICommand
{
    public Intent Intent => Intent.Close;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (!Access.IsAdmin(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("close", "not allowed", "เฉพาะผู้ดูแลระบบ (กลุ่มนโยบายและแผน) ปิดรอบรายงานได้", "Only an admin (policy and planning) can close a reporting period.");
        }

        if (ReportRound.Parse(ctx.Args) is not { } round)
        {
            return [ctx.Text("พิมพ์รอบที่จะปิด เช่น ปิดรอบ 6 เดือน (หรือ ไตรมาส 1, 9 เดือน, ทั้งปี)", "Type the period to close, e.g. /close h1 (or q1..q4, year).")];
        }

        var office = ctx.OfficeId!;
        var fiscalYear = ctx.FiscalYear;
        var end = FiscalCalendar.QuarterEnd(fiscalYear, round.LastQuarter);
        if (ctx.Today < end)
        {
            return [ctx.Text($"รอบนี้ยังไม่จบ (ถึง {ThaiDate.Short(end)}) ปิดได้ตั้งแต่วันนั้น", $"That period has not ended yet (it runs to {say.Date(end)}); it can be closed from then.")];
        }

        var year = ctx.Budget.FiscalYear(office, fiscalYear)!;
        var report = new SubmittedReport(office, fiscalYear, round.LastQuarter, round.Name, ctx.Message.At, ctx.Today < end ? ctx.Today : end, year)
        {
            Divisions = ctx.Budget.Divisions(office),
            Projects = [.. ctx.Budget.Projects(office, fiscalYear).Select(p => new SubmittedProject(p, Figures.Of(p, ctx.Budget.Balance(p.Id))))],
            Extras = ReportExtras.Of(ctx.Budget.Projects(office, fiscalYear), ctx.Budget.BudgetEvents(office, fiscalYear), ctx.Budget.Ledger(office, fiscalYear), end),
        };
        var draft = new BudgetEvent(office, fiscalYear, BudgetEventKind.PeriodClosed, 0, end, ctx.Person!.Id, ctx.Message.SourceKey, ctx.Message.At) { Note = round.Name };
        var outcome = BudgetRules.Close(ctx.Budget, draft, report);
        if (outcome.Status == BudgetStatus.AlreadyClosed)
        {
            return [ctx.Text($"ปิดรอบนี้ไว้แล้วเมื่อ {ThaiDate.Short(FiscalCalendar.LocalDate(outcome.Event!.RecordedAt, ctx.Settings.TimeZone))} รายงานที่ส่งยังเป็นฉบับเดิม", $"That period was closed on {say.Date(FiscalCalendar.LocalDate(outcome.Event!.RecordedAt, ctx.Settings.TimeZone))}; the submitted report stays as it was.")];
        }

        if (outcome.Status == BudgetStatus.Applied)
        {
            ctx.Audit("close", $"{round.Name} of {fiscalYear} through {end:yyyy-MM-dd}", refused: false);
        }

        var used = report.Projects.Sum(p => p.Figures.Used);
        return [new Reply(string.Join('\n',
            say[$"ปิดรอบรายงาน {RoundName(say, round)} ปีงบประมาณ {fiscalYear} แล้ว (ถึง {ThaiDate.Short(end)})", $"Closed the {RoundName(say, round)} period of fiscal year {fiscalYear} (to {say.Date(end)})."],
            say[$"รายงานที่ส่ง: ใช้จริงรวม {Say.Baht(used)} บาท ขอรายงานฉบับนี้ซ้ำได้ด้วย รายงาน {RoundName(say, round)}", $"Submitted report: {Say.Baht(used)} baht used in all; /report {round.Name} gives this same report again."],
            say["รายการที่ลงวันที่ในรอบนี้ต่อจากนี้ต้องให้ผู้ดูแลระบบบันทึก และจะแสดงเป็นรายการปรับปรุงในรายงานรอบถัดไป", "Entries dated in this period from now on need an admin and are listed as adjustments in the next report."]))];
    }

    private static string RoundName(Say say, ReportRound round) => round.LastQuarter switch
    {
        2 => say["6 เดือน", "h1"],
        4 => say["ทั้งปี", "year"],
        var q => say[$"ไตรมาส {q}", $"q{q}"],
    };
}
