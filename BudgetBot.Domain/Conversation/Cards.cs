using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;

namespace BudgetBot.Domain.Conversation;

/// <summary>
/// The answers a manager reads on a phone, as cards: a title (the reply's first line), a figure per row, a bar and the
/// date the figures are as of. The reply's text keeps all of it, for every place that draws no card.
/// </summary>
public static class Cards
{
    /// <summary>Totals of a division or the office: the plan and the result to date, the bar filled to the result's share of that plan.</summary>
    public static Card Totals(Say say, string title, Figures f, int quarter, DateOnly asOf)
    {
        var ofPlan = Figures.Percent(f.ActualToDate(quarter), f.PlanToDate(quarter));
        return new Card(
            title,
            [
                Row(say, say[$"แผนถึงไตรมาส {quarter}", $"Plan to Q{quarter}"], f.PlanToDate(quarter)),
                Row(say, say[$"ผลถึงไตรมาส {quarter}", $"Actual to Q{quarter}"], f.ActualToDate(quarter)),
                .. Money(say, f),
            ],
            ofPlan,
            say[$"ผลร้อยละ {Say.Rate(ofPlan)} ของแผนถึงไตรมาส {quarter}", $"{Say.Percent(ofPlan)} of the plan to Q{quarter}"],
            AsOf(say, asOf));
    }

    /// <summary>A spend just recorded: what was recorded, the quarter, and where the project stands now against its plan.</summary>
    public static Card Spend(Say say, string title, LedgerEntry entry, Figures f, int quarter, int fiscalYear, DateOnly asOf)
    {
        var (percent, label) = PlanBar(say, f, quarter);
        return new(
            title,
            [
                Row(say, say["จำนวนเงิน", "Amount"], entry.Amount),
                new CardRow(say["ลงวันที่", "Dated"], say[ThaiDate.Short(entry.Date), say.Date(entry.Date)]),
                new CardRow(say["รายการที่", "Entry"], "#" + entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Row(say, say[$"แผนไตรมาส {quarter}/{fiscalYear}", $"Plan Q{quarter}/{fiscalYear}"], f.Plan[quarter]),
                Row(say, say[$"ผลไตรมาส {quarter}/{fiscalYear}", $"Actual Q{quarter}/{fiscalYear}"], f.Actual[quarter]),
                .. Money(say, f),
                new CardRow(say["เบิกจ่ายร้อยละ", "Share paid"], say[Say.Rate(f.PercentUsed), Say.Percent(f.PercentUsed)]),
            ],
            percent,
            label,
            AsOf(say, asOf));
    }

    /// <summary>
    /// A project's bar and its label: the result to the quarter's end against the plan to it, or the share paid of the
    /// allocation while nothing is planned yet.
    /// </summary>
    public static (decimal Percent, string Label) PlanBar(Say say, Figures f, int quarter)
    {
        if (f.PlanToDate(quarter) <= 0)
        {
            return (f.PercentUsed, say[$"เบิกจ่ายร้อยละ {Say.Rate(f.PercentUsed)}", $"{Say.Percent(f.PercentUsed)} paid"]);
        }

        var ofPlan = Figures.Percent(f.ActualToDate(quarter), f.PlanToDate(quarter));
        return (ofPlan, say[$"ผลร้อยละ {Say.Rate(ofPlan)} ของแผนถึงไตรมาส {quarter}", $"{Say.Percent(ofPlan)} of the plan to Q{quarter}"]);
    }

    /// <summary>The report's headline: the office's money, its plan and result to date, the cabinet's target when known.</summary>
    public static Card Report(Say say, string title, OfficeHeadline h, DateOnly asOf) => new(
        title,
        [
            Row(say, say[$"แผนถึงไตรมาส {h.Quarter}", $"Plan to Q{h.Quarter}"], h.Total.PlanToDate(h.Quarter)),
            Row(say, say[$"ผลถึงไตรมาส {h.Quarter}", $"Actual to Q{h.Quarter}"], h.Total.ActualToDate(h.Quarter)),
            .. Money(say, h.Total),
            new CardRow(say["เบิกจ่ายและผูกพัน", "Paid and committed"], say[$"ร้อยละ {Say.Rate(h.Total.PercentUsedOrCommitted)}", Say.Percent(h.Total.PercentUsedOrCommitted)]),
            new CardRow(say[$"เป้าหมาย ครม. ไตรมาส {h.Quarter}", $"Cabinet target Q{h.Quarter}"], h.Target.Target is { } t ? say[$"ร้อยละ {Say.Rate(t.Percent)}", Say.Percent(t.Percent)] : say["ยังไม่ทราบ", "not known"]),
        ],
        h.PercentOfPlan,
        say[$"ผลร้อยละ {Say.Rate(h.PercentOfPlan)} ของแผนถึงไตรมาส {h.Quarter}", $"{Say.Percent(h.PercentOfPlan)} of the plan to Q{h.Quarter}"],
        AsOf(say, asOf));

    /// <summary>Projects behind their plan, each with its gap; the bar is the share of projects that are not behind.</summary>
    public static Card Lagging(Say say, string title, IEnumerable<(Project Project, decimal Gap)> shown, int behind, int of, DateOnly asOf)
    {
        var onPlan = Figures.Percent(of - behind, of);
        return new Card(
            title,
            [.. shown.Select(x => new CardRow($"{x.Project.Number}. {x.Project.Name}", say[$"ต่ำกว่าแผน {Say.Baht(x.Gap)} บาท", $"{Say.Baht(x.Gap)} baht behind"]))],
            onPlan,
            say[$"ตามแผน {of - behind} จาก {of} โครงการ", $"{of - behind} of {Say.Count(of, "project")} on plan"],
            AsOf(say, asOf));
    }

    /// <summary>Allocation, paid, committed (when any) and remaining: the rows every money card ends with.</summary>
    private static IEnumerable<CardRow> Money(Say say, Figures f) =>
    [
        Row(say, say["งบที่ได้รับจัดสรร", "Allocation"], f.Allocation),
        Row(say, say["เบิกจ่ายแล้ว", "Paid"], f.Used),
        .. f.Committed + f.CarriedOver != 0 ? [Row(say, say["ผูกพัน", "Committed"], f.Committed + f.CarriedOver)] : Array.Empty<CardRow>(),
        Row(say, say["คงเหลือ", "Remaining"], f.Remaining),
    ];

    private static CardRow Row(Say say, string label, decimal baht) => new(label, say[$"{Say.Baht(baht)} บาท", $"{Say.Baht(baht)} baht"]);

    public static string AsOf(Say say, DateOnly asOf) => say[$"ข้อมูล ณ {ThaiDate.Short(asOf)}", $"As of {say.Date(asOf)}"];
}
