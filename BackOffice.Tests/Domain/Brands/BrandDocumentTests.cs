using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;

namespace BackOffice.Tests.Domain.Brands;

public class BrandDocumentTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];

    [Theory]
    [InlineData("a.png", "image/png")]
    [InlineData("A.PNG", "image/png")]
    public void Inspect_PngByContent_Accepted(string name, string expected) => Assert.Equal(expected, BrandDocument.Inspect(name, Png));

    [Fact]
    public void Inspect_JpegWithJpgOrJpeg_Accepted()
    {
        Assert.Equal("image/jpeg", BrandDocument.Inspect("scan.jpg", Jpeg));
        Assert.Equal("image/jpeg", BrandDocument.Inspect("scan.jpeg", Jpeg));
    }

    [Fact]
    public void Inspect_PngBytesCalledPdf_RefusedForMismatch() =>
        Assert.Contains("does not match", Assert.Throws<DomainException>(() => BrandDocument.Inspect("x.pdf", Png)).Message);

    [Fact]
    public void Inspect_TextCalledPdf_Refused() =>
        Assert.Throws<DomainException>(() => BrandDocument.Inspect("x.pdf", "<html>"u8.ToArray()));

    [Fact]
    public void Inspect_OverFiveMegabytes_Refused()
    {
        var big = new byte[BrandDocument.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Contains("5 MB", Assert.Throws<DomainException>(() => BrandDocument.Inspect("x.pdf", big)).Message);
        var limit = new byte[BrandDocument.MaxBytes];
        "%PDF-"u8.CopyTo(limit);
        Assert.Equal("application/pdf", BrandDocument.Inspect("x.pdf", limit));
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\temp\\授权书.pdf", "授权书.pdf")]
    [InlineData("a\r\nb\".pdf", "ab.pdf")]
    [InlineData("...", "document")]
    public void SafeFileName_StripsPathsAndControlCharacters(string input, string expected) => Assert.Equal(expected, BrandDocument.SafeFileName(input));
}
