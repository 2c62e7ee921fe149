using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Brands;

public class ProductServiceTests
{
    private static byte[] Sheet(int rows, Action<IXLWorksheet>? tamper = null)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("products");
        sheet.Cell(1, 1).Value = "sku_code";
        sheet.Cell(1, 2).Value = "name";
        sheet.Cell(1, 3).Value = "list_price_yuan";
        for (var i = 1; i <= rows; i++)
        {
            sheet.Cell(i + 1, 1).Value = $"FLS-{i:00000}";
            sheet.Cell(i + 1, 2).Value = $"花西子 商品 {i}";
            sheet.Cell(i + 1, 3).Value = 99.9;
        }
        tamper?.Invoke(sheet);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task ImportAsync_ThousandRowsWithBrokenRowInMiddle_NothingWrittenAndRowReported()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.DraftBrandAsync(db);
        var file = Sheet(1000, s => s.Cell(501, 3).Value = "12.345");

        var result = await db.Get<ProductService>().ImportAsync(People.SelectionLi, brand, file, "products.xlsx");

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(501, problem.Row);
        Assert.Equal("list_price_yuan", problem.Column);
        Assert.Contains("two decimals", problem.Message);
        await using var ctx = db.NewContext();
        Assert.Equal(0, await ctx.Products.CountAsync());
        Assert.False(await ctx.AuditEntries.AnyAsync(e => e.Action == "product.imported"));
    }

    [Fact]
    public async Task ImportAsync_ThousandGoodRows_AllWrittenWithOneAuditEntry()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.DraftBrandAsync(db);
        var result = await db.Get<ProductService>().ImportAsync(People.SelectionLi, brand, Sheet(1000), "products.xlsx");

        Assert.True(result.Succeeded);
        Assert.Equal(1000, result.Created);
        await using var ctx = db.NewContext();
        Assert.Equal(1000, await ctx.Products.CountAsync(p => p.BrandId == brand && p.ListPriceFen == 9990));
        var entry = await ctx.AuditEntries.SingleAsync(e => e.Action == "product.imported");
        Assert.Contains(result.Sha256, entry.After);

        var again = await db.Get<ProductService>().ImportAsync(People.SelectionLi, brand, Sheet(1000), "products.xlsx");
        Assert.Equal((0, 0), (again.Created, again.Updated));
    }

    [Fact]
    public async Task ImportAsync_DuplicateSkuAndOtherBrandsSku_EachRowReported()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.DraftBrandAsync(db);
        var other = await SelectionData.DraftBrandAsync(db);
        await db.Get<ProductService>().CreateAsync(People.SelectionLi, other, "TAKEN-1", "别家商品", Money.FromYuan(10));
        var file = Sheet(5, s =>
        {
            s.Cell(3, 1).Value = "FLS-00001";
            s.Cell(4, 1).Value = "TAKEN-1";
            s.Cell(5, 2).Value = "";
            s.Cell(6, 3).Value = "-5";
        });

        var result = await db.Get<ProductService>().ImportAsync(People.SelectionLi, brand, file, "p.xlsx");

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6], result.Problems.Select(p => p.Row));
        Assert.Contains("row 2", result.Problems[0].Message);
        Assert.Contains("another brand", result.Problems[1].Message);
    }

    [Fact]
    public async Task ImportAsync_WrongHeaderOrNotExcel_Refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.DraftBrandAsync(db);
        var products = db.Get<ProductService>();
        var wrongHeader = await products.ImportAsync(People.SelectionLi, brand, Sheet(2, s => s.Cell(1, 3).Value = "price"), "p.xlsx");
        Assert.Contains("list_price_yuan", wrongHeader.Problems.Single().Message);
        var notExcel = await products.ImportAsync(People.SelectionLi, brand, "sku,name\n"u8.ToArray(), "p.xlsx");
        Assert.False(notExcel.Succeeded);
    }

    [Fact]
    public void Template_ReadsBackAsValid_AndErrorReportNeutralisesFormulas()
    {
        var (lines, problems) = ProductSheet.Read(new MemoryStream(ProductSheet.Template()));
        Assert.Empty(problems);
        Assert.Equal(2, lines.Count);
        Assert.Equal(12900, lines[0].ListPrice.Fen);

        var report = ProductSheet.ErrorReport([new ImportProblem(7, "name", "=HYPERLINK(\"http://evil\")", "bad")], 1);
        using var workbook = new XLWorkbook(new MemoryStream(report));
        var cell = workbook.Worksheet(1).Cell(2, 3);
        Assert.False(cell.HasFormula);
        Assert.Equal("'=HYPERLINK(\"http://evil\")", cell.GetString());
        Assert.Equal(7, workbook.Worksheet(1).Cell(2, 1).GetDouble());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86", "'+86")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM", "'@SUM")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("\nx", "'\nx")]
    [InlineData("花西子", "花西子")]
    [InlineData("", "")]
    public void Neutralise_FormulaLookingText_GetsApostrophe(string text, string expected) => Assert.Equal(expected, ProductSheet.Neutralise(text));

    [Fact]
    public async Task ScoreAsync_PriceDiffersFromSuggestionWithoutReason_Refused_WithReasonSaved()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.DraftBrandAsync(db);
        var products = db.Get<ProductService>();
        var id = await products.CreateAsync(People.SelectionLi, brand, "SKU-1", "面霜", Money.FromYuan(100));
        var input = new ProductScoreInput { Quality = 4, Price = 5, Brand = 4, Structure = 4, Style = 4, ReferenceSalePrice = Money.FromYuan(55) };

        var ex = await Assert.ThrowsAsync<DomainException>(() => products.ScoreAsync(People.SelectionLi, id, 0, input));
        Assert.Contains("suggested 4", ex.Message);

        input.PriceOverrideReason = "赠品价值高";
        await products.ScoreAsync(People.SelectionLi, id, 0, input);
        var row = (await products.ListAsync(brand, null, null, new PageRequest())).Items.Single();
        Assert.Equal(5, row.Score!.Price);
        Assert.Equal("赠品价值高", row.Score.PriceOverrideReason);
        Assert.True(row.IsSelectable);
        var history = await db.Get<AuditQueryService>().HistoryAsync("Product", id.ToString());
        Assert.Equal("赠品价值高", history.Single(h => h.Action == "product.scored").Reason);
    }

    [Fact]
    public async Task ListAsync_SelectableFilter_AndWhyNot()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.DraftBrandAsync(db);
        await SelectionData.ScoredProductAsync(db, brand, "OK-1");
        await SelectionData.ScoredProductAsync(db, brand, "LOW-1", selectable: false);
        await db.Get<ProductService>().CreateAsync(People.SelectionLi, brand, "NEW-1", "未评分", Money.FromYuan(10));
        var products = db.Get<ProductService>();

        Assert.Equal(["OK-1"], (await products.ListAsync(brand, null, true, new PageRequest())).Items.Select(p => p.SkuCode));
        var notSelectable = (await products.ListAsync(brand, null, false, new PageRequest())).Items;
        Assert.Equal(["LOW-1", "NEW-1"], notSelectable.Select(p => p.SkuCode));
        Assert.Contains("quality 2 < 3", notSelectable[0].WhyNotSelectable.Single());
        Assert.Contains("Not scored", notSelectable[1].WhyNotSelectable.Single());
    }
}
