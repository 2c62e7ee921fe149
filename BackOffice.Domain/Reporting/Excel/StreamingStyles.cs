using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BackOffice.Domain.Reporting.Excel;

/// <summary>The fixed style sheet of streamed workbooks; the constants are indexes into its cellXfs.</summary>
internal static class StreamingStyles
{
    public const uint Default = 0;
    public const uint Header = 1;
    public const uint WholeNumber = 2;
    public const uint Money = 3;
    public const uint Date = 4;
    public const uint DateTime = 5;
    public const uint Percent = 6;
    public const uint TotalText = 7;
    public const uint TotalWholeNumber = 8;
    public const uint TotalMoney = 9;

    private const uint MoneyFormatId = 164;
    private const uint DateFormatId = 165;
    private const uint DateTimeFormatId = 166;
    private const uint WholeNumberFormatId = 3;
    private const uint PercentFormatId = 10;

    public static uint For(ColumnFormat format) => format switch
    {
        ColumnFormat.WholeNumber => WholeNumber,
        ColumnFormat.Money => Money,
        ColumnFormat.Date => Date,
        ColumnFormat.DateTime => DateTime,
        ColumnFormat.PercentBp => Percent,
        _ => Default,
    };

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = MoneyFormatId, FormatCode = ExcelFormats.Money },
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = ExcelFormats.Date },
            new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = ExcelFormats.DateTime })
        { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEDEFF2" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Xf(0, 0),
            Xf(0, 1, fillId: 2),
            Xf(WholeNumberFormatId, 0),
            Xf(MoneyFormatId, 0),
            Xf(DateFormatId, 0),
            Xf(DateTimeFormatId, 0),
            Xf(PercentFormatId, 0),
            Xf(0, 1),
            Xf(WholeNumberFormatId, 1),
            Xf(MoneyFormatId, 1))
        { Count = 10 });

    private static CellFormat Xf(uint numberFormatId, uint fontId, uint fillId = 0) => new()
    {
        NumberFormatId = numberFormatId,
        FontId = fontId,
        FillId = fillId,
        BorderId = 0,
        FormatId = 0,
        ApplyNumberFormat = numberFormatId != 0 ? BooleanValue.FromBoolean(true) : null,
        ApplyFont = fontId != 0 ? BooleanValue.FromBoolean(true) : null,
        ApplyFill = fillId != 0 ? BooleanValue.FromBoolean(true) : null,
    };
}
