using BackOffice.Domain.Identity;
using BackOffice.Exports;

namespace BackOffice.Hosting;

/// <summary>Feature services and endpoints; each feature adds its line here.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddBackOfficeFeatures(this IServiceCollection services)
    {
        services.AddSingleton<LocalUserService>();
        services.AddSingleton<Domain.Audit.AuditQueryService>();
        services.AddSingleton<Domain.Home.HomeService>();
        services.AddSingleton<Domain.Home.IWaitingForMeSource, Domain.Home.BrandReviewsWaiting>();
        services.AddSingleton<Domain.Home.IWaitingForMeSource, Domain.Home.BankChangesWaiting>();
        services.AddSingleton<Domain.Home.IWaitingForMeSource, Domain.Home.AgreementApprovalsWaiting>();
        services.AddSingleton<Domain.Metrics.DashboardService>();
        services.AddSingleton<Domain.Metrics.DashboardFilterOptions>();
        services.AddSingleton<Domain.Imports.ApiKeyService>();
        return services;
    }

    public static IEndpointRouteBuilder MapBackOfficeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapExportDownloads();
        Api.ImportApi.MapImportApi(endpoints);
        return endpoints;
    }
}
