using System.Globalization;
using BackOffice.Components.Shared;
using BackOffice.Domain.Agreements;

namespace BackOffice.Components.Pages.Agreements;

/// <summary>Small display helpers shared by the agreement pages.</summary>
public static class AgreementUi
{
    public static string StatusName(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => Bilingual.Pick("草稿", "Draft"),
        AgreementStatus.PendingApproval => Bilingual.Pick("待审批", "Pending approval"),
        AgreementStatus.Signed => Bilingual.Pick("已签署", "Signed"),
        AgreementStatus.Active => Bilingual.Pick("生效中", "Active"),
        AgreementStatus.Expired => Bilingual.Pick("已到期", "Expired"),
        AgreementStatus.Terminated => Bilingual.Pick("已终止", "Terminated"),
        _ => status.ToString(),
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string PortfolioExportHref(AgreementQuery query, string? sortBy, bool descending)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["search"] = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search,
            ["status"] = query.Status?.ToString(),
            ["manager"] = query.ManagerId,
            ["expiring"] = query.ExpiringWithinDays?.ToString(CultureInfo.InvariantCulture),
            ["sort"] = sortBy,
            ["desc"] = descending ? "true" : "false",
            ["lang"] = Bilingual.IsEnglish ? "en" : "zh",
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/agreements/export.xlsx", parameters.Where(p => p.Value is not null));
    }
}
