using System.IO.Compression;
using System.Text;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;

namespace BackOffice.Tests.Domain.Common;

public class UploadValidatorTests
{
    // As real PDFs begin: the version line, then a comment of high bytes that marks the file as binary.
    internal static readonly byte[] Pdf = [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n1 0 obj\n"u8];
    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    internal static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46];
    internal static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0];
    internal static readonly byte[] Html = "<html><script>alert(1)</script></html>"u8.ToArray();

    public static TheoryData<string> DocumentRules => new() { "brand-document", "agreement-scan" };

    private static UploadRule Rule(string name) => UploadRules.All.Single(r => r.Name == name);

    [Fact]
    public void Rules_EveryUpload_HasALimitAnAllowListAndBilingualMessages()
    {
        Assert.Equal(["brand-document", "agreement-scan", "product-sheet", "feed-csv"], UploadRules.All.Select(r => r.Name));
        foreach (var rule in UploadRules.All)
        {
            Assert.InRange(rule.MaxBytes, 1, 2L << 30);
            Assert.NotEmpty(rule.Types);
            var refused = Assert.Throws<DomainException>(() => UploadValidator.CheckNameAndSize(rule, "x.exe", 10));
            Assert.Contains(" · ", refused.Message, StringComparison.Ordinal);
            Assert.Contains(" · ", rule.TooLargeMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DocumentRules))]
    public void Validate_DocumentByMagicBytes_AcceptedWithItsContentType(string rule)
    {
        Assert.Equal("application/pdf", UploadValidator.Validate(Rule(rule), "授权书.PDF", Pdf).ContentType);
        Assert.Equal("image/png", UploadValidator.Validate(Rule(rule), "scan.png", Png).ContentType);
        Assert.Equal("image/jpeg", UploadValidator.Validate(Rule(rule), "scan.jpg", Jpeg).ContentType);
        Assert.Equal("image/jpeg", UploadValidator.Validate(Rule(rule), "scan.jpeg", Jpeg).ContentType);
    }

    [Theory]
    [MemberData(nameof(DocumentRules))]
    public void Validate_DocumentWhoseBytesAreNotWhatItsNameSays_RefusedInBothLanguages(string rule)
    {
        foreach (var (name, bytes) in new[] { ("a.pdf", Exe), ("a.pdf", Png), ("a.pdf", Html), ("a.png", Jpeg), ("a.jpg", Pdf), ("a.jpeg", "%PD"u8.ToArray()) })
        {
            var ex = Assert.Throws<DomainException>(() => UploadValidator.Validate(Rule(rule), name, bytes));
            Assert.Contains("does not match its extension", ex.Message, StringComparison.Ordinal);
            Assert.Contains("与扩展名不符", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("brand-document", "a.exe")]
    [InlineData("brand-document", "a.svg")]
    [InlineData("brand-document", "a.pdf.html")]
    [InlineData("brand-document", "pdf")]
    [InlineData("agreement-scan", "a.gif")]
    [InlineData("product-sheet", "a.xls")]
    [InlineData("product-sheet", "a.xlsm")]
    [InlineData("product-sheet", "a.csv")]
    [InlineData("feed-csv", "a.xlsx")]
    [InlineData("feed-csv", "a.txt")]
    public void CheckNameAndSize_ExtensionNotOnTheAllowList_Refused(string rule, string name)
    {
        var ex = Assert.Throws<DomainException>(() => UploadValidator.CheckNameAndSize(Rule(rule), name, 100));
        Assert.Contains("Only ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("只接受", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("brand-document", "a.pdf")]
    [InlineData("agreement-scan", "a.pdf")]
    [InlineData("product-sheet", "a.xlsx")]
    [InlineData("feed-csv", "a.csv")]
    public void CheckNameAndSize_EmptyOrOverTheLimit_RefusedAtTheLimitAccepted(string rule, string name)
    {
        var r = Rule(rule);
        Assert.Contains("empty", Assert.Throws<DomainException>(() => UploadValidator.CheckNameAndSize(r, name, 0)).Message, StringComparison.Ordinal);
        Assert.Equal(r.TooLargeMessage, Assert.Throws<DomainException>(() => UploadValidator.CheckNameAndSize(r, name, r.MaxBytes + 1)).Message);
        UploadValidator.CheckNameAndSize(r, name, r.MaxBytes);
    }

    [Fact]
    public void Validate_PdfOfExactlyTheLimit_AcceptedOneByteMoreRefused()
    {
        var limit = new byte[UploadRules.BrandDocument.MaxBytes];
        Pdf.CopyTo(limit, 0);
        UploadValidator.Validate(UploadRules.BrandDocument, "a.pdf", limit);
        var over = new byte[UploadRules.BrandDocument.MaxBytes + 1];
        Pdf.CopyTo(over, 0);
        Assert.Contains("5 MB", Assert.Throws<DomainException>(() => UploadValidator.Validate(UploadRules.BrandDocument, "a.pdf", over)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RealWorkbook_Accepted()
    {
        Assert.Equal(UploadType.Xlsx, UploadValidator.Validate(UploadRules.ProductSheet, "商品.xlsx", ProductSheet.Template()));
    }

    public static TheoryData<string, byte[]> NotWorkbooks => new()
    {
        { "csv text", "sku_code,name,list_price_yuan\nA,B,1\n"u8.ToArray() },
        { "pdf", Pdf },
        { "zip magic only", [0x50, 0x4B, 0x03, 0x04] },
        { "truncated workbook", ProductSheet.Template()[..600] },
        { "zip without content types", Zip(("xl/workbook.xml", "<workbook/>")) },
        { "word document", Zip(("[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))) },
        { "macro workbook", Zip(("[Content_Types].xml", ContentTypes("application/vnd.ms-excel.sheet.macroEnabled.main+xml"))) },
    };

    [Theory]
    [MemberData(nameof(NotWorkbooks))]
    public void Validate_XlsxThatIsNotAnOoxmlWorkbook_Refused(string what, byte[] bytes)
    {
        var ex = Assert.Throws<DomainException>(() => UploadValidator.Validate(UploadRules.ProductSheet, "商品.xlsx", bytes));
        Assert.True(ex.Message.Contains("is not Excel (.xlsx)", StringComparison.Ordinal), what + ": " + ex.Message);
    }

    [Fact]
    public void Validate_Csv_Utf8WithOrWithoutBomAccepted()
    {
        var text = "external_id,order_id\n上海,1\n"u8.ToArray();
        Assert.Equal(UploadType.Csv, UploadValidator.Validate(UploadRules.FeedCsv, "lines.csv", text));
        Assert.Equal(UploadType.Csv, UploadValidator.Validate(UploadRules.FeedCsv, "lines.CSV", [0xEF, 0xBB, 0xBF, .. text]));
    }

    [Fact]
    public void Validate_CsvWhoseHeadEndsInsideACharacter_Accepted()
    {
        // 64 KiB head: a three-byte character straddles the boundary.
        var bytes = new byte[64 * 1024 + 100];
        bytes.AsSpan().Fill((byte)'a');
        "中"u8.CopyTo(bytes.AsSpan(64 * 1024 - 1));
        Assert.Equal(UploadType.Csv, UploadValidator.Validate(UploadRules.FeedCsv, "lines.csv", bytes));
    }

    public static TheoryData<string, byte[]> NotUtf8Csv => new()
    {
        { "utf-16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("external_id,order_id\n")] },
        { "gb18030", [0xC9, 0xCF, 0xBA, 0xA3, 0x2C, 0x31, 0x0A] },
        { "zip", ProductSheet.Template() },
        { "pdf", Pdf },
        { "nul bytes", "a,b\n\0\0\0"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotUtf8Csv))]
    public void Validate_CsvThatIsNotUtf8Text_Refused(string what, byte[] bytes)
    {
        var ex = Assert.Throws<DomainException>(() => UploadValidator.Validate(UploadRules.FeedCsv, "lines.csv", bytes));
        Assert.True(ex.Message.Contains("not a UTF-8 text CSV", StringComparison.Ordinal), what + ": " + ex.Message);
    }

    [Fact]
    public void Validate_Stream_LeftAtTheStartForTheReader()
    {
        using var stream = new MemoryStream("a,b\n1,2\n"u8.ToArray());
        stream.Position = 3;
        UploadValidator.Validate(UploadRules.FeedCsv, "a.csv", stream);
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"C:\temp\授权书.pdf", "授权书.pdf")]
    [InlineData("a\r\nb\".pdf", "ab.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("...", "file")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("/", "file")]
    public void DisplayName_PathsControlAndFormatCharacters_Removed(string? input, string expected) =>
        Assert.Equal(expected, UploadValidator.DisplayName(input));

    [Fact]
    public void DisplayName_LongName_KeepsTheEndWithTheExtension()
    {
        var name = UploadValidator.DisplayName(new string('长', 400) + ".pdf");
        Assert.Equal(UploadValidator.DisplayNameMaxLength, name.Length);
        Assert.EndsWith("长.pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NameWithAPath_JudgedByItsLastSegmentOnly()
    {
        Assert.Equal(UploadType.Pdf, UploadValidator.Validate(UploadRules.BrandDocument, "../x.png/../a.pdf", Pdf));
        Assert.Throws<DomainException>(() => UploadValidator.CheckNameAndSize(UploadRules.BrandDocument, "a.pdf/evil.exe", 10));
    }

    private static string ContentTypes(string main) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="{main}"/></Types>""";

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
