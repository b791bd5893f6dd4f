using System.Globalization;
using BudgetBot.Domain.Reconciliation;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetBot.Host.Reports;

/// <summary>Reads the first sheet of an XLSX file as report lines, one per spreadsheet row, so the same parser reads both formats.</summary>
internal static class XlsxReportReader
{
    public static IReadOnlyList<ReportLine> Read(Stream input)
    {
        using var doc = SpreadsheetDocument.Open(input, isEditable: false);
        var workbook = doc.WorkbookPart ?? throw new InvalidDataException("The file has no workbook.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("The workbook has no sheet.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];

        var lines = new List<ReportLine>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var number = (int)(row.RowIndex?.Value ?? (uint)(lines.Count + 1));
            while (lines.Count < number - 1)
            {
                lines.Add(new ReportLine(lines.Count + 1, [""]));
            }

            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }

                cells.Add(Text(cell, shared));
            }

            lines.Add(new ReportLine(number, cells.Count > 0 ? cells : [""]));
        }

        return lines;
    }

    private static string Text(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        // Numbers are stored in invariant form; a spreadsheet may write 33000 as 33000.0000000001 after arithmetic.
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? decimal.Round(d, 2).ToString(CultureInfo.InvariantCulture)
            : raw;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
