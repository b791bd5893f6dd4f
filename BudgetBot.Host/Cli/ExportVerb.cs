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

        var round = ReportRound.Parse(args.Option("--round") ?? "year");
        if (round is null)
        {
            output.WriteLine("--round is one of h1, q1, q2, q3, q4, year");
            return 2;
        }

        var offices = store.Offices();
        var office = args.Option("--office") is { } wanted
            ? offices.FirstOrDefault(o => o.Id == wanted || o.Name.Contains(wanted, StringComparison.Ordinal))
            : offices.Count == 1 ? offices[0] : null;
        if (office is null)
        {
            output.WriteLine(offices.Count == 0
                ? "The data dir holds no office yet: import a report first."
                : "Name the office with --office; the data dir holds: " + string.Join(", ", offices.Select(o => $"{o.Id} ({o.Name})")));
            return 2;
        }

        var years = store.FiscalYears(office.Id);
        var fiscalYear = args.Option("--fiscal-year") is { } fy ? int.Parse(ThaiDigits.ToAscii(fy), System.Globalization.CultureInfo.InvariantCulture) : (years.Count > 0 ? years[^1] : 0);
        if (!years.Contains(fiscalYear))
        {
            output.WriteLine($"{office.Name} has no fiscal year {fiscalYear}; it has {string.Join(", ", years)}");
            return 2;
        }

        var today = TimeZones.Today(options.Value.TimeZone, clock.GetUtcNow());
        exporter.WriteXlsx(args.Positional[0], office.Id, fiscalYear, round, today);
        output.WriteLine($"Wrote {args.Positional[0]}: {office.Name}, fiscal year {fiscalYear}, round {round.Name}");
        return 0;
    }
}
