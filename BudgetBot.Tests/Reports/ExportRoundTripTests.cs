using BudgetBot.Domain.Budget;
using BudgetBot.Domain.Reconciliation;
using BudgetBot.Host.Reports;
using BudgetBot.Host.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

using BudgetBot.Tests.Storage;

namespace BudgetBot.Tests.Reports;

public sealed class ExportRoundTripTests
{
    private static readonly DateOnly Today = new(2023, 4, 10);

    [Fact]
    public void ImportExportImport_GivesIdenticalFigures()
    {
        var dir = Seed.TempDir();
        using var store = new LiteDbBudgetStore(Path.Combine(dir, "a.db"));
        var snapshot = Seed.Analyze(acceptRepairs: true).ToSnapshot(Tests.Storage.StoreFixture.At, "seed");
        store.Import(snapshot);
        var xlsx = Path.Combine(dir, "report.xlsx");
        new ReportExporter(store).WriteXlsx(xlsx, snapshot.Office.Id, 2566, ReportRound.Parse("h1")!, Today);

        var file = new ReportFileReader().Read(xlsx);
        var again = ReportImport.Analyze(file.Lines, acceptRepairs: false);

        Assert.Equal(snapshot.Office.Name, again.Facts.OfficeName);
        Assert.Equal(2566, again.Facts.FiscalYear);
        Assert.Equal(49, again.ProjectCount);
        foreach (var (row, figures) in again.Readings)
        {
            var project = store.Project(Project.KeyFor(snapshot.Office.Id, 2566, row.Number!.Value))!;
            var stored = Figures.Of(project, store.Balance(project.Id));
            Assert.Equal(project.Name, row.Name);
            Assert.Equal((stored.Allocation, stored.Plan, stored.Actual, stored.Used, stored.Remaining),
                (figures.Allocation, figures.Plan, figures.Result, figures.Used, figures.Remaining));
        }

        // What the office itself wrote (its envelope split, a progress note's date) stays visible; every figure the
        // export computed is consistent.
        Assert.Equal(["date-outside-period", "office-name", "office-name", "office-name", "office-name", "project-envelope"], again.Findings.Select(f => f.Check).Order());
        Assert.Equal(397_500m, again.Findings.Single(f => f.Check == "project-envelope").Difference);

        using var second = new LiteDbBudgetStore(Path.Combine(dir, "b.db"));
        second.Import(again.ToSnapshot(Tests.Storage.StoreFixture.At, file.SourceId));
        Assert.Equal(
            store.Projects(snapshot.Office.Id, 2566).Select(p => (p.Number, p.Allocation, p.Plan, store.Balance(p.Id).Actual)),
            second.Projects(snapshot.Office.Id, 2566).Select(p => (p.Number, p.Allocation, p.Plan, second.Balance(p.Id).Actual)));
        Assert.Equal(store.Divisions(snapshot.Office.Id).Select(d => d.Name), second.Divisions(snapshot.Office.Id).Select(d => d.Name));
        Assert.Equal(store.FiscalYear(snapshot.Office.Id, 2566)!.Envelopes.Select(e => e.Amount), second.FiscalYear(snapshot.Office.Id, 2566)!.Envelopes.Select(e => e.Amount));
    }

    [Fact]
    public void ExportedSheet_IsAPlainSpreadsheetWithNumbersAsNumbers()
    {
        var dir = Seed.TempDir();
        using var store = new LiteDbBudgetStore(Path.Combine(dir, "a.db"));
        var snapshot = Seed.Analyze(acceptRepairs: true).ToSnapshot(Tests.Storage.StoreFixture.At, "seed");
        store.Import(snapshot);
        var xlsx = Path.Combine(dir, "report.xlsx");
        new ReportExporter(store).WriteXlsx(xlsx, snapshot.Office.Id, 2566, ReportRound.Parse("h1")!, Today);

        using var doc = SpreadsheetDocument.Open(xlsx, false);
        var part = doc.WorkbookPart!;
        var reportSheet = part.Workbook.Sheets!.Elements<Sheet>().First();
        Assert.Equal("รายงาน", reportSheet.Name!.Value);
        var reportPart = (WorksheetPart)part.GetPartById(reportSheet.Id!.Value!);
        var cells = reportPart.Worksheet.Descendants<Cell>().ToList();
        var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var numbering = part.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value);

