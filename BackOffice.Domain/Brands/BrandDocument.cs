using BackOffice.Domain.Common;

namespace BackOffice.Domain.Brands;

/// <summary>
/// An uploaded authorisation file of a brand (授权书, trademark certificate...). The bytes live in the
/// database; the uploaded name is only ever shown, never used as a path.
/// </summary>
public class BrandDocument
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int FileNameMaxLength = 200;
    public const int TitleMaxLength = 200;

    public int Id { get; private set; }
    public int BrandId { get; private set; }
    public string Title { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public byte[] Content { get; private set; } = [];
    public string Sha256 { get; private set; } = "";
    public string UploadedBy { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    protected BrandDocument() { }

    public BrandDocument(int brandId, string title, string fileName, byte[] content, DateOnly expiresOn, Actor uploader, DateTime now)
    {
        ContentType = Inspect(fileName, content);
        title = (title ?? "").Trim();
        if (title.Length is 0 or > TitleMaxLength) throw new DomainException($"请填写文件说明（最多 {TitleMaxLength} 字） · Describe the document (at most {TitleMaxLength} characters)");
        BrandId = brandId;
        Title = title;
        FileName = SafeFileName(fileName);
        Content = content;
        SizeBytes = content.LongLength;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        ExpiresOn = expiresOn;
        UploadedBy = uploader.UserId;
        UploadedByName = uploader.DisplayName;
        UploadedAt = now;
    }

    public bool IsExpiredOn(DateOnly day) => ExpiresOn < day;

    /// <summary>
    /// The content type read from the file's first bytes (PDF, PNG or JPEG only); the extension must
    /// agree, so a renamed executable is refused whatever it is called.
    /// </summary>
    public static string Inspect(string? fileName, byte[] content)
    {
        if (content.Length == 0) throw new DomainException("文件为空 · The file is empty");
        if (content.LongLength > MaxBytes)
            throw new DomainException($"文件超过 5 MB（{content.LongLength / 1024 / 1024.0:0.0} MB） · The file is larger than 5 MB ({content.LongLength / 1024 / 1024.0:0.0} MB)");
        var sniffed = Sniff(content) ?? throw new DomainException("只接受 PDF、PNG、JPEG 文件（按文件内容判断） · Only PDF, PNG and JPEG files are accepted (judged by the file's content)");
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var expected = sniffed switch
        {
            "application/pdf" => new[] { ".pdf" },
            "image/png" => [".png"],
            _ => [".jpg", ".jpeg"],
        };
        if (!expected.Contains(extension))
            throw new DomainException($"文件扩展名“{extension}”与内容（{sniffed}）不符 · The extension '{extension}' does not match the content ({sniffed})");
        return sniffed;
    }

    private static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF-"u8)) return "application/pdf";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        return null;
    }

    /// <summary>The last path segment without control or path characters, for display and Content-Disposition only.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim(' ', '.');
        if (name.Length == 0) name = "document";
        return name.Length > FileNameMaxLength ? name[^FileNameMaxLength..] : name;
    }
}
