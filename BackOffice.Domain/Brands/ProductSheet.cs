using System.Globalization;
using BackOffice.Domain.Common;
using ClosedXML.Excel;

namespace BackOffice.Domain.Brands;

public sealed record ImportProblem(int Row, string Column, string Value, string Message);

public sealed record ProductImportResult(bool Succeeded, int Rows, int Created, int Updated, IReadOnlyList<ImportProblem> Problems, int TotalProblems, string Sha256);

/// <summary>The product import sheet: its template, its reader and its error report. Columns: sku_code, name, list_price_yuan.</summary>
public static class ProductSheet
{
    public const int MaxRows = 20_000;
    public const int MaxReportedProblems = 1_000;
    public static readonly string[] Columns = ["sku_code", "name", "list_price_yuan"];

    public sealed record Line(int Row, string SkuCode, string Name, Money ListPrice);

    /// <summary>OWASP CSV/Excel injection: text that a spreadsheet would read as a formula gets a leading apostrophe.</summary>
    public static string Neutralise(string? text) => Reporting.CellTextNeutraliser.Neutralise(text ?? "");

    public static byte[] Template()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("products");
        WriteRow(sheet, 1, Columns);
        sheet.Row(1).Style.Font.Bold = true;
        WriteRow(sheet, 2, ["AKC-DEMO-0001", "示例商品 保湿面霜 50ml", null]);
        sheet.Cell(2, 3).Value = 129.00;
        WriteRow(sheet, 3, ["AKC-DEMO-0002", "示例商品 洁面乳 100ml", null]);
        sheet.Cell(3, 3).Value = 59.90;
        SetWidths(sheet, 24, 48, 18);
        var help = workbook.AddWorksheet("说明 help");
        WriteRow(help, 1, ["sku_code", "必填，1–40 字符，全平台唯一 · required, 1–40 characters, unique across the platform"]);
        WriteRow(help, 2, ["name", "必填，1–120 字 · required, 1–120 characters"]);
        WriteRow(help, 3, ["list_price_yuan", "必填，标价（元），最多两位小数，大于 0 · required, list price in yuan, at most two decimals, above 0"]);
        WriteRow(help, 4, ["", "已存在的本品牌 SKU 会更新名称和标价；任何一行有错则整份不导入 · an existing SKU of this brand is updated; one bad row rejects the whole file"]);
        SetWidths(help, 20, 100);
        return Save(workbook);
    }

    public static byte[] ErrorReport(IReadOnlyList<ImportProblem> problems, int total)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("errors");
        WriteRow(sheet, 1, ["row", "column", "value", "problem"]);
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var p in problems)
        {
            sheet.Cell(r, 1).Value = p.Row;
            WriteRow(sheet, r, [null, p.Column, p.Value, p.Message]);
            r++;
        }
        if (total > problems.Count) WriteRow(sheet, r, [null, null, null, $"共 {total} 个问题，仅列出前 {problems.Count} 个 · {total} problems in all, the first {problems.Count} listed"]);
        SetWidths(sheet, 8, 18, 30, 90);
        return Save(workbook);
    }

    /// <summary>Reads every row and reports every problem it can see without the database.</summary>
    public static (List<Line> Lines, List<ImportProblem> Problems) Read(Stream stream, string? fileName = null)
    {
        var lines = new List<Line>();
        var problems = new List<ImportProblem>();
        XLWorkbook workbook;
        try { workbook = new XLWorkbook(stream); }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var name = UploadValidator.DisplayName(fileName, fallback: "");
            problems.Add(new(0, "", name, $"无法读取 Excel 文件 {name}（需要 .xlsx） · The file {name} could not be read as an Excel workbook (.xlsx)"));
            return (lines, problems);
        }
        using (workbook)
        {
            var sheet = workbook.Worksheets.First();
            for (var c = 0; c < Columns.Length; c++)
            {
                var header = sheet.Cell(1, c + 1).GetString().Trim();
                if (!string.Equals(header, Columns[c], StringComparison.OrdinalIgnoreCase))
                    problems.Add(new(1, Columns[c], header, $"第 {c + 1} 列表头应为 {Columns[c]} · Column {c + 1} must be headed {Columns[c]}"));
            }
            if (problems.Count > 0) return (lines, problems);
            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            if (last - 1 > MaxRows)
            {
                problems.Add(new(0, "", "", $"最多 {MaxRows} 行 · At most {MaxRows} rows"));
                return (lines, problems);
            }
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var row = 2; row <= last; row++)
            {
                var sku = sheet.Cell(row, 1).GetString().Trim();
                var name = sheet.Cell(row, 2).GetString().Trim();
                var priceCell = sheet.Cell(row, 3);
                var priceText = priceCell.DataType == XLDataType.Number
                    ? ((decimal)priceCell.GetDouble()).ToString(CultureInfo.InvariantCulture)
                    : priceCell.GetString().Trim();
                if (sku.Length == 0 && name.Length == 0 && priceText.Length == 0) continue;
                var ok = true;
                if (sku.Length is 0 or > Product.SkuMaxLength) { problems.Add(new(row, Columns[0], sku, $"SKU 编码须为 1–{Product.SkuMaxLength} 字符 · The SKU code must have 1–{Product.SkuMaxLength} characters")); ok = false; }
                else if (seen.TryGetValue(sku, out var first)) { problems.Add(new(row, Columns[0], sku, $"与第 {first} 行的 SKU 重复 · The same SKU as row {first}")); ok = false; }
                else seen[sku] = row;
                if (name.Length is 0 or > Product.NameMaxLength) { problems.Add(new(row, Columns[1], name, $"商品名须为 1–{Product.NameMaxLength} 字 · The product name must have 1–{Product.NameMaxLength} characters")); ok = false; }
                if (!Money.TryParseYuan(priceText, out var price, out var error)) { problems.Add(new(row, Columns[2], priceText, error)); ok = false; }
                else if (price.Fen <= 0) { problems.Add(new(row, Columns[2], priceText, "标价须大于 0 · The list price must be above zero")); ok = false; }
                if (ok) lines.Add(new Line(row, sku, name, price));
            }
            if (lines.Count == 0 && problems.Count == 0) problems.Add(new(0, "", "", "表格中没有商品行 · The sheet has no product rows"));
        }
        return (lines, problems);
    }

    private static void WriteRow(IXLWorksheet sheet, int row, IReadOnlyList<string?> values)
    {
        for (var c = 0; c < values.Count; c++)
        {
            if (values[c] is null) continue;
            var cell = sheet.Cell(row, c + 1);
            cell.SetValue(Neutralise(values[c]));
            cell.DataType = XLDataType.Text;
        }
    }

    // AdjustToContents needs system fonts (absent on Linux servers): widths are set by hand.
    private static void SetWidths(IXLWorksheet sheet, params double[] widths)
    {
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
