using System.Buffers.Binary;
using BackOffice.Domain.Reporting.Pdf;

namespace BackOffice.Tests.Domain.Reporting;

public class CjkFontResolverTests
{
    private const string MicroHei = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    [Fact]
    public void Create_ConfiguredPathMissingAndEmptySearchList_ThrowsNamingThePath()
    {
        var options = new CjkFontOptions { FontPath = "/nonexistent/fonts/missing.ttc", SearchPaths = [] };

        var error = Assert.Throws<CjkFontNotFoundException>(() => CjkFontResolver.Create(options));

        Assert.Equal(["/nonexistent/fonts/missing.ttc"], error.SearchedPaths);
        Assert.Contains("/nonexistent/fonts/missing.ttc", error.Message, StringComparison.Ordinal);
        Assert.Contains("Reporting:FontPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NothingToSearch_SaysNoPathsWereSearched()
    {
        var error = Assert.Throws<CjkFontNotFoundException>(() => CjkFontResolver.Create(new CjkFontOptions { SearchPaths = [] }));

        Assert.Empty(error.SearchedPaths);
        Assert.Contains("(no paths)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SeveralMissingPaths_NamesEveryOneInOrder()
    {
        var options = new CjkFontOptions { FontPath = "/nope/configured.ttf", SearchPaths = ["/nope/a.ttc", @"C:\Windows\Fonts\nope.ttc"] };

        var error = Assert.Throws<CjkFontNotFoundException>(() => CjkFontResolver.Create(options));

        Assert.Equal(["/nope/configured.ttf", "/nope/a.ttc", @"C:\Windows\Fonts\nope.ttc"], error.SearchedPaths);
        Assert.All(error.SearchedPaths, p => Assert.Contains(p, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_DefaultSearch_FindsMicroHeiAndServesAStandaloneTrueTypeFace()
    {
        Assert.SkipUnless(File.Exists(MicroHei), "fonts-wqy-microhei is not installed");

        var resolver = CjkFontResolver.Create(new CjkFontOptions());
        var info = resolver.ResolveTypeface("Arial", bold: false, italic: false);
        var font = resolver.GetFont(info!.FaceName)!;

        Assert.Equal(MicroHei, resolver.FontPath);
        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(font));
        Assert.Equal(2, TrueTypeCollection.FaceCount(File.ReadAllBytes(MicroHei)));
    }

    [Fact]
    public void ExtractFace_MicroHei_EveryTableChecksumStillMatches()
    {
        Assert.SkipUnless(File.Exists(MicroHei), "fonts-wqy-microhei is not installed");

        var font = TrueTypeCollection.ExtractFace(File.ReadAllBytes(MicroHei), 0);

        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        Assert.True(tables > 5);
        for (var i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.Equal(0, offset % 4);
            if (tag != "head")
            {
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(record[4..]), Checksum(font.AsSpan(offset, (length + 3) & ~3)));
            }
        }
    }

    [Fact]
    public void ExtractFace_NotACollection_Throws() =>
        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.ExtractFace(new byte[64], 0));

    private static uint Checksum(ReadOnlySpan<byte> table)
    {
        uint sum = 0;
        for (var i = 0; i < table.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(table[i..]);
        }

        return sum;
    }
}
