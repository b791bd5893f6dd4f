using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Options;
using BudgetBot.Host.Reports;
using Microsoft.Extensions.Options;

namespace BudgetBot.Host.Cli;

/// <summary><c>export &lt;file.xlsx&gt; [--fiscal-year N] [--round h1|q1..q4|year] [--office ID]</c>: the monitoring report as a spreadsheet.</summary>
internal sealed class ExportVerb(IBudgetStore store, ReportExporter exporter, TimeProvider clock, IOptions<BudgetBotOptions> options)
{
    public int Run(CliArgs args, TextWriter output)
    {
        if (args.Positional.Count != 1 || !args.Positional[0].EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            output.WriteLine("usage: export <file.xlsx> [--fiscal-year 2566] [--round h1|q1|q2|q3|q4|year] [--office ID] [--data-dir DIR]");
            return 2;
        }

        var chosen = args.Option("--round");
        var round = chosen is null ? null : ReportRound.Parse(chosen);
        if (chosen is not null && round is null)
        {
            output.WriteLine("--round ต้องเป็น q1 q2 q3 q4 h1 หรือ year (หรือ ไตรมาส 2, 6 เดือน, ทั้งปี) · --round is one of q1, q2, q3, q4, h1, year");
            return 2;
        }

        if (OfficeYear.Choose(store, args, output) is not var (office, fiscalYear))
        {
            return 2;
        }

        var today = TimeZones.Today(options.Value.TimeZone, clock.GetUtcNow());
        var asOf = store.FiscalYear(office.Id, fiscalYear)!.AnswerDate(today);
        round ??= ReportRound.For(fiscalYear, asOf);
        exporter.WriteXlsx(args.Positional[0], office.Id, fiscalYear, round, today);
        // The date the report itself stands at: the round's last day once it is over.
        var end = Domain.Calendar.FiscalCalendar.QuarterEnd(fiscalYear, round.LastQuarter);
        output.WriteLine($"บันทึกรายงานแล้ว {args.Positional[0]}: {office.Name} ปีงบประมาณ {fiscalYear} รอบ {round.LastQuarter * 3} เดือน ข้อมูล ณ {ThaiDate.Long(today < end ? today : end)}");
        return 0;
    }
}
