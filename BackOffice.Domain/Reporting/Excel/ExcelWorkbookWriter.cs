using ClosedXML.Excel;

namespace BackOffice.Domain.Reporting.Excel;

/// <summary>
/// Workbooks through ClosedXML: typed cells, frozen header, auto-filter, computed widths, optional totals row.
/// Holds the whole workbook in memory; use <see cref="StreamingExcelWriter"/> past a few hundred thousand cells.
/// </summary>
public static class ExcelWorkbookWriter
{
    public static void Write(Stream output, params IEnumerable<ExcelSheet> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in sheets)
        {
            WriteSheet(workbook.Worksheets.Add(ExcelFormats.SheetName(sheet.Name)), sheet);
        }

        workbook.SaveAs(output);
    }

    private static void WriteSheet(IXLWorksheet worksheet, ExcelSheet sheet)
    {
        var columns = sheet.Columns;
        var widths = new ColumnWidths(columns);
        var totals = new ColumnTotals(columns);

        // Column styles before any cell: ClosedXML gives a new cell its column's style, whereas styling a filled
        // range restyles its cells one by one (a fifth of a 5,000-row sheet's time).
        for (var c = 0; c < columns.Count; c++)
        {
            var style = worksheet.Column(c + 1).Style;
            if (ExcelFormats.For(columns[c].Format) is { } format)
            {
                style.NumberFormat.Format = format;
            }

            style.Alignment.Horizontal = Horizontal(columns[c].EffectiveAlignment);
        }

        for (var c = 0; c < columns.Count; c++)
        {
            worksheet.Cell(1, c + 1).SetValue(CellTextNeutraliser.Neutralise(columns[c].Caption));
        }

        var rowNumber = 1;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            totals.Add(row);
            widths.Add(row);
            for (var c = 0; c < columns.Count; c++)
            {
                if (row.TryGetValue(columns[c].Key, out var value) && value is not null)
                {
                    SetTyped(worksheet.Cell(rowNumber, c + 1), columns[c].Format, value);
                }
            }
        }

        var lastDataRow = rowNumber;
        if (sheet.TotalsCaption is not null && totals.Any)
        {
            rowNumber++;
            WriteTotals(worksheet, rowNumber, columns, totals, sheet.TotalsCaption, widths);
        }

        // The header keeps the general format and alignment it had before the columns were styled.
        var header = worksheet.Range(1, 1, 1, columns.Count);
        header.Style.NumberFormat.NumberFormatId = 0;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.General;
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#EDEFF2");
        for (var c = 0; c < columns.Count; c++)
        {
            worksheet.Column(c + 1).Width = widths.WidthOf(c);
        }

        worksheet.SheetView.FreezeRows(1);
        // Printed, every column fits one landscape page across; rows run on, with the header repeated.
        worksheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        worksheet.PageSetup.FitToPages(1, 0);
        worksheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
        worksheet.Range(1, 1, lastDataRow, columns.Count).SetAutoFilter();
    }

    private static void WriteTotals(
        IXLWorksheet worksheet, int rowNumber, IReadOnlyList<TableColumn> columns, ColumnTotals totals, string caption, ColumnWidths widths)
    {
        var captionIndex = totals.CaptionColumnIndex;
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = worksheet.Cell(rowNumber, c + 1);
            if (columns[c].Totalled)
            {
                SetTyped(cell, columns[c].Format, totals.Sum(c));
                widths.AddText(c, ReportValues.Display(columns[c].Format, totals.Sum(c)));
            }
            else if (c == captionIndex)
            {
                cell.SetValue(CellTextNeutraliser.Neutralise(caption));
            }
        }

        var range = worksheet.Range(rowNumber, 1, rowNumber, columns.Count);
        range.Style.Font.Bold = true;
        range.Style.Border.TopBorder = XLBorderStyleValues.Thin;
    }

    private static void SetTyped(IXLCell cell, ColumnFormat format, object value)
    {
        switch (format)
        {
            case ColumnFormat.WholeNumber:
                cell.SetValue(ReportValues.ToInteger(value));
                break;
            case ColumnFormat.Money:
                cell.SetValue(ReportValues.FenToYuan(ReportValues.ToFen(value)));
                break;
            case ColumnFormat.PercentBp:
                cell.SetValue(ReportValues.ToInteger(value) / 10000m);
                break;
            case ColumnFormat.Date:
                cell.SetValue(ReportValues.ToDate(value).ToDateTime(TimeOnly.MinValue));
                break;
            case ColumnFormat.DateTime:
                cell.SetValue(ReportValues.ToChinaDateTime(value));
                break;
            default:
                // SetValue stores the string as typed text; the Value setter would parse "=..." as a formula.
                cell.SetValue(CellTextNeutraliser.Neutralise(ReportValues.Text(value)));
                break;
        }
    }

    private static XLAlignmentHorizontalValues Horizontal(ColumnAlignment alignment) => alignment switch
    {
        ColumnAlignment.Right => XLAlignmentHorizontalValues.Right,
        ColumnAlignment.Center => XLAlignmentHorizontalValues.Center,
        _ => XLAlignmentHorizontalValues.Left,
    };
}
