using BackOffice.Domain.Identity;
using BackOffice.Domain.Settlement;
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
        services.AddSingleton<Domain.Suppliers.SupplierService>();
        services.AddSingleton<Domain.Brands.BrandService>();
        services.AddSingleton<Domain.Brands.ProductService>();
        services.AddSingleton<Domain.Sales.SaleDraftService>();
        services.AddSingleton<Domain.Metrics.DashboardService>();
        services.AddSingleton<Domain.Metrics.DashboardFilterOptions>();
        services.AddSettlement();
        services.AddSingleton<Domain.Agreements.AgreementService>();
        services.AddSingleton<Domain.Agreements.AgreementExports>();
        services.AddSingleton(sp => (sp.GetRequiredService<IConfiguration>().GetSection(Domain.Sales.SchedulingOptions.Section).Get<Domain.Sales.SchedulingOptions>() ?? new()).Validated());
        services.AddSingleton<Domain.Sales.SaleSchedulingService>();
        services.AddSingleton<Domain.Imports.ApiKeyService>();
        foreach (var format in new[] { "xlsx", "pdf", "csv" }) AddDashboardExports(services, format);
        return services;
    }

    private static void AddDashboardExports(IServiceCollection services, string format)
    {
        services.AddSingleton<Domain.Exports.IExportHandler>(sp => ActivatorUtilities.CreateInstance<Domain.Metrics.LeaderboardExport>(sp, format));
        services.AddSingleton<Domain.Exports.IExportHandler>(sp => ActivatorUtilities.CreateInstance<Domain.Metrics.SegmentsExport>(sp, format));
        services.AddSingleton<Domain.Exports.IExportHandler>(sp => ActivatorUtilities.CreateInstance<Domain.Metrics.ConcentrationExport>(sp, format));
        services.AddSingleton<Domain.Exports.IExportHandler>(sp => ActivatorUtilities.CreateInstance<Domain.Metrics.CohortsExport>(sp, format));
        services.AddSingleton<Domain.Exports.IExportHandler>(sp => ActivatorUtilities.CreateInstance<Domain.Metrics.OverviewExport>(sp, format));
        services.AddSingleton<Domain.Exports.IExportHandler>(sp => ActivatorUtilities.CreateInstance<Domain.Metrics.TrendExport>(sp, format));
        services.AddSingleton<Domain.Exports.IExportHandler>(sp => ActivatorUtilities.CreateInstance<Domain.Metrics.GeographyExport>(sp, format));
    }

    public static IEndpointRouteBuilder MapBackOfficeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapExportDownloads();
        Selection.SelectionEndpoints.MapSelectionDownloads(endpoints);
        Agreements.AgreementEndpoints.MapAgreementEndpoints(endpoints);
        Api.ImportApi.MapImportApi(endpoints);
        return endpoints;
    }
}
