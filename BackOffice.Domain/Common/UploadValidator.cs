using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace BackOffice.Domain.Common;

/// <summary>A kind of file an upload may be: its extensions, the content type it is served as, and how its bytes are recognised.</summary>
public sealed record UploadType(string Label, string ContentType, IReadOnlyList<string> Extensions)
{
    public static readonly UploadType Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly UploadType Png = new("PNG", "image/png", [".png"]);
    public static readonly UploadType Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly UploadType Xlsx = new("Excel (.xlsx)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly UploadType Csv = new("CSV (UTF-8)", "text/csv", [".csv"]);
}

/// <summary>What one upload in the app accepts: the size limit and the allow-list of types.</summary>
public sealed record UploadRule(string Name, long MaxBytes, IReadOnlyList<UploadType> Types)
{
    public string MaxSizeText => MaxBytes >= 1L << 30 ? $"{MaxBytes >> 30} GB" : $"{MaxBytes >> 20} MB";

    /// <summary>The browser file picker's <c>accept</c> attribute (a hint only; the server decides by content).</summary>
    public string Accept => string.Join(',', Types.SelectMany(t => t.Extensions));

    public string TypesText => string.Join("、", Types.Select(t => t.Label));

    public string TypesInEnglish => Types.Count == 1 ? Types[0].Label
        : string.Join(", ", Types.Take(Types.Count - 1).Select(t => t.Label)) + " and " + Types[^1].Label;

    public string TooLargeMessage => $"文件超过 {MaxSizeText} · The file is larger than {MaxSizeText}";

    /// <summary>What a page says when the browser's file stream fails (cut off, or past the size the stream allows).</summary>
    public const string ReadFailedMessage = "文件读取失败或超过大小限制 · The file could not be read or is larger than allowed";
}

/// <summary>Every upload the app takes, in one place.</summary>
public static class UploadRules
{
    public static readonly UploadRule BrandDocument = new("brand-document", 5L << 20, [UploadType.Pdf, UploadType.Png, UploadType.Jpeg]);
    public static readonly UploadRule AgreementScan = new("agreement-scan", 5L << 20, [UploadType.Pdf, UploadType.Png, UploadType.Jpeg]);
    public static readonly UploadRule ProductSheet = new("product-sheet", 20L << 20, [UploadType.Xlsx]);
    public static readonly UploadRule FeedCsv = new("feed-csv", 2L << 30, [UploadType.Csv]);

    public static IReadOnlyList<UploadRule> All { get; } = [BrandDocument, AgreementScan, ProductSheet, FeedCsv];
}

/// <summary>
/// The one check every upload passes before anything is stored: the name's extension is on the rule's
/// allow-list, the size is within the limit, and the bytes really are what the extension claims (PDF
/// by <c>%PDF-</c>, images by their magic bytes, .xlsx as a zip whose <c>[Content_Types].xml</c> names
/// a workbook, CSV as UTF-8 text). The uploaded name is never a path: <see cref="DisplayName"/> keeps
/// a sanitised last segment for display, and storage uses generated names or database rows.
/// </summary>
public static class UploadValidator
{
    public const int DisplayNameMaxLength = 150;
    private const int CsvHeadBytes = 64 * 1024;
    private const int MaxZipEntries = 10_000;
    private const int MaxContentTypesBytes = 1 << 20;
    private const string WorkbookMainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Validates bytes held in memory; returns the type they are.</summary>
    public static UploadType Validate(UploadRule rule, string? fileName, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return Validate(rule, fileName, stream);
    }

    /// <summary>
    /// Validates a seekable stream from its start (a temp file or a buffer) and leaves it at position 0.
    /// Throws a <see cref="DomainException"/> with a bilingual message when the file is refused.
    /// </summary>
    public static UploadType Validate(UploadRule rule, string? fileName, Stream content)
    {
        if (!content.CanSeek || !content.CanRead) throw new ArgumentException("The upload must be a readable, seekable stream.", nameof(content));
        var type = TypeByExtension(rule, fileName);
        CheckSize(rule, content.Length);
        content.Position = 0;
        var ok = type == UploadType.Xlsx ? IsWorkbook(content) : HasContentOf(type, content);
        content.Position = 0;
        if (!ok)
        {
            var name = DisplayName(fileName);
            throw new DomainException(type == UploadType.Csv
                ? $"文件“{name}”不是 UTF-8 文本 CSV（内容是二进制或其他编码） · The file '{name}' is not a UTF-8 text CSV (its content is binary or another encoding)"
                : $"文件“{name}”的内容不是 {type.Label}，与扩展名不符（只接受按内容判断的 {rule.TypesText} 文件） · Only {rule.TypesInEnglish} files are accepted, judged by their content: '{name}' does not match its extension (it is not {type.Label})");
        }
        return type;
    }

