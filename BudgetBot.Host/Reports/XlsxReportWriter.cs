using BudgetBot.Domain.Reconciliation;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetBot.Host.Reports;

/// <summary>Writes a report layout as a plain XLSX sheet: numbers stay numbers (<c>#,##0.00</c>), headers are merged as in the paper form.</summary>
internal static class XlsxReportWriter
{
    public const string SheetName = "รายงาน";

    private const uint Money = 1, BoldText = 2, BoldMoney = 3, WholeNumber = 4, Wrapped = 5;

    public const string FindingsSheetName = "ข้อสังเกต";

    public const string EntriesSheetName = "ทะเบียนคุมการเบิกจ่าย";

    public static void Write(Stream output, IReadOnlyList<LayoutRow> rows, IReadOnlyList<IReadOnlyList<LayoutCell>>? entries = null)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
        var layout = rows.Where(r => r.Kind != LayoutRowKind.Finding).ToList();
        var findings = rows.Where(r => r.Kind == LayoutRowKind.Finding).ToList();

        var sheetData = new SheetData();
        var merges = new MergeCells();
        for (var i = 0; i < layout.Count; i++)
        {
            var rowIndex = (uint)(i + 1);
            var row = new Row { RowIndex = rowIndex };
            var ruled = InTable(layout[i].Kind);
            // Table rows are ruled across every column, empty cells too, so the borders run unbroken.
            var width = ruled ? Math.Max(layout[i].Cells.Count, TableColumns) : layout[i].Cells.Count;
            for (var c = 0; c < width; c++)
            {
                var value = c < layout[i].Cells.Count ? layout[i].Cells[c] : LayoutCell.Empty;
                if (ToCell(value, Reference(c, rowIndex), layout[i].Kind) is { } cell)
                {
                    row.Append(cell);
                }
            }

            sheetData.Append(row);
            AddMerges(merges, layout[i], rowIndex);
        }

        var headerRows = layout.Select((r, i) => (r.Kind, Row: (uint)(i + 1))).Where(x => x.Kind == LayoutRowKind.Header).Select(x => x.Row).ToList();
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            Views(headerRows),
            Columns(),
            sheetData);
        if (merges.HasChildren)
        {
            worksheet.Append(merges);
        }

        // A4 landscape, one page wide, as offices print the form.
        worksheet.Append(
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });

        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        sheetPart.Worksheet = worksheet;
        var sheets = workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
        uint next = 2;
        if (findings.Count > 0)
        {
            LayoutCell[] head = [LayoutCell.Of("โครงการที่", bold: true), LayoutCell.Of("การตรวจ", bold: true), LayoutCell.Of("สิ่งที่พบ", bold: true)];
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(ListSheet(workbook, head, findings.Select(f => f.Cells), [12, 24, 120])), SheetId = next++, Name = FindingsSheetName });
        }

        if (entries is { Count: > 0 })
        {
            LayoutCell[] head = [.. new[] { "รายการที่", "วันที่", "โครงการที่", "จำนวนเงิน", "หมวดรายจ่าย", "เลขที่ฎีกา/เอกสาร", "หมายเหตุ" }.Select(h => LayoutCell.Of(h, bold: true))];
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(ListSheet(workbook, head, entries, [10, 14, 10, 16, 18, 20, 60])), SheetId = next, Name = EntriesSheetName });
        }

        if (headerRows.Count > 0)
        {
            // The table's header rows repeat at the top of every printed page.
            workbook.Workbook.AppendChild(new DefinedNames(new DefinedName($"'{SheetName}'!${headerRows[0]}:${headerRows[^1]}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        }
    }

    /// <summary>A sheet of one row per item under a bold head: what the import found, or the entries behind the report.</summary>
    private static WorksheetPart ListSheet(WorkbookPart workbook, IReadOnlyList<LayoutCell> head, IEnumerable<IReadOnlyList<LayoutCell>> items, double[] widths)
    {
        var data = new SheetData();
        foreach (var (cells, i) in items.Prepend(head).Select((c, i) => (c, (uint)(i + 1))))
        {
            var row = new Row { RowIndex = i };
            for (var c = 0; c < cells.Count; c++)
            {
                if (ToCell(cells[c], Reference(c, i), LayoutRowKind.Project) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        Column Width(uint at, double width) => new() { Min = at, Max = at, Width = width, CustomWidth = true };
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new Columns(widths.Select((w, i) => Width((uint)(i + 1), w))), data,
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape });
        return part;
    }

    /// <summary>The sheet scrolls under a frozen table header.</summary>
    private static SheetViews Views(List<uint> headerRows)
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (headerRows.Count > 0)
        {
            var below = headerRows[^1] + 1;
            view.Append(new Pane { VerticalSplit = headerRows[^1], TopLeftCell = $"A{below}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{below}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{below}" } });
        }

        return new SheetViews(view);
    }

    private const int TableColumns = 14;

    private static bool InTable(LayoutRowKind kind) => kind is LayoutRowKind.Header or LayoutRowKind.Division or LayoutRowKind.Project or LayoutRowKind.Total;

    private static Cell? ToCell(LayoutCell value, string reference, LayoutRowKind kind)
    {
        var ruled = InTable(kind) ? XlsxStyles.Ruled : 0u;
        if (value.Amount is { } amount)
        {
            var style = value.WholeNumber ? WholeNumber : value.Bold ? BoldMoney : Money;
            return new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(amount), StyleIndex = style + ruled };
        }

        if (string.IsNullOrEmpty(value.Text))
        {
            return ruled > 0 ? new Cell { CellReference = reference, StyleIndex = ruled } : null;
        }

        var textStyle = (value.Bold ? BoldText : kind == LayoutRowKind.Project ? Wrapped : 0u) + ruled;
        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            // Text stored before input was cleaned (or imported from a file) may still hold characters XML forbids.
            InlineString = new InlineString(new Text(Domain.Conversation.InputText.Clean(value.Text)) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = textStyle,
        };
    }

    private static void AddMerges(MergeCells merges, LayoutRow row, uint rowIndex)
    {
        if (row.Kind != LayoutRowKind.Header)
        {
            return;
        }

        // The first header row spans the eight quarter columns; the second spans each quarter's plan and result.
        if (row.Cells.Count > 3 && row.Cells[3].Text == "งบประมาณที่ใช้ดำเนินการแต่ละไตรมาส")
        {
            merges.Append(new MergeCell { Reference = $"{Reference(3, rowIndex)}:{Reference(10, rowIndex)}" });
        }
        else if (row.Cells.Count > 3 && row.Cells[3].Text == "ไตรมาสที่ 1")
        {
            for (var q = 0; q < 4; q++)
            {
                merges.Append(new MergeCell { Reference = $"{Reference(3 + (2 * q), rowIndex)}:{Reference(4 + (2 * q), rowIndex)}" });
            }
        }
    }

    private static Columns Columns()
    {
        Column Width(uint from, uint to, double width) => new() { Min = from, Max = to, Width = width, CustomWidth = true };
        return new Columns(Width(1, 1, 6), Width(2, 2, 60), Width(3, 13, 14), Width(14, 14, 80));
    }

    public static string Reference(int column, uint row) => ColumnName(column) + row;

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }
}
