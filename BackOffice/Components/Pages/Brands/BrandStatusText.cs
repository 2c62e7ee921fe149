using BackOffice.Components.Shared;
using BackOffice.Domain.Brands;
using MudBlazor;

namespace BackOffice.Components.Pages.Brands;

/// <summary>A brand status as the user reads it, and its chip colour.</summary>
public static class BrandStatusText
{
    public static string Of(BrandStatus status) => status switch
    {
        BrandStatus.Draft => Bilingual.Pick("草稿", "Draft"),
        BrandStatus.Submitted => Bilingual.Pick("已提交", "Submitted"),
        BrandStatus.UnderReview => Bilingual.Pick("审核中", "Under review"),
        BrandStatus.Approved => Bilingual.Pick("已批准", "Approved"),
        BrandStatus.Rejected => Bilingual.Pick("已驳回", "Rejected"),
        BrandStatus.Suspended => Bilingual.Pick("已暂停", "Suspended"),
        _ => status.ToString(),
    };

    public static Color ColorOf(BrandStatus status) => status switch
    {
        BrandStatus.Approved => Color.Success,
        BrandStatus.Rejected => Color.Error,
        BrandStatus.Suspended => Color.Warning,
        BrandStatus.Submitted or BrandStatus.UnderReview => Color.Info,
        _ => Color.Default,
    };

    public static string CategoryName(string code) =>
        Categories.Exists(code) ? Bilingual.Pick(Categories.Get(code).NameZh, Categories.Get(code).NameEn) : code;
}