        var allocation7 = cells.Single(c => c.DataType?.Value == CellValues.Number && c.CellValue!.Text == "86860");
        Assert.Equal("#,##0.00", numbering[formats[(int)allocation7.StyleIndex!.Value].NumberFormatId!.Value]);
        var texts = cells.Where(c => c.InlineString is not null).Select(c => c.InlineString!.InnerText).ToList();
        Assert.Contains("ข้อมูล ณ วันที่ 31 มีนาคม 2566", texts);
        Assert.Contains("กลุ่มนิเทศ ติดตามฯ 25 โครงการ", texts);
        Assert.Contains("รวมงบประมาณที่ใช้จ่ายตามโครงการ", texts);
        Assert.Contains(cells, c => c.CellValue?.Text == "862370");

        // Prints like the office's own form: ruled table, A4 landscape one page wide, header rows on every page,
        // a frozen header, the total in words under the total row, and a file Excel opens without repair.
        var sheet = reportPart.Worksheet;
        var setup = sheet.Elements<PageSetup>().Single();
        Assert.Equal(9u, setup.PaperSize!.Value);
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        var titles = part.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles");
        Assert.Matches(@"^'รายงาน'!\$\d+:\$\d+$", titles.Text);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        var borders = part.WorkbookStylesPart.Stylesheet.Borders!.Elements<Border>().ToList();
        Assert.Equal(BorderStyleValues.Thin, borders[(int)formats[(int)allocation7.StyleIndex!.Value].BorderId!.Value].LeftBorder!.Style!.Value);
        Assert.Contains(texts, t => t == "ใช้จริงรวม (แปดแสนหกหมื่นสองพันสามร้อยเจ็ดสิบบาทถ้วน)");
        Assert.Contains(texts, t => t.Contains("ไตรมาส 3-4 (บางส่วน) จำนวน 680,000 บาท", StringComparison.Ordinal));
        var findingsSheet = part.Workbook.Sheets!.Elements<Sheet>().Single(x => x.Name == "ข้อสังเกต");
        var findingRows = ((WorksheetPart)part.GetPartById(findingsSheet.Id!.Value!)).Worksheet.Descendants<Row>().Count();
        Assert.Equal(snapshot.Year.Findings.Count + 1, findingRows);
        Assert.True(findingRows > 10);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void AsOfDate_BeforeTheRoundEnds_IsToday()
    {
        using var store = Tests.Storage.StoreFixture.Seeded(StoreKind.LiteDb, out var office);
        var layout = new ReportExporter(store).Layout(office, 2566, ReportRound.Parse("year")!, new DateOnly(2023, 5, 2));
        Assert.Contains(layout, r => r.Cells[0].Text == "ข้อมูล ณ วันที่ 2 พฤษภาคม 2566");
        Assert.Contains(layout, r => r.Cells[0].Text == "รายงานการกำกับ ติดตาม การใช้จ่ายงบประมาณ รอบ 12 เดือน");
    }

    [Fact]
    public void Export_WhenItsTotalDiffersFromTheImportedTotalRow_SaysSo()
    {
        using var chat = new Tests.Conversation.ChatFixture();
        var exporter = new ReportExporter(chat.Store);
        Assert.DoesNotContain(exporter.Layout(chat.OfficeId, 2566, ReportRound.Parse("h1")!, Today), r => r.Cells[0].Text?.StartsWith("หมายเหตุ", StringComparison.Ordinal) == true);

        chat.Say("local:owner", "/spend 7 500 15/2/2566");

        var note = exporter.Layout(chat.OfficeId, 2566, ReportRound.Parse("h1")!, Today).Single(r => r.Cells[0].Text?.StartsWith("หมายเหตุ", StringComparison.Ordinal) == true);
        Assert.Equal("หมายเหตุ: แถวรวมของรายงานที่นำเข้าระบุใช้จริง 862,370.00 บาท ต่างจากยอดรวมนี้ 500.00 บาท", note.Cells[0].Text);
    }
}
