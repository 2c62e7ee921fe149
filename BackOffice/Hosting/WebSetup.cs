using System.Globalization;
using BackOffice.Api;
using BackOffice.Auth;
using BackOffice.Components;
using BackOffice.Domain;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace BackOffice.Hosting;

/// <summary>All web wiring in one place.</summary>
public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-Hans"), new("en")];

    public static void AddBackOfficeWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole();

        services.AddBackOfficeDomain(builder.Configuration, builder.Environment.ContentRootPath, builder.Environment.IsProduction());
        services.AddBackOfficeFeatures();
        builder.AddBackOfficeAuthentication();
        builder.AddImportApi();
        services.AddPageRenderLimit(builder.Configuration);

        services.AddDataProtection().SetApplicationName("BackOffice");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<BackOfficeDbContext>>())));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                // Exception details go to the log, never to a browser outside Development.
                o.DetailedErrors = builder.Environment.IsDevelopment();
                // A dropped connection (train tunnel, laptop lid) keeps its state five minutes; at most 200 such circuits in memory.
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(5);
                o.DisconnectedCircuitMaxRetained = 200;
                o.MaxBufferedUnacknowledgedRenderBatches = 10;
                o.JSInteropDefaultCallTimeout = TimeSpan.FromMinutes(1);
            })
            // Forms and uploads in chunks fit in 64 KB messages; anything bigger is refused before it is buffered.
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 64 * 1024);
        services.AddSingleton<CircuitCounter>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, PerUserCircuitLimit>();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Components.Shared.ChineseMudLocalizer>();
        services.AddHostedService(sp => sp.GetRequiredService<Domain.Exports.ExportWorker>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        if (app.Services.GetRequiredService<SignInMode>().Local)
            await app.Services.GetRequiredService<LocalUserService>().EnsurePersonasAsync();
        await DemoData.SeedOnFirstStartAsync(app);
    }

    public static void UseBackOffice(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders(app.Services.GetRequiredService<SignInMode>().EntraId);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authentication and authorization: the API's limiter partitions by the authenticated key.
        app.UseRateLimiter();
        app.UseImportApi();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapGet("/culture", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (Cultures.Any(c => c.Name == culture))
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            }
            return Results.LocalRedirect(redirectUri is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/");
        }).AllowAnonymous();
        app.MapLocalSignIn();
        app.MapBackOfficeEndpoints();
        // Our own CSP already forbids framing; without this Blazor adds a second, looser frame-ancestors header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
    }
}
