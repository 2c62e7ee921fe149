using BackOffice.Domain.Exports;
using BackOffice.Domain.Home;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Domain.Settlement;

public static class SettlementServices
{
    /// <summary>Settlement's services, its "waiting for me" source and its background exports.</summary>
    public static IServiceCollection AddSettlement(this IServiceCollection services)
    {
        services.AddSingleton<StatementDrafts>();
        services.AddSingleton<StatementArchive>();
        services.AddSingleton<SettlementRunService>();
        services.AddSingleton<StatementService>();
        services.AddSingleton<AdjustmentService>();
        services.AddSingleton<PaymentService>();
        services.AddSingleton<BankBatchFile>();
        services.AddSingleton<StatementFiles>();
        services.AddSingleton<IWaitingForMeSource, AdjustmentsWaiting>();
        foreach (var kind in StatementExport.Kinds)
        {
            services.AddSingleton<IExportHandler>(sp => new StatementExport(sp.GetRequiredService<StatementFiles>(), sp.GetRequiredService<BankBatchFile>(), kind));
        }
        return services;
    }
}
