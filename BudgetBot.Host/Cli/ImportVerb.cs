using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Reports;

namespace BudgetBot.Host.Cli;

/// <summary><c>import &lt;file&gt; [--json] [--accept-repairs]</c>: reads, reconciles and stores a monitoring report (text or XLSX).</summary>
internal sealed class ImportVerb(IBudgetStore store, ReportFileReader reader, TimeProvider clock)
{
    public int Run(CliArgs args, TextWriter output)
    {
        if (args.Positional.Count != 1)
        {
            output.WriteLine("usage: import <file> [--json] [--accept-repairs] [--data-dir DIR]");
            return 2;
        }

        var path = args.Positional[0];
        if (!File.Exists(path))
        {
            output.WriteLine($"No such file: {path}");
            return 2;
        }

        var file = reader.Read(path);
        var result = ReportImport.Analyze(file.Lines, args.Flags.Contains("--accept-repairs"));
        if (result.ProjectCount == 0)
        {
            output.WriteLine($"{path}: no project rows found; is this a monitoring report?");
            return 2;
        }

        var written = store.Import(result.ToSnapshot(clock.GetUtcNow(), file.SourceId));
        if (args.Flags.Contains("--json"))
        {
            output.WriteLine(ImportJson.Write(result, written));
        }
        else
        {
            WriteText(output, result, written);
        }

        return written == ImportWrite.YearExists ? 3 : 0;
    }

    private static void WriteText(TextWriter o, ImportResult r, ImportWrite written)
    {
        var t = r.Totals;
        o.WriteLine($"{r.Facts.OfficeName}, fiscal year {r.Facts.FiscalYear} ({ThaiDate.Long(r.Facts.PeriodStart)} – {ThaiDate.Long(r.Facts.PeriodEnd)})");
        o.WriteLine($"{r.ProjectCount} projects in {r.Document.Sections.Count} divisions; allocated {ThaiAmount.Format(t.Allocation)}, used {ThaiAmount.Format(t.Used)}, remaining {ThaiAmount.Format(t.Allocation - t.Used)}");
        o.WriteLine($"{r.Findings.Count} findings, {r.RepairsOffered} repairs offered{(r.RepairsApplied ? " and applied" : " (not applied: pass --accept-repairs)")}:");
        foreach (var f in r.Findings)
        {
            var where = f.Row is { } row ? $"project {row}" : "report";
            var figures = f.Difference is { } d ? $" [expected {ThaiAmount.FormatNumber(f.Expected!.Value)}, actual {ThaiAmount.FormatNumber(f.Actual!.Value)}, difference {ThaiAmount.FormatNumber(d)}]" : "";
            o.WriteLine($"  line {f.Line}, {where}, {f.Check}: {f.Message}{figures}");
            if (f.Repair is not null)
            {
                o.WriteLine($"      repair: {f.Repair.Description}");
            }
        }

        o.WriteLine(written switch
        {
            ImportWrite.Written => "Stored.",
            ImportWrite.Unchanged => "This report was imported before; nothing changed.",
            _ => "Not stored: this office already has that fiscal year from another report.",
        });
    }
}
