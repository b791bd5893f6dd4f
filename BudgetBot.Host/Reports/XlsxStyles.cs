using DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetBot.Host.Reports;

/// <summary>The few cell styles a monitoring report needs; their order is the style index the writer uses.</summary>
internal static class XlsxStyles
{
    /// <summary>Style indexes 6–11 are 0–5 with borders: table cells add this to the plain index.</summary>
    public const uint Ruled = 6;

    private static Border Thin()
    {
        static T Side<T>() where T : BorderPropertiesType, new() => new() { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } };
        return new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder());
    }

    public static Stylesheet Build()
    {
        Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "TH SarabunPSK" })
            : new Font(new FontSize { Val = 14 }, new FontName { Val = "TH SarabunPSK" });

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" }) { Count = 1 },
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(), Thin()) { Count = 2 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, FontId = 1, ApplyNumberFormat = true, ApplyFont = true },
                new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
                // The same six inside the table, with thin borders on every side, as the paper form is ruled.
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 164, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat { NumberFormatId = 164, FontId = 1, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyBorder = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 1, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true })
            { Count = 12 });
    }
}
