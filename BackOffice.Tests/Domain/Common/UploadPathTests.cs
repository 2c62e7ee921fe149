using BackOffice.Domain.Agreements;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Domain.Agreements;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Common;

/// <summary>
/// Each upload that reaches a domain service (brand documents, the signed agreement scan, the product
/// sheet) refuses a file whose bytes are not what its name claims, and writes nothing: no row, no audit
/// entry. The CSV import page's path is in <c>Components/Imports/ImportsPageTests</c>.
/// </summary>
public class UploadPathTests
{
    [Theory]
    [InlineData("授权书.pdf", "exe")]
    [InlineData("授权书.png", "pdf")]
    [InlineData("授权书.jpg", "html")]
    [InlineData("授权书.exe", "pdf")]
    public async Task BrandDocument_BytesNotWhatTheNameSays_RefusedNothingWritten(string name, string content)
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.DraftBrandAsync(db);
        var before = await CountsAsync(db);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            db.Get<BrandService>().UploadDocumentAsync(People.SelectionLi, brand, "授权书", name, Bytes(content), new DateOnly(2028, 1, 1)));

        Assert.Contains(" · ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(db));
    }

    [Fact]
    public async Task BrandDocument_NameWithAPath_StoredInTheDatabaseUnderItsLastSegmentOnly()
    {
        await using var db = await TestDatabase.CreateAsync();
        var brands = db.Get<BrandService>();
        var brand = await SelectionData.DraftBrandAsync(db);
        var filesBefore = Directory.GetFiles(db.Folder, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".db", StringComparison.Ordinal)).ToList();

        var id = await brands.UploadDocumentAsync(People.SelectionLi, brand, "授权书", "../../../../tmp/x\u202E.pdf", UploadValidatorTests.Pdf, new DateOnly(2028, 1, 1));

        Assert.Equal("x.pdf", (await brands.ReadDocumentAsync(id))!.Value.FileName);
        Assert.Equal(filesBefore, Directory.GetFiles(db.Folder, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".db", StringComparison.Ordinal)).ToList());
    }

    [Theory]
    [InlineData("合同.pdf", "exe")]
    [InlineData("合同.png", "pdf")]
    [InlineData("合同.docx", "pdf")]
    public async Task AgreementScan_BytesNotWhatTheNameSays_RefusedAgreementNotSigned(string name, string content)
    {
        await using var db = await TestDatabase.CreateAsync();
        var data = await AgreementData.SeedAsync(db);
        var agreements = db.Get<AgreementService>();
        var id = await agreements.CreateDraftAsync(People.ManagerWang, data.Draft(new(2027, 1, 1), new(2027, 12, 31)));
        await agreements.SubmitAsync(People.ManagerWang, id, 0);
        var before = await CountsAsync(db);

        await Assert.ThrowsAsync<DomainException>(() =>
            agreements.SignAsync(People.ManagerLiu, id, 1, new AgreementSigning(new DateOnly(2026, 11, 1), "HT-1", new SignedScanFile(name, Bytes(content)))));

        var details = await agreements.GetAsync(id);
        Assert.Equal(AgreementStatus.PendingApproval, details!.Status);
        Assert.Null(details.SignedScanFileName);
        Assert.Null(await agreements.ScanAsync(id));
        Assert.Equal(before, await CountsAsync(db));
    }

    [Theory]
    [InlineData("商品.xlsx", "csv")]
    [InlineData("商品.xlsx", "pdf")]
    [InlineData("商品.xlsx", "docx")]
    [InlineData("商品.xls", "xlsx")]
    public async Task ProductSheet_NotAnOoxmlWorkbook_RefusedWithOneProblemNothingWritten(string name, string content)
    {
        await using var db = await TestDatabase.CreateAsync();
        var brand = await SelectionData.DraftBrandAsync(db);
        var before = await CountsAsync(db);

        var result = await db.Get<ProductService>().ImportAsync(People.SelectionLi, brand, Bytes(content), "../" + name);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(name, problem.Value);
        Assert.Contains(" · ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(db));
    }

    internal static byte[] Bytes(string content) => content switch
    {
        "exe" => UploadValidatorTests.Exe,
        "pdf" => UploadValidatorTests.Pdf,
        "html" => UploadValidatorTests.Html,
        "csv" => "sku_code,name,list_price_yuan\nA,B,1\n"u8.ToArray(),
        "xlsx" => ProductSheet.Template(),
        "docx" => DocxLike(),
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    private static byte[] DocxLike()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write("""<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
        }
        return buffer.ToArray();
    }

    private static async Task<(int Documents, int Products, int Audit)> CountsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.BrandDocuments.CountAsync(), await db.Products.CountAsync(), await db.AuditEntries.CountAsync());
    }
}
