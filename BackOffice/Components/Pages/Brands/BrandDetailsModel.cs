using BackOffice.Domain.Brands;

namespace BackOffice.Components.Pages.Brands;

/// <summary>The brand form's fields as typed; kept by the page when a save fails so nothing typed is lost.</summary>
public sealed class BrandDetailsModel
{
    public int? SupplierId { get; set; }
    public string NameZh { get; set; } = "";
    public string NameLatin { get; set; } = "";
    public string Category { get; set; } = "";
    public string TrademarkNumber { get; set; } = "";
    public DateTime? TrademarkExpiresOn { get; set; }
    public string AuthorizationText { get; set; } = "";
    public DateTime? AuthorizationExpiresOn { get; set; }

    public static BrandDetailsModel From(BrandDetails d) => new()
    {
        NameZh = d.NameZh, NameLatin = d.NameLatin, Category = d.Category, TrademarkNumber = d.TrademarkNumber,
        TrademarkExpiresOn = d.TrademarkExpiresOn.ToDateTime(TimeOnly.MinValue), AuthorizationText = d.AuthorizationText,
        AuthorizationExpiresOn = d.AuthorizationExpiresOn.ToDateTime(TimeOnly.MinValue),
    };

    /// <summary>The pickers show China calendar dates; only the date part is kept.</summary>
    public BrandDetails ToDetails() => new(NameZh, NameLatin, Category, TrademarkNumber,
        TrademarkExpiresOn is { } t ? DateOnly.FromDateTime(t) : throw new Domain.Common.DomainException("请填写商标到期日 · Enter the trademark expiry date"),
        AuthorizationText,
        AuthorizationExpiresOn is { } a ? DateOnly.FromDateTime(a) : throw new Domain.Common.DomainException("请填写授权到期日 · Enter the authorisation expiry date"));
}
