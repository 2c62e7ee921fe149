using BackOffice.Domain.Seeding;

namespace BackOffice.Hosting;

/// <summary>
/// Seeds demo data into an empty database on first start, so a newcomer sees a working console.
/// On by default outside Production; <c>DemoData:SeedOnFirstStart=false</c> turns it off.
/// </summary>
public static class DemoData
{
    public static async Task SeedOnFirstStartAsync(WebApplication app)
    {
        var enabled = app.Configuration.GetValue("DemoData:SeedOnFirstStart", !app.Environment.IsProduction());
        if (!enabled) return;
        var generator = app.Services.GetRequiredService<DemoDataGenerator>();
        if (await generator.HasDataAsync()) return;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BackOffice.DemoData");
        logger.LogInformation("Empty database: generating demo data (this takes about half a minute)…");
        var report = await generator.SeedAsync(new SeedOptions(), new Progress<string>(message => logger.LogInformation("{Progress}", message)));
        logger.LogInformation("Demo data ready: {Report}", report.ToString());
    }
}
