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

    public static void Write(Stream output, IReadOnlyList<LayoutRow> layout)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();

        var sheetData = new SheetData();
        var merges = new MergeCells();
        for (var i = 0; i < layout.Count; i++)
        {
            var rowIndex = (uint)(i + 1);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < layout[i].Cells.Count; c++)
            {
                if (ToCell(layout[i].Cells[c], Reference(c, rowIndex), layout[i].Kind) is { } cell)
                {
                    row.Append(cell);
                }
            }

            sheetData.Append(row);
            AddMerges(merges, layout[i], rowIndex);
        }

        var worksheet = new Worksheet(Columns(), sheetData);
        if (merges.HasChildren)
        {
            worksheet.Append(merges);
        }

        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        sheetPart.Worksheet = worksheet;
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
    }

    private static Cell? ToCell(LayoutCell value, string reference, LayoutRowKind kind)
    {
        if (value.Amount is { } amount)
        {
            var style = value.WholeNumber ? WholeNumber : value.Bold ? BoldMoney : Money;
            return new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(amount), StyleIndex = style };
        }

        if (string.IsNullOrEmpty(value.Text))
        {
            return null;
        }

        var textStyle = value.Bold ? BoldText : kind == LayoutRowKind.Project ? Wrapped : 0u;
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
