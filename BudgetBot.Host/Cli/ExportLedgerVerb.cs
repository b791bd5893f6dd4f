using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;
using BudgetBot.Host.Reports;

namespace BudgetBot.Host.Cli;

/// <summary><c>export-ledger &lt;file.csv&gt; [--fiscal-year N] [--office ID]</c>: the audit trail, the same file <c>/audit</c> sends.</summary>
internal sealed class ExportLedgerVerb(IBudgetStore store, LedgerCsv csv)
{
    public int Run(CliArgs args, TextWriter output)
    {
        if (args.Positional.Count != 1 || !args.Positional[0].EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            output.WriteLine("usage: export-ledger <file.csv> [--fiscal-year 2566] [--office ID] [--thai] [--data-dir DIR]");
            return 2;
        }

        if (OfficeYear.Choose(store, args, output) is not var (office, fiscalYear))
        {
            return 2;
        }

        var full = Path.GetFullPath(args.Positional[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, csv.Write(office.Id, fiscalYear, toRead: args.Flags.Contains("--thai")));
        var entries = store.Ledger(office.Id, fiscalYear);
        output.WriteLine($"บันทึกแล้ว {full}: {office.Name} ปีงบประมาณ {fiscalYear} {entries.Count} รายการ รวม {ThaiAmount.Format(entries.Sum(e => e.Amount))}");
        return 0;
    }
}
