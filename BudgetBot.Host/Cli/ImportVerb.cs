using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Calendar;
using BudgetBot.Domain.Ports;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Reports;

namespace BudgetBot.Host.Cli;

/// <summary>
/// <c>import &lt;file&gt; [--json] [--accept-repairs] [--update]</c>: reads, reconciles and stores a monitoring report (text or
/// XLSX); with <c>--update</c>, a revised report of a year already held becomes dated adjustments (<see cref="YearRevision"/>).
/// </summary>
internal sealed class ImportVerb(IBudgetStore store, ReportFileReader reader, TimeProvider clock)
{
    public int Run(CliArgs args, TextWriter output)
    {
        if (args.Positional.Count != 1)
        {
            output.WriteLine("usage: import <file> [--json] [--accept-repairs] [--update] [--english] [--data-dir DIR]");
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

        if (args.Flags.Contains("--update"))
        {
            return Update(output, result, file.SourceId, args.Flags.Contains("--english"));
        }

        // A row that does not add up has no single figure to store: its quarters, its used column and the total row
        // disagree. Storing one of them silently would put a third number in the ledger, so the choice is the user's.
        var written = result.RepairsOffered > 0 && !result.RepairsApplied
            ? ImportWrite.RepairsNotAccepted
            : store.Import(result.ToSnapshot(clock.GetUtcNow(), file.SourceId));
        if (args.Flags.Contains("--json"))
        {
            output.WriteLine(ImportJson.Write(result, written));
        }
        else
        {
            WriteText(output, result, written, args.Flags.Contains("--english"));
        }

        return written switch { ImportWrite.YearExists => 3, ImportWrite.RepairsNotAccepted => 4, _ => 0 };
    }

    /// <summary>Exit 0 when applied, 5 when the file and the ledger disagree somewhere (reported, not changed), 2 without the year.</summary>
    private int Update(TextWriter o, ImportResult r, string sourceId, bool english)
    {
        string L(string thai, string en) => english ? en : thai;
        if (r.RepairsOffered > 0 && !r.RepairsApplied)
        {
            o.WriteLine(L($"ยังไม่ได้ปรับ: มี {r.RepairsOffered} แถวที่ตัวเลขในไฟล์ขัดกันเอง เพิ่ม --accept-repairs หรือแก้ไฟล์", $"Not applied: {r.RepairsOffered} rows contradict themselves; pass --accept-repairs or correct the file."));
            return 4;
        }

        var revised = YearRevision.Apply(store, r.ToSnapshot(clock.GetUtcNow(), sourceId), "import", clock.GetUtcNow());
        if (!revised.YearHeld)
        {
            o.WriteLine(L($"ยังไม่มีปีงบประมาณ {r.Facts.FiscalYear} ของหน่วยงานนี้: นำเข้าโดยไม่ใส่ --update", $"Fiscal year {r.Facts.FiscalYear} is not held for this office yet: import it without --update."));
            return 2;
        }

        o.WriteLine(L($"{r.Facts.OfficeName} ปีงบประมาณ {r.Facts.FiscalYear}: ปรับตามรายงานฉบับแก้ไข {revised.Changes.Count} รายการ", $"{r.Facts.OfficeName}, fiscal year {r.Facts.FiscalYear}: {revised.Changes.Count} changes from the revised report"));
        foreach (var change in revised.Changes)
        {
            o.WriteLine("  " + change);
        }

        if (revised.Contradictions.Count > 0)
        {
            o.WriteLine(L($"ไฟล์ไม่ตรงกับข้อมูลในระบบ {revised.Contradictions.Count} จุด (ไม่ได้แก้ รายการที่บันทึกทางแชตยังอยู่ครบ):", $"{revised.Contradictions.Count} points where the file and the ledger disagree (nothing overwritten; every entry recorded by chat stays):"));
            foreach (var problem in revised.Contradictions)
            {
                o.WriteLine("  " + problem);
            }
        }

        return revised.Contradictions.Count > 0 ? 5 : 0;
    }

    private static void WriteText(TextWriter o, ImportResult r, ImportWrite written, bool english)
    {
        string L(string thai, string en) => english ? en : thai;
        var t = r.Totals;
        o.WriteLine(L($"{r.Facts.OfficeName} ปีงบประมาณ {r.Facts.FiscalYear} ({ThaiDate.Long(r.Facts.PeriodStart)} – {ThaiDate.Long(r.Facts.PeriodEnd)})",
            $"{r.Facts.OfficeName}, fiscal year {r.Facts.FiscalYear} ({ThaiDate.Long(r.Facts.PeriodStart)} – {ThaiDate.Long(r.Facts.PeriodEnd)})"));
        // One used figure, and where it comes from: the quarters' results are what is stored; a total row or a used
        // column that says otherwise is a finding below, never a second "used".
        o.WriteLine(L($"{r.ProjectCount} โครงการ {r.Document.Sections.Count} กลุ่ม งบจัดสรร {ThaiAmount.Format(t.Allocation)} ใช้จริง {ThaiAmount.Format(t.Result.Total)} (รวมผลรายไตรมาสของทุกโครงการ ที่จะบันทึก) คงเหลือ {ThaiAmount.Format(t.Allocation - t.Result.Total)}",
            $"{r.ProjectCount} projects in {r.Document.Sections.Count} divisions; allocated {ThaiAmount.Format(t.Allocation)}, used {ThaiAmount.Format(t.Result.Total)} (the projects' quarterly results, as they will be stored), remaining {ThaiAmount.Format(t.Allocation - t.Result.Total)}"));
        o.WriteLine(L($"พบ {r.Findings.Count} จุดที่ไม่สอดคล้อง เสนอแก้ไข {r.RepairsOffered} แถว{(r.RepairsApplied ? " (ใช้การแก้ไขแล้ว)" : " (ยังไม่ใช้: เพิ่ม --accept-repairs)")}:",
            $"{r.Findings.Count} findings, {r.RepairsOffered} repairs offered{(r.RepairsApplied ? " and applied" : " (not applied: pass --accept-repairs)")}:"));
        // One block per project (in project order), then the report-wide findings; a repair is printed once per project.
        foreach (var group in r.Findings.GroupBy(f => f.Row).OrderBy(g => g.Key is null ? 1 : 0).ThenBy(g => g.Key))
        {
            o.WriteLine(group.Key is { } row ? L($"  โครงการที่ {row}:", $"  project {row}:") : L("  ทั้งรายงาน:", "  whole report:"));
            foreach (var f in group)
            {
                // A total row can be wrong too: say which figure is printed and which is the sum of the rows, not which is right.
                var figures = f.Difference is not { } d ? ""
                    : f.Check == "column-total"
                        ? L($" [แถวรวมระบุ {Figure(f, f.Expected!.Value)} แต่รวมจากรายโครงการได้ {Figure(f, f.Actual!.Value)} (ต่าง {Figure(f, Math.Abs(d))})]",
                            $" [the total row says {Figure(f, f.Expected!.Value)}, the projects' rows add up to {Figure(f, f.Actual!.Value)} (difference {Figure(f, Math.Abs(d))})]")
                    : f.Check is "total-plan" or "total-result"
                        ? L($" [ในแถวรวม: ช่องที่พิมพ์ไว้ {Figure(f, f.Expected!.Value)} แต่สี่ไตรมาสรวมได้ {Figure(f, f.Actual!.Value)} (ต่าง {Figure(f, Math.Abs(d))})]",
                            $" [on the total row: printed {Figure(f, f.Expected!.Value)}, its quarters add up to {Figure(f, f.Actual!.Value)} (difference {Figure(f, Math.Abs(d))})]")
                        : L($" [ควรเป็น {Figure(f, f.Expected!.Value)} พบ {Figure(f, f.Actual!.Value)} ต่าง {Figure(f, d)}]",
                            $" [expected {Figure(f, f.Expected!.Value)}, actual {Figure(f, f.Actual!.Value)}, difference {Figure(f, d)}]");
                var line = group.Key is null ? L($" (บรรทัด {f.Line})", $" (line {f.Line})") : "";
                o.WriteLine(L($"    {CheckNames.InThai(f.Check)}: {(f.MessageTh.Length > 0 ? f.MessageTh : f.Message)}{figures}{line}", $"    {f.Check}: {f.Message}{figures}{line}"));
            }

            foreach (var repair in group.Select(f => f.Repair).OfType<Repair>().DistinctBy(x => x.Description))
            {
                o.WriteLine(L($"    เสนอแก้ไข: {repair.DescriptionTh}", $"    repair: {repair.Description}"));
            }
        }

        o.WriteLine(written switch
        {
            ImportWrite.Written => L("บันทึกแล้ว", "Stored."),
            ImportWrite.Unchanged => L("นำเข้ารายงานนี้ไปแล้ว ไม่มีอะไรเปลี่ยน", "This report was imported before; nothing changed."),
            ImportWrite.RepairsNotAccepted => L(
                $"ยังไม่ได้บันทึก: มี {r.RepairsOffered} แถวที่ตัวเลขในไฟล์ขัดกันเอง นำเข้าอีกครั้งพร้อม --accept-repairs เพื่อบันทึกตามที่เสนอแก้ไข หรือแก้ไฟล์แล้วนำเข้าใหม่",
                $"Not stored: {r.RepairsOffered} rows contradict themselves. Import again with --accept-repairs to store the repairs shown, or correct the file."),
            _ => L("ไม่ได้บันทึก: หน่วยงานนี้มีปีงบประมาณนี้จากรายงานอื่นแล้ว ถ้าเป็นรายงานฉบับแก้ไข นำเข้าด้วย --update", "Not stored: this office already has that fiscal year from another report; for a revised report, import it with --update."),
        });
    }

    /// <summary>Money with บาท; a year or a count of rows or projects as a plain whole number.</summary>
    private static string Figure(Finding f, decimal value) => f.Check is "fiscal-year" or "division-count" or "duplicate-number" or "extra-cell" or "missing-cell"
        ? value.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
        : ThaiAmount.Format(value);
}
