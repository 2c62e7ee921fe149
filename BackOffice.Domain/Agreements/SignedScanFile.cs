using BackOffice.Domain.Common;

namespace BackOffice.Domain.Agreements;

/// <summary>The signed agreement's scan: PDF, PNG or JPEG up to 5 MB, checked by <see cref="UploadValidator"/> (content, not name).</summary>
public sealed record SignedScanFile(string FileName, byte[] Content)
{
    public static readonly long MaxBytes = UploadRules.AgreementScan.MaxBytes;

    /// <summary>The content type the bytes really are, or null when they are none of PDF, PNG, JPEG.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) => UploadValidator.Recognise(UploadRules.AgreementScan, content)?.ContentType;

    public string ContentType => Sniff(Content) ?? "application/octet-stream";

    public void Validate() => UploadValidator.Validate(UploadRules.AgreementScan, FileName, Content);

    /// <summary>Keeps only the file's own name, so a path typed into a form cannot travel further.</summary>
    public string SafeName => UploadValidator.DisplayName(FileName, "scan");
}
