using System.IO.Compression;
using System.Text;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Imports;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Imports;

/// <summary>
/// Every importer, fed malformed input from a fixed seed (random bytes, truncation, GBK, UTF-16, huge fields,
/// 10,000 columns, empty, header only, broken quotes, mutated rows): a validation result every time, never
/// another exception, and nothing written unless the whole file was accepted.
/// </summary>
public sealed class ImporterFuzzTests
{
    public const int Seed = 20261128;
    public const int CsvInputsPerKind = 150;
    public const int ProductInputs = 60;

    /// <summary>An input that takes longer than this counts as a hang.</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(20);

    static ImporterFuzzTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(ImportKind.Shopkeepers)]
    [InlineData(ImportKind.OrderLines)]
    public async Task ImportCsvAsync_MalformedInputs_ValidationResultNoCrashNoPartialWrite(ImportKind kind)
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = db.Get<ImportService>();
        var random = new Random(Seed + (int)kind);
        var failures = new List<string>();

        for (var i = 0; i < CsvInputsPerKind; i++)
        {
            var (name, bytes) = MalformedCsv(kind, random, i);
            var before = await CountsAsync(db);
            try
            {
                var result = await service.ImportCsvAsync(People.FinanceChen, kind, new MemoryStream(bytes)).WaitAsync(PerInput);
                if (!result.Applied)
                {
                    if (result.ProblemCount == 0 || result.Problems.Count == 0 || result.Problems.Any(p => string.IsNullOrWhiteSpace(p.Message)))
                        failures.Add($"#{i} {name}: rejected without a clear problem");
                    if (await CountsAsync(db) != before) failures.Add($"#{i} {name}: rejected but wrote");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"#{i} {name}: {ex.GetType().Name}: {ex.Message}");
                if (ex is TimeoutException) break;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {CsvInputsPerKind} inputs (seed {Seed}):\n{string.Join('\n', failures.Take(30))}");
    }

    [Fact]
    public async Task ProductImportAsync_MalformedWorkbooks_ValidationResultNoCrashNoPartialWrite()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brandId = await SelectionData.DraftBrandAsync(db);
        var products = db.Get<ProductService>();
        var random = new Random(Seed);
        var failures = new List<string>();

        for (var i = 0; i < ProductInputs; i++)
        {
            var (name, bytes) = MalformedWorkbook(random, i);
            var before = await ProductCountAsync(db);
            try
            {
                var result = await products.ImportAsync(People.SelectionLi, brandId, bytes, $"fuzz-{i}.xlsx").WaitAsync(PerInput);
                if (!result.Succeeded)
                {
                    if (result.Problems.Count == 0) failures.Add($"#{i} {name}: rejected without a problem");
                    if (await ProductCountAsync(db) != before) failures.Add($"#{i} {name}: rejected but wrote");
                }
            }
            catch (Exception ex) when (ex is not DomainException)
            {
                failures.Add($"#{i} {name}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {ProductInputs} workbooks (seed {Seed}):\n{string.Join('\n', failures.Take(30))}");
    }

    [Fact]
    public async Task ProductImportAsync_XlsxThatIsNotAZip_RefusedNamingTheFile()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brandId = await SelectionData.DraftBrandAsync(db);

        var result = await db.Get<ProductService>().ImportAsync(People.SelectionLi, brandId, Encoding.UTF8.GetBytes("sku_code,name\nA,B\n"), @"..\..\商品清单.xlsx");

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("商品清单.xlsx", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", problem.Message, StringComparison.Ordinal);
    }

    private static (string Name, byte[] Bytes) MalformedCsv(ImportKind kind, Random random, int i)
    {
        var header = string.Join(',', ImportService.Columns(kind));
        var row = kind == ImportKind.Shopkeepers
            ? "SK-0000001,13800001234,王小美,浙江省,杭州市,2026-01-05"
            : "EXT-1,ORD-1,SALE-000001,SKU-1,SK-0000001,1,12900,500,2026-11-03T10:15:00+08:00,,0,";
        var utf8 = new UTF8Encoding(false);
        switch (i % 12)
        {
            case 0: return ("random bytes", RandomBytes(random, random.Next(1, 4096)));
            case 1: return ("empty", []);
            case 2: return ("header only", utf8.GetBytes(header + "\n"));
            case 3:
                var whole = utf8.GetBytes(header + "\n" + row + "\n" + row.Replace("1", "2", StringComparison.Ordinal) + "\n");
                return ("truncated", whole[..random.Next(1, whole.Length - 1)]);
            case 4: return ("GBK", Encoding.GetEncoding(936).GetBytes(header + "\n" + row + "\n"));
            case 5: return ("UTF-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(header + "\n" + row + "\n")).ToArray());
            case 6: return ("huge field", utf8.GetBytes(header + "\n" + row.Replace("1", new string('9', 1_000_000 + random.Next(1000)), StringComparison.Ordinal) + "\n"));
            case 7: return ("10,000 columns", utf8.GetBytes(string.Join(',', Enumerable.Range(0, 10_000).Select(c => "c" + c)) + "\n" + string.Join(',', Enumerable.Range(0, 10_000)) + "\n"));
            case 8: return ("unbalanced quote", utf8.GetBytes(header + "\n\"" + row + "\n" + row + "\n"));
            case 9:
                var mutated = utf8.GetBytes(header + "\n" + row + "\n").ToArray();
                for (var m = 0; m < 1 + random.Next(8); m++) mutated[header.Length + 1 + random.Next(mutated.Length - header.Length - 1)] = (byte)random.Next(256);
                return ("mutated row", mutated);
            case 10: return ("header then random bytes", utf8.GetBytes(header + "\n").Concat(RandomBytes(random, random.Next(1, 2048))).ToArray());
            default: return ("extra and missing fields", utf8.GetBytes(header + "\n" + row + ",extra\n" + string.Join(',', row.Split(',').Take(3)) + "\n"));
        }
    }

    private static (string Name, byte[] Bytes) MalformedWorkbook(Random random, int i)
    {
        var template = ProductSheet.Template();
        switch (i % 8)
        {
            case 0: return ("random bytes", RandomBytes(random, random.Next(1, 8192)));
            case 1: return ("empty", []);
            case 2: return ("truncated xlsx", template[..random.Next(1, template.Length - 1)]);
            case 3: return ("zip, not a workbook", Zip(random));
            case 4: return ("header only", Workbook(sheet => Header(sheet)));
            case 5: return ("huge field", Workbook(sheet => { Header(sheet); sheet.Cell(2, 1).SetValue("SKU-" + random.Next()); sheet.Cell(2, 2).SetValue(new string('长', 32_000)); sheet.Cell(2, 3).SetValue("12.3"); }));
            case 6: return ("10,000 columns", Workbook(sheet => { for (var c = 1; c <= 10_000; c++) sheet.Cell(1, c).SetValue("c" + c); }));
            default:
                var mutated = template.ToArray();
                for (var m = 0; m < 1 + random.Next(16); m++) mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                return ("mutated xlsx", mutated);
        }
    }

    private static void Header(IXLWorksheet sheet)
    {
        for (var c = 0; c < ProductSheet.Columns.Length; c++) sheet.Cell(1, c + 1).SetValue(ProductSheet.Columns[c]);
    }

    private static byte[] Workbook(Action<IXLWorksheet> fill)
    {
        using var workbook = new XLWorkbook();
        fill(workbook.AddWorksheet("products"));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static byte[] Zip(Random random)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("../../evil.txt").Open();
            entry.Write(RandomBytes(random, 100));
        }
        return output.ToArray();
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static async Task<(int Shopkeepers, int Lines, int Audit)> CountsAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return (await context.Shopkeepers.CountAsync(), await context.OrderLines.CountAsync(), await context.AuditEntries.CountAsync());
    }

    private static async Task<int> ProductCountAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return await context.Products.CountAsync();
    }
}
