using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using BackOffice.Domain.Reporting.Excel;
using BackOffice.Domain.Reporting.Pdf;

namespace BackOffice.Domain.Reporting.Benchmarks;

/// <summary>
/// Export throughput and memory: 1,000,000 rows × 10 columns through the streaming Excel writer, then a
/// 50-page table PDF. Called by <c>bench exports</c>; writes to temp files it deletes afterwards.
/// </summary>
public static class ReportingBenchmarks
{
    public const int ExcelRows = 1_000_000;
    public const int PdfPages = 50;

    private static readonly TableColumn[] s_columns =
    [
        new("orderId", "订单号"),
        new("supplier", "供应商"),
        new("brand", "品牌"),
        new("province", "省份"),
        new("quantity", "件数", ColumnFormat.WholeNumber, Totalled: true),
        new("paid", "实付", ColumnFormat.Money, Totalled: true),
        new("commission", "店主佣金", ColumnFormat.Money, Totalled: true),
        new("rate", "佣金率", ColumnFormat.PercentBp),
        new("orderedOn", "下单日期", ColumnFormat.Date),
        new("shippedAt", "发货时间", ColumnFormat.DateTime),
    ];

    private static readonly string[] s_suppliers = ["金龙鱼粮油食品股份有限公司", "中粮长城葡萄酒有限公司", "Playboy (China) Apparel", "示页马门见车商贸"];
    private static readonly string[] s_brands = ["金龙鱼", "长城", "Playboy", "李宁 Li-Ning", "百雀羚"];
    private static readonly string[] s_provinces = ["浙江", "广东", "江苏", "上海", "四川"];

    public static async Task RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await RunStreamingExcelAsync(output, cancellationToken);
        RunPdf(output);
    }

    private static async Task RunStreamingExcelAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"backoffice-bench-{Guid.NewGuid():N}.xlsx");
        try
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var gen2Before = GC.CollectionCount(2);
            var stopwatch = Stopwatch.StartNew();
            int rows;
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                rows = await StreamingExcelWriter.WriteAsync(file, "订单行", s_columns, OrderLinesAsync(ExcelRows, cancellationToken), "合计", cancellationToken);
            }

            stopwatch.Stop();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var gc = GC.GetGCMemoryInfo();
            await output.WriteLineAsync(Invariant($"streaming xlsx: {rows:N0} rows × {s_columns.Length} columns in {stopwatch.Elapsed.TotalSeconds:0.00} s = {rows / stopwatch.Elapsed.TotalSeconds:N0} rows/s"));
            await output.WriteLineAsync(Invariant($"  file size: {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB"));
            await output.WriteLineAsync(Invariant($"  peak working set (process): {process.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MB"));
            await output.WriteLineAsync(Invariant($"  GC: allocated {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / 1024.0:N0} MB in total, heap now {gc.HeapSizeBytes / 1024.0 / 1024.0:0.0} MB, gen2 collections {GC.CollectionCount(2) - gen2Before}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void RunPdf(TextWriter output)
    {
        var rows = RowsForPages(PdfPages);
        var stopwatch = Stopwatch.StartNew();
        using var stream = new MemoryStream();
        var pages = TablePdf(rows).Save(stream);
        stopwatch.Stop();
        output.WriteLine(Invariant($"table pdf: {pages} pages ({rows:N0} rows) in {stopwatch.Elapsed.TotalMilliseconds:0} ms, {stream.Length / 1024.0:0.0} KB"));
    }

    /// <summary>The row count whose table fills exactly <paramref name="pages"/> pages, found from the measured rows per page.</summary>
    public static int RowsForPages(int pages)
    {
        var rows = pages * 30;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var actual = TablePdf(rows).Save(Stream.Null);
            if (actual == pages)
            {
                return rows;
            }

            var perPage = (double)rows / actual;
            rows += (int)Math.Round((pages - actual) * perPage) + (actual < pages ? 1 : -1);
        }

        return rows;
    }

    /// <summary>A supplier-style table (CJK and Latin text, money, dates) with <paramref name="rows"/> rows and a totals row.</summary>
    public static PdfReport TablePdf(int rows)
    {
        var table = new PdfTable(
        [
            new PdfTableColumn("供应商编码", 1.2),
            new PdfTableColumn("供应商名称 Name", 2.6),
            new PdfTableColumn("品牌", 1.2),
            new PdfTableColumn("件数", 0.7, Alignment: ColumnAlignment.Right),
            new PdfTableColumn("实付 Paid", 1.4, Alignment: ColumnAlignment.Right),
            new PdfTableColumn("下单日期", 1.1, Alignment: ColumnAlignment.Center),
        ]);
        long total = 0;
        for (var i = 0; i < rows; i++)
        {
            var fen = 1999L + (i * 7919L % 500_000);
            total += fen;
            table.AddRow(Invariant($"SUP-{i:000000}"), s_suppliers[i % s_suppliers.Length], s_brands[i % s_brands.Length],
                Invariant($"{(i % 9) + 1}"), ReportValues.FormatMoney(fen), new DateOnly(2026, 1, 1).AddDays(i % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        table.AddTotalsRow("合计 Total", "", "", "", ReportValues.FormatMoney(total), "");
        return new PdfReport(new PdfReportOptions { Title = "订单明细 Order lines" }).AddHeading("订单明细 Order lines").AddTable(table);
    }

    private static async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> OrderLinesAsync(
        int count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            var paid = 990L + (i * 7919L % 1_000_000);
            yield return new Dictionary<string, object?>(10)
            {
                ["orderId"] = Invariant($"O{i:0000000000}"),
                ["supplier"] = s_suppliers[i % s_suppliers.Length],
                ["brand"] = s_brands[i % s_brands.Length],
                ["province"] = s_provinces[i % s_provinces.Length],
                ["quantity"] = (i % 5) + 1,
                ["paid"] = paid,
                ["commission"] = paid * 8 / 100,
                ["rate"] = 800 + (i % 5 * 50),
                ["orderedOn"] = DateOnly.FromDateTime(start.AddMinutes(i).UtcDateTime),
                ["shippedAt"] = start.AddMinutes(i + 90),
            };
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
