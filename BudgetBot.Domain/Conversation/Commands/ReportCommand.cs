using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Reconciliation;

namespace BudgetBot.Domain.Conversation.Commands;

/// <summary><c>/report [h1|q1..q4|year]</c>, <c>รายงาน</c>: the monitoring report as a spreadsheet, with its headline figures.</summary>
internal sealed class ReportCommand : ICommand
{
    public Intent Intent => Intent.Report;

    public IReadOnlyList<Reply> Run(CommandContext ctx)
    {
        var say = ctx.Say;
        if (!Access.CanReport(ctx.Person, ctx.OfficeId))
        {
            return ctx.Refuse("report", "not allowed", "รายงานติดตามสำหรับผู้ดูแลระบบ ผู้บริหาร หัวหน้ากลุ่ม และผู้ตรวจสอบ", "The monitoring report is for admins, executives, division heads and auditors.");
        }

        // An older year is named after the round: "ทั้งปี 2566".
        var (args, fiscalYear) = YearAtEnd(ctx.Args, ctx.FiscalYear);
        if (!ctx.Budget.FiscalYears(ctx.OfficeId!).Contains(fiscalYear))
        {
            return [ctx.Text($"ไม่มีข้อมูลปีงบประมาณ {fiscalYear} (มี: {string.Join(", ", ctx.Budget.FiscalYears(ctx.OfficeId!))})", $"There is no fiscal year {fiscalYear} (there are: {string.Join(", ", ctx.Budget.FiscalYears(ctx.OfficeId!))}).")];
        }

        // Without a round, the one the year's date has reached: the same default as the export verb.
        var asOf = ctx.Budget.FiscalYear(ctx.OfficeId!, fiscalYear)!.AnswerDate(ctx.Today);
        var round = args.Length == 0 ? ReportRound.For(fiscalYear, asOf) : ReportRound.Parse(args);
        if (round is null)
        {
            return [ctx.Text("พิมพ์เช่น รายงาน 6 เดือน (ไตรมาส 1–4, 6 เดือน, ทั้งปี) และปีงบประมาณถ้าเป็นปีก่อน เช่น รายงาน ทั้งปี 2566", "Type e.g. /report h1 (h1, q1-q4, year), and the fiscal year for an earlier one, e.g. /report year 2566.")];
        }

        // One answer, one set of figures: the text says what the attached file and the page show, as of the same date.
        var end = Calendar.FiscalCalendar.QuarterEnd(fiscalYear, round.LastQuarter);
        var submitted = ctx.Budget.Submitted(ctx.OfficeId!, fiscalYear, round.LastQuarter);
        var reportDate = submitted?.AsOf ?? (ctx.Today < end ? ctx.Today : end);
        // The same headline as the page's first screen and the weekly summary.
        var headline = OfficeHeadline.ForReport(ctx.Budget, ctx.OfficeId!, fiscalYear, round, submitted, ctx.Settings.Targets);
        // A link to the same report as a phone-sized web page: 128 random bits, kept only as a hash, one office, expiring.
        var token = Ports.ReportLink.NewToken();
        var expires = ctx.Message.At + ctx.Settings.ReportLinkLifetime;
        ctx.Chat.SaveReportLink(new Ports.ReportLink(Ports.ReportLink.Hash(token), ctx.OfficeId!, fiscalYear, round.Name, expires));
        var until = Calendar.FiscalCalendar.LocalDate(expires, ctx.Settings.TimeZone);
        var title = say[$"รายงานการกำกับ ติดตาม การใช้จ่ายงบประมาณ ปี {fiscalYear} รอบ {round.LastQuarter * 3} เดือน", $"Monitoring report, fiscal year {fiscalYear}, {round.LastQuarter * 3} months"];
        return [new Reply(string.Join('\n', [
            title,
            say[$"ข้อมูล ณ {Calendar.ThaiDate.Short(reportDate)} (ตรงกับไฟล์และหน้าเว็บที่แนบ){(submitted is null ? "" : " ฉบับที่ส่งแล้ว")}", $"Figures as of {say.Date(reportDate)} (the same as the attached file and page){(submitted is null ? "" : ", as submitted")}"],
            .. headline.Lines(say),
            say[$"หน้ารายงานสำหรับมือถือใช้ได้ถึง {Calendar.ThaiDate.Short(until)}", $"The page for phones works until {say.Date(until)}"]]))
        {
            Card = Cards.Report(say, title, headline, reportDate),
            Attachments = [Attachment.Report(ctx.OfficeId!, fiscalYear, round.Name)],
            Buttons = [[Button.Link(say["เปิดหน้ารายงาน", "Open the report page"], $"/reports/{token}")]],
        }];
    }

    /// <summary>A Buddhist-era year as the last word (<c>ทั้งปี 2566</c>, <c>year 2566</c>), and the rest.</summary>
    private static (string Args, int FiscalYear) YearAtEnd(string args, int current)
    {
        var tokens = Calendar.ThaiDigits.ToAscii(args).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0 || !System.Text.RegularExpressions.Regex.IsMatch(tokens[^1], "^25[0-9]{2}$"))
        {
            return (args, current);
        }

        var year = int.Parse(tokens[^1], System.Globalization.CultureInfo.InvariantCulture);
        tokens.RemoveAt(tokens.Count - 1);
        if (tokens.Count > 0 && tokens[^1] is "ปี" or "ปีงบประมาณ" or "fy")
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return (string.Join(' ', tokens), year);
    }
}
