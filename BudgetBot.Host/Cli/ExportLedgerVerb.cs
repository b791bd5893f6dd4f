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
            output.WriteLine("usage: export-ledger <file.csv> [--fiscal-year 2566] [--office ID] [--data-dir DIR]");
            return 2;
        }

        var offices = store.Offices();
        var office = args.Option("--office") is { } wanted
            ? offices.FirstOrDefault(o => o.Id == wanted || o.Name.Contains(wanted, StringComparison.Ordinal))
            : offices.Count == 1 ? offices[0] : null;
        if (office is null)
        {
            output.WriteLine(offices.Count == 0
                ? "ยังไม่มีหน่วยงานในข้อมูล นำเข้ารายงานก่อนด้วย import · The data dir holds no office yet."
                : "ระบุหน่วยงานด้วย --office · Name the office with --office: " + string.Join(", ", offices.Select(o => $"{o.Id} ({o.Name})")));
            return 2;
        }

        var years = store.FiscalYears(office.Id);
        var fiscalYear = args.Option("--fiscal-year") is { } fy && int.TryParse(ThaiDigits.ToAscii(fy), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (years.Count > 0 ? years[^1] : 0);
        if (!years.Contains(fiscalYear))
        {
            output.WriteLine($"{office.Name} ไม่มีปีงบประมาณ {fiscalYear} มีเฉพาะ {string.Join(", ", years)} · has no fiscal year {fiscalYear}");
            return 2;
        }

        var full = Path.GetFullPath(args.Positional[0]);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, csv.Write(office.Id, fiscalYear));
        var entries = store.Ledger(office.Id, fiscalYear);
        output.WriteLine($"บันทึกแล้ว {full}: {office.Name} ปีงบประมาณ {fiscalYear} {entries.Count} รายการ รวม {ThaiAmount.Format(entries.Sum(e => e.Amount))}");
        return 0;
    }
}
