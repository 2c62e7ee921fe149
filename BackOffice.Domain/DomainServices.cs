using BackOffice.Domain.Audit;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Persistence;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Seeding;
using BackOffice.Domain.Shopkeepers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackOffice.Domain;

/// <summary>All domain wiring in one place, shared by the web host and the command line.</summary>
public static class DomainServices
{
    public static IServiceCollection AddBackOfficeDomain(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool isProduction)
    {
        var database = ReadDatabaseOptions(configuration, contentRoot);
        services.AddSingleton(database);
        services.AddSingleton<IDbContextFactory<BackOfficeDbContext>, BackOfficeDbContextFactory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection("Settlement:Defaults").Get<SettlementDefaults>() ?? new SettlementDefaults());
        services.AddSingleton(new PersonalDataProtector(PersonalDataKey.Resolve(configuration, database, isProduction)));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<MetricsService>();
        services.AddSingleton(sp => new DashboardCache(sp.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>(),
            configuration.GetValue("Dashboards:CacheEntries", DashboardCache.DefaultCapacity)));
        services.AddSingleton<AggregateBuilder>();
        services.AddSingleton<AnalyticsService>();
        services.AddSingleton<Imports.ImportService>();
        services.AddDemoDataGenerator();
        services.AddSingleton(configuration.GetSection("Exports").Get<Exports.ExportOptions>() ?? new Exports.ExportOptions());
        services.AddSingleton<Exports.ExportFileStore>();
        services.AddSingleton<Exports.ExportService>();
        services.AddSingleton<Exports.ExportWorker>();
        services.AddSingleton(_ => Reporting.Definitions.ReportCatalog.LoadFromAppDirectory());
        foreach (var format in new[] { Exports.ExportFormats.Xlsx, Exports.ExportFormats.Pdf, Exports.ExportFormats.Csv })
        {
            services.AddSingleton<Exports.IExportHandler>(sp => new Exports.SupplierListExport(
                sp.GetRequiredService<IDbContextFactory<BackOfficeDbContext>>(), sp.GetRequiredService<Reporting.Definitions.ReportCatalog>(), format));
        }
        return services;
    }

    /// <summary>The data folder is resolved against the content root, so the web app and the command line find the same file.</summary>
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration, string contentRoot) => new()
    {
        Provider = Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider) ? provider
            : string.IsNullOrEmpty(configuration["Database:Provider"]) ? DatabaseProvider.Sqlite
            : throw new InvalidOperationException($"Database:Provider '{configuration["Database:Provider"]}' is not Sqlite or SqlServer."),
        ConnectionString = configuration.GetConnectionString("BackOffice"),
        DataFolder = Path.GetFullPath(configuration["DataFolder"] is { Length: > 0 } folder ? folder : "data", contentRoot),
    };
}
