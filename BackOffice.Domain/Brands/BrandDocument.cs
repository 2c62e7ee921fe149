using BackOffice.Domain.Common;

namespace BackOffice.Domain.Brands;

/// <summary>
/// An uploaded authorisation file of a brand (授权书, trademark certificate...). The bytes live in the
/// database; the uploaded name is only ever shown, never used as a path.
/// </summary>
public class BrandDocument
{
    public static readonly long MaxBytes = UploadRules.BrandDocument.MaxBytes;
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

    /// <summary>The content type read from the file's bytes through the one upload check (<see cref="UploadValidator"/>).</summary>
    public static string Inspect(string? fileName, byte[] content) => UploadValidator.Validate(UploadRules.BrandDocument, fileName, content).ContentType;

    /// <summary>The last path segment without control or path characters, for display and Content-Disposition only.</summary>
    public static string SafeFileName(string? fileName) => UploadValidator.DisplayName(fileName, "document");
}