    /// <summary>The type of the rule whose magic bytes begin <paramref name="head"/> (PDF, PNG, JPEG), or null: how stored files are served.</summary>
    public static UploadType? Recognise(UploadRule rule, ReadOnlySpan<byte> head)
    {
        foreach (var type in rule.Types)
            if (StartsWithMagicOf(type, head)) return type;
        return null;
    }

    private static bool StartsWithMagicOf(UploadType type, ReadOnlySpan<byte> head) =>
        (type == UploadType.Pdf && head.StartsWith(PdfMagic)) || (type == UploadType.Png && head.StartsWith(PngMagic))
        || (type == UploadType.Jpeg && head.StartsWith(JpegMagic));

    /// <summary>The checks that need no content (allow-listed extension, size), for a page to answer before reading the upload.</summary>
    public static UploadType CheckNameAndSize(UploadRule rule, string? fileName, long size)
    {
        var type = TypeByExtension(rule, fileName);
        CheckSize(rule, size);
        return type;
    }

    /// <summary>The last path segment without control, quote or path characters: for display and Content-Disposition only.</summary>
    public static string DisplayName(string? fileName, string fallback = "file")
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '"' or ':' or '*' or '?' or '<' or '>' or '|' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format) continue;
            kept.Append(c);
        }
        name = kept.ToString().Trim(' ', '.');
        if (name.Length == 0) name = fallback;
        if (name.Length <= DisplayNameMaxLength) return name;
        // Keep the end, where the extension is, without splitting a surrogate pair.
        var start = name.Length - DisplayNameMaxLength;
        if (char.IsLowSurrogate(name[start])) start++;
        return name[start..];
    }

    private static UploadType TypeByExtension(UploadRule rule, string? fileName)
    {
        var extension = Path.GetExtension(DisplayName(fileName)).ToLowerInvariant();
        return rule.Types.FirstOrDefault(t => t.Extensions.Contains(extension))
            ?? throw new DomainException($"只接受 {rule.TypesText} 文件（{rule.Accept}） · Only {rule.TypesInEnglish} files are accepted ({rule.Accept})");
    }

    private static void CheckSize(UploadRule rule, long size)
    {
        if (size <= 0) throw new DomainException("文件为空 · The file is empty");
        if (size > rule.MaxBytes) throw new DomainException(rule.TooLargeMessage);
    }

    private static bool HasContentOf(UploadType type, Stream content)
    {
        var head = new byte[type == UploadType.Csv ? CsvHeadBytes : 8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, read);
        if (type == UploadType.Csv) return !bytes.StartsWith(PdfMagic) && !bytes.StartsWith(ZipMagic) && IsUtf8Text(bytes, complete: read < head.Length);
        return StartsWithMagicOf(type, bytes);
    }

    private static bool IsUtf8Text(ReadOnlySpan<byte> bytes, bool complete)
    {
        if (bytes.IndexOf((byte)0) >= 0) return false;
        if (!complete)
        {
            // The head may end inside a multi-byte character: drop a trailing partial sequence.
            var cut = bytes.Length;
            for (var back = 1; back <= 3 && back <= bytes.Length; back++)
            {
                var b = bytes[^back];
                if ((b & 0xC0) == 0x80) continue;
                if (b >= 0xC0) cut = bytes.Length - back;
                break;
            }
            bytes = bytes[..cut];
        }
        return Utf8.IsValid(bytes);
    }

    private static bool IsWorkbook(Stream content)
    {
        Span<byte> magic = stackalloc byte[4];
        if (content.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || !magic.SequenceEqual(ZipMagic)) return false;
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries) return false;
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesBytes) return false;
            using var reader = new StreamReader(types.Open(), Encoding.UTF8);
            var xml = reader.ReadToEnd();
            return xml.Contains(WorkbookMainType, StringComparison.Ordinal);
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
