using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation;

/// <summary>How projects and figures read in a chat reply: short enough for a phone.</summary>
public static class ProjectText
{
    public static string Title(Say say, Project p) => say[$"โครงการ {p.Number} {p.Name}", $"Project {p.Number} {p.Name}"];

    public static string Quarter(Say say, Figures f, int quarter, int fiscalYear) => say[
        $"ไตรมาส {quarter}/{fiscalYear} แผน {Say.Baht(f.Plan[quarter])} บาท ผล {Say.Baht(f.Actual[quarter])} บาท",
        $"Q{quarter}/{fiscalYear}: plan {Say.Baht(f.Plan[quarter])} baht, actual {Say.Baht(f.Actual[quarter])} baht"];

    /// <summary>What is paid against the allocation and, where money is committed, what is committed and still available, with both rates.</summary>
    public static string Used(Say say, Figures f)
    {
        var lines = new List<string> { Paid(say, f) };
        if (f.Committed != 0 || f.CarriedOver != 0)
        {
            lines.Add(say[
                $"ผูกพัน {Say.Baht(f.Committed)} บาท คงเหลือใช้ได้ {Say.Baht(f.Available)} บาท · เบิกจ่ายร้อยละ {Say.Rate(f.PercentUsed)} · ใช้จ่าย (รวมผูกพัน) ร้อยละ {Say.Rate(f.PercentUsedOrCommitted)}",
                $"Committed {Say.Baht(f.Committed)} baht, available {Say.Baht(f.Available)} baht · paid {Say.Percent(f.PercentUsed)} · paid and committed {Say.Percent(f.PercentUsedOrCommitted)}"]);
        }

        if (f.CarriedOver != 0)
        {
            lines.Add(say[
                $"กันเงินเหลื่อมปี {Say.Baht(f.CarriedOver)} บาท เบิกแล้ว {Say.Baht(f.CarryOverPaid)} คงเหลือ {Say.Baht(f.CarriedOver - f.CarryOverPaid)} บาท",
                $"Carried over {Say.Baht(f.CarriedOver)} baht, {Say.Baht(f.CarryOverPaid)} paid, {Say.Baht(f.CarriedOver - f.CarryOverPaid)} baht left"]);
        }

        return string.Join('\n', lines);
    }

    private static string Paid(Say say, Figures f) => f.Remaining >= 0
        ? say[
            $"เบิกจ่ายแล้ว {Say.Baht(f.Used)} บาท จากงบที่ได้รับจัดสรร {Say.Baht(f.Allocation)} บาท (ร้อยละ {Say.Rate(f.PercentUsed)}) คงเหลือ {Say.Baht(f.Remaining)} บาท",
            $"Used {Say.Baht(f.Used)} of {Say.Baht(f.Allocation)} baht ({Say.Percent(f.PercentUsed)}), remaining {Say.Baht(f.Remaining)} baht"]
        : say[
            $"เบิกจ่ายแล้ว {Say.Baht(f.Used)} บาท จากงบที่ได้รับจัดสรร {Say.Baht(f.Allocation)} บาท (ร้อยละ {Say.Rate(f.PercentUsed)}) เกินงบ {Say.Baht(-f.Remaining)} บาท",
            $"Used {Say.Baht(f.Used)} of {Say.Baht(f.Allocation)} baht ({Say.Percent(f.PercentUsed)}), {Say.Baht(-f.Remaining)} baht over the allocation"];

    /// <summary>Plan and actual to the end of a quarter, the figure managers compare with the targets.</summary>
    public static string ToDate(Say say, Figures f, int quarter) => say[
        $"ถึงไตรมาส {quarter}: แผน {Say.Baht(f.PlanToDate(quarter))} ผล {Say.Baht(f.ActualToDate(quarter))} บาท",
        $"To Q{quarter}: plan {Say.Baht(f.PlanToDate(quarter))}, actual {Say.Baht(f.ActualToDate(quarter))} baht"];

    public static string Status(Say say, ProjectStatus status) => status switch
    {
        ProjectStatus.NotStarted => say["ยังไม่ดำเนินการ", "not started"],
        ProjectStatus.InProgress => say["อยู่ระหว่างดำเนินการ", "in progress"],
        ProjectStatus.Done => say["จบโครงการ", "done"],
        ProjectStatus.Postponed => say["เลื่อน", "postponed"],
        _ => say["ยกเลิกโครงการ", "cancelled"],
    };

    /// <summary>
    /// A project's balance as a card: the quarter's plan and result, the allocation, paid, remaining, status; the bar is
    /// the result against the plan to the quarter's end (the share paid of the allocation while nothing is planned yet).
    /// </summary>
    public static Card Card(Say say, Project p, Figures f, int quarter)
    {
        var (percent, label) = Cards.PlanBar(say, f, quarter);
        return new(
            Title(say, p),
            [
                new CardRow(say[$"แผนไตรมาส {quarter}/{p.FiscalYear}", $"Plan Q{quarter}/{p.FiscalYear}"], say[$"{Say.Baht(f.Plan[quarter])} บาท", $"{Say.Baht(f.Plan[quarter])} baht"]),
                new CardRow(say[$"ผลไตรมาส {quarter}/{p.FiscalYear}", $"Actual Q{quarter}/{p.FiscalYear}"], say[$"{Say.Baht(f.Actual[quarter])} บาท", $"{Say.Baht(f.Actual[quarter])} baht"]),
                new CardRow(say["งบที่ได้รับจัดสรร", "Allocation"], say[$"{Say.Baht(f.Allocation)} บาท", $"{Say.Baht(f.Allocation)} baht"]),
                new CardRow(say["เบิกจ่ายแล้ว", "Paid"], say[$"{Say.Baht(f.Used)} บาท", $"{Say.Baht(f.Used)} baht"]),
                new CardRow(say["เบิกจ่ายร้อยละ", "Share paid"], say[Say.Rate(f.PercentUsed), Say.Percent(f.PercentUsed)]),
                .. f.Committed != 0 ? [new CardRow(say["ผูกพัน", "Committed"], say[$"{Say.Baht(f.Committed)} บาท", $"{Say.Baht(f.Committed)} baht"])] : Array.Empty<CardRow>(),
                new CardRow(say["คงเหลือ", "Remaining"], say[$"{Say.Baht(f.Remaining)} บาท", $"{Say.Baht(f.Remaining)} baht"]),
                new CardRow(say["สถานะ", "Status"], Status(say, p.Status)),
            ],
            percent,
            label);
    }

    public static string Full(Say say, Project p, Figures f, int quarter) => string.Join('\n',
        Title(say, p), Quarter(say, f, quarter, p.FiscalYear), Used(say, f), say[$"สถานะ: {Status(say, p.Status)}", $"Status: {Status(say, p.Status)}"]);

    public static int CurrentQuarter(DateOnly today, int fiscalYear) =>
        FiscalCalendar.FiscalYearBE(today) == fiscalYear ? FiscalCalendar.Quarter(today) : today < FiscalCalendar.FiscalYearStart(fiscalYear) ? 1 : 4;
}
