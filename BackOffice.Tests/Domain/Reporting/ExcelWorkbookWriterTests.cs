using BackOffice.Domain.Reporting;
using BackOffice.Domain.Reporting.Excel;
using ClosedXML.Excel;

namespace BackOffice.Tests.Domain.Reporting;

public class ExcelWorkbookWriterTests
{
    [Fact]
    public void Write_TypedRows_ValuesAndTypesReadBack()
    {
        using var workbook = WriteAndOpen(new ExcelSheet("供应商", ReportSamples.Columns, ReportSamples.Rows(), "合计 Total"));
        var sheet = workbook.Worksheet("供应商");

        Assert.Equal("供应商编码", sheet.Cell(1, 1).GetString());
        Assert.Equal("金龙鱼 Arawana", sheet.Cell(2, 2).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 3).DataType);
        Assert.Equal(3d, sheet.Cell(2, 3).GetDouble());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 4).DataType);
        Assert.Equal(12345.67m, (decimal)sheet.Cell(2, 4).GetDouble());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 5).DataType);
        Assert.Equal(new DateTime(2026, 10, 1), sheet.Cell(2, 5).GetDateTime());
        Assert.Equal(new DateTime(2026, 11, 3, 10, 15, 0), sheet.Cell(2, 6).GetDateTime());
        Assert.Equal(0.08, sheet.Cell(2, 7).GetDouble(), 10);
        Assert.Equal("0.00%", sheet.Cell(2, 7).Style.NumberFormat.Format);
    }

    [Fact]
    public void Write_NegativeMoney_StaysANumber()
    {
        using var workbook = WriteAndOpen(new ExcelSheet("s", ReportSamples.Columns, ReportSamples.Rows()));
        var cell = workbook.Worksheet(1).Cell(3, 4);

        Assert.Equal(XLDataType.Number, cell.DataType);
        Assert.Equal(-12.5, cell.GetDouble());
    }

    [Fact]
    public void Write_FormulaLikeText_ComesBackAsQuotedText()
    {
        // ClosedXML writes a bare CR, which XML end-of-line handling reads back as LF; the apostrophe is what matters.
        using var workbook = WriteAndOpen(new ExcelSheet("s", ReportSamples.Columns, ReportSamples.Rows()));
        var sheet = workbook.Worksheet(1);

        for (var i = 0; i < ReportSamples.Injections.Length; i++)
        {
            var cell = sheet.Cell(4 + i, 2);
            Assert.False(cell.HasFormula, ReportSamples.Injections[i]);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal("'" + ReportSamples.Injections[i].Replace('\r', '\n'), cell.GetString());
        }
    }

    [Fact]
    public void Write_MoneyColumn_FormattedAsYuan()
    {
        using var workbook = WriteAndOpen(new ExcelSheet("s", ReportSamples.Columns, ReportSamples.Rows()));

        Assert.Equal("¥#,##0.00", workbook.Worksheet(1).Cell(2, 4).Style.NumberFormat.Format);
        Assert.Equal("yyyy-mm-dd", workbook.Worksheet(1).Cell(2, 5).Style.NumberFormat.Format);
    }

    [Fact]
    public void Write_Sheet_HeaderFrozenAndFiltered()
    {
        var rows = ReportSamples.Rows();
        using var workbook = WriteAndOpen(new ExcelSheet("s", ReportSamples.Columns, rows, "合计"));
        var sheet = workbook.Worksheet(1);

        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal($"A1:G{rows.Count + 1}", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
    }

    [Fact]
    public void Write_Sheet_PrintsLandscapeOnePageWideWithHeaderRepeated()
    {
        using var workbook = WriteAndOpen(new ExcelSheet("s", ReportSamples.Columns, ReportSamples.Rows(), null));
        var setup = workbook.Worksheet(1).PageSetup;

        Assert.Equal(XLPageOrientation.Landscape, setup.PageOrientation);
        Assert.Equal(1, setup.PagesWide);
        Assert.Equal(0, setup.PagesTall);
        Assert.Equal(1, setup.FirstRowToRepeatAtTop);
    }

    [Fact]
    public void Write_TotalsCaption_AddsBoldExactTotalsRow()
    {
        var rows = ReportSamples.Rows();
        using var workbook = WriteAndOpen(new ExcelSheet("s", ReportSamples.Columns, rows, "合计 Total"));
        var total = workbook.Worksheet(1).Row(rows.Count + 2);

        Assert.Equal("合计 Total", total.Cell(1).GetString());
        Assert.Equal(3 + 12 + ReportSamples.Injections.Length, total.Cell(3).GetDouble());
        Assert.Equal((1_234_567 - 1250 + ReportSamples.Injections.Length) / 100m, (decimal)total.Cell(4).GetDouble());
        Assert.True(total.Cell(4).Style.Font.Bold);
    }

    [Fact]
    public void Write_Widths_CountChineseDouble()
    {
        TableColumn[] columns = [new("zh", "名称"), new("en", "Name")];
        var row = new Dictionary<string, object?> { ["zh"] = "金龙鱼食品有限公司", ["en"] = "Arawana Foods Co" };
        using var workbook = WriteAndOpen(new ExcelSheet("s", columns, [row]));
        var sheet = workbook.Worksheet(1);

        Assert.Equal(18 + 2, sheet.Column(1).Width);
        Assert.Equal(16 + 2, sheet.Column(2).Width);
    }

    [Fact]
    public void Write_SeveralSheets_AllPresentInOrder()
    {
        using var workbook = WriteAndOpen(
            new ExcelSheet("供应商", ReportSamples.Columns, ReportSamples.Rows()),
            new ExcelSheet("Brands/品牌:2026", [new("b", "品牌")], [new Dictionary<string, object?> { ["b"] = "长城" }]));

        Assert.Equal(["供应商", "Brands_品牌_2026"], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal("长城", workbook.Worksheet(2).Cell(2, 1).GetString());
    }

    [Fact]
    public void Write_MoneyAsDouble_IsRejected()
    {
        var row = new Dictionary<string, object?> { ["amount"] = 12.5 };

        Assert.Throws<ArgumentException>(() =>
            ExcelWorkbookWriter.Write(new MemoryStream(), new ExcelSheet("s", [new("amount", "金额", ColumnFormat.Money)], [row])));
    }

    private static XLWorkbook WriteAndOpen(params ExcelSheet[] sheets)
    {
        var stream = new MemoryStream();
        ExcelWorkbookWriter.Write(stream, sheets);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }
}
