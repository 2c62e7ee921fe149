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

    /// <summary>Takes the fields of a kept draft (the supplier too when the form offers it).</summary>
    public void Restore(BrandDetailsModel kept, bool withSupplier)
    {
        if (withSupplier) SupplierId = kept.SupplierId;
        (NameZh, NameLatin, Category, TrademarkNumber, TrademarkExpiresOn, AuthorizationText, AuthorizationExpiresOn) =
            (kept.NameZh, kept.NameLatin, kept.Category, kept.TrademarkNumber, kept.TrademarkExpiresOn, kept.AuthorizationText, kept.AuthorizationExpiresOn);
    }

    private object Fields => (NameZh, NameLatin, Category, TrademarkNumber, TrademarkExpiresOn, AuthorizationText, AuthorizationExpiresOn);

    /// <summary>Whether a kept draft holds anything this model does not (the supplier aside).</summary>
    public bool DiffersFrom(BrandDetailsModel other) => !Fields.Equals(other.Fields);

    /// <summary>The pickers show China calendar dates; only the date part is kept.</summary>
    public BrandDetails ToDetails() => new(NameZh, NameLatin, Category, TrademarkNumber,
        TrademarkExpiresOn is { } t ? DateOnly.FromDateTime(t) : throw new Domain.Common.DomainException("请填写商标到期日 · Enter the trademark expiry date"),
        AuthorizationText,
        AuthorizationExpiresOn is { } a ? DateOnly.FromDateTime(a) : throw new Domain.Common.DomainException("请填写授权到期日 · Enter the authorisation expiry date"));
}
