using BackOffice.Domain.Common;

namespace BackOffice.Domain.Agreements;

/// <summary>The signed agreement's scan: PDF, PNG or JPEG up to 5 MB, recognised by its first bytes, not its name.</summary>
public sealed record SignedScanFile(string FileName, byte[] Content)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The content type the bytes really are, or null when they are none of PDF, PNG, JPEG.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(Pdf) ? "application/pdf"
        : content.StartsWith(Png) ? "image/png"
        : content.StartsWith(Jpeg) ? "image/jpeg"
        : null;

    public string ContentType => Sniff(Content) ?? "application/octet-stream";

    public void Validate()
    {
        if (Content.LongLength == 0) throw new DomainException("扫描件为空 · The scan is empty");
        if (Content.LongLength > MaxBytes) throw new DomainException("扫描件不能超过 5 MB · The scan must be at most 5 MB");
        if (Sniff(Content) is null) throw new DomainException("扫描件须为 PDF、PNG 或 JPEG 文件 · The scan must be a PDF, PNG or JPEG file");
    }

    /// <summary>Keeps only the file's own name, so a path typed into a form cannot travel further.</summary>
    public string SafeName
    {
        get
        {
            var name = Path.GetFileName(FileName.Replace('\\', '/')).Trim();
            if (name.Length == 0) name = "scan";
            return name.Length > 150 ? name[^150..] : name;
        }
    }
}
