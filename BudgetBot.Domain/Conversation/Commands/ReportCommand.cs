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

        // Without a round, the one the year's date has reached: the same default as the export verb.
        var round = ctx.Args.Length == 0 ? ReportRound.For(ctx.FiscalYear, ctx.AsOf) : ReportRound.Parse(ctx.Args);
        if (round is null)
        {
            return [ctx.Text("พิมพ์เช่น รายงาน 6 เดือน (ไตรมาส 1–4, 6 เดือน, ทั้งปี)", "Type e.g. /report h1 (h1, q1-q4, year).")];
        }

        var f = Figures.Sum(ctx.Projects().Select(ctx.FiguresOf));
        // A link to the same report as a phone-sized web page: 128 random bits, kept only as a hash, one office, expiring.
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var expires = ctx.Message.At + ctx.Settings.ReportLinkLifetime;
        ctx.Chat.SaveReportLink(new Ports.ReportLink(Ports.ReportLink.Hash(token), ctx.OfficeId!, ctx.FiscalYear, round.Name, expires));
        var link = $"{ctx.Settings.PublicBaseUrl?.TrimEnd('/')}/reports/{token}";
        var until = Calendar.FiscalCalendar.LocalDate(expires, ctx.Settings.TimeZone);
        return [new Reply(string.Join('\n',
            say[$"รายงานการกำกับ ติดตาม การใช้จ่ายงบประมาณ ปี {ctx.FiscalYear} รอบ {round.LastQuarter * 3} เดือน", $"Monitoring report, fiscal year {ctx.FiscalYear}, {round.LastQuarter * 3} months"],
            ProjectText.ToDate(say, f, round.LastQuarter), ProjectText.Used(say, f),
            say[$"ดูบนมือถือ (ใช้ได้ถึง {Calendar.ThaiDate.Short(until)}): {link}", $"On a phone (until {say.Date(until)}): {link}"]))
        {
            Attachments = [Attachment.Report(ctx.OfficeId!, ctx.FiscalYear, round.Name)],
        }];
    }
}
