using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;

namespace BudgetBot.Host.Cli;

/// <summary>The office and fiscal year a verb works on: <c>--office</c> (needed when there are several) and <c>--fiscal-year</c> (the latest by default).</summary>
internal static class OfficeYear
{
    /// <summary>The choice, or null after saying in Thai and English what is wrong.</summary>
    public static (Office Office, int FiscalYear)? Choose(IBudgetStore store, CliArgs args, TextWriter output)
    {
        var offices = store.Offices();
        var office = args.Option("--office") is { } wanted
            ? offices.FirstOrDefault(o => o.Id == wanted || o.Name.Contains(wanted, StringComparison.Ordinal))
            : offices.Count == 1 ? offices[0] : null;
        if (office is null)
        {
            output.WriteLine(offices.Count == 0
                ? "ยังไม่มีหน่วยงานในข้อมูล นำเข้ารายงานก่อนด้วย import · The data dir holds no office yet: import a report first."
                : "ระบุหน่วยงานด้วย --office · Name the office with --office: " + string.Join(", ", offices.Select(o => $"{o.Id} ({o.Name})")));
            return null;
        }

        var years = store.FiscalYears(office.Id);
        var text = args.Option("--fiscal-year");
        var fiscalYear = text is null ? (years.Count > 0 ? years[^1] : 0)
            : int.TryParse(ThaiDigits.ToAscii(text), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (!years.Contains(fiscalYear))
        {
            output.WriteLine($"{office.Name} ไม่มีปีงบประมาณ {text ?? fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture)} มีเฉพาะ {string.Join(", ", years)} · has no such fiscal year");
            return null;
        }

        return (office, fiscalYear);
    }
}
