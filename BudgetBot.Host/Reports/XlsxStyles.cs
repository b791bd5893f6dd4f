using DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetBot.Host.Reports;

/// <summary>The few cell styles a monitoring report needs; their order is the style index the writer uses.</summary>
internal static class XlsxStyles
{
    public static Stylesheet Build()
    {
        Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "TH SarabunPSK" })
            : new Font(new FontSize { Val = 14 }, new FontName { Val = "TH SarabunPSK" });

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, FontId = 1, ApplyNumberFormat = true, ApplyFont = true },
                new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
            { Count = 6 });
    }
}
