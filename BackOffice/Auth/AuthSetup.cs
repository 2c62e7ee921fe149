using System.Security.Claims;
using BackOffice.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Identity.Web;

namespace BackOffice.Auth;

/// <summary>Entra ID when <c>AzureAd</c> is configured; otherwise local sign-in with personas, never in Production.</summary>
public static class AuthSetup
{
    public static bool UsesEntraId(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    /// <summary>Local sign-in is allowed in Development, or elsewhere behind LocalSignIn:Enabled — but never in Production.</summary>
    public static bool LocalSignInAllowed(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsProduction())
        {
            if (configuration.GetValue<bool>("LocalSignIn:Enabled"))
                throw new InvalidOperationException("LocalSignIn:Enabled is true in the Production environment. Local persona sign-in can never be enabled in Production: configure AzureAd (Entra ID) and remove LocalSignIn:Enabled.");
            return false;
        }
        return environment.IsDevelopment() || configuration.GetValue<bool>("LocalSignIn:Enabled");
    }

    public static void AddBackOfficeAuthentication(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var localAllowed = LocalSignInAllowed(configuration, builder.Environment);
        if (UsesEntraId(configuration))
        {
            builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(options =>
                {
                    configuration.Bind("AzureAd", options);
                    options.TokenValidationParameters.RoleClaimType = "roles";
                    options.TokenValidationParameters.NameClaimType = "name";
                });
        }
        else if (localAllowed)
        {
            var revalidateAfter = TimeSpan.FromSeconds(configuration.GetValue("LocalSignIn:RevalidateSeconds", 30));
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(options =>
                {
                    options.LoginPath = "/signin";
                    options.AccessDeniedPath = "/denied";
                    options.Cookie.Name = "BackOffice.Auth";
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SameSite = SameSiteMode.Lax;
                    options.SlidingExpiration = true;
                    options.ExpireTimeSpan = TimeSpan.FromHours(10);
                    options.Events.OnValidatePrincipal = context => LocalSignIn.RevalidateCookieAsync(context, revalidateAfter);
                });
        }
        else
        {
            throw new InvalidOperationException(
                $"No sign-in is configured for the {builder.Environment.EnvironmentName} environment. Configure AzureAd (TenantId, ClientId, Instance) for Entra ID" +
                (builder.Environment.IsProduction() ? "." : ", or set LocalSignIn:Enabled=true for persona sign-in outside Production."));
        }
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusalLoggingResultHandler>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, RoleRevalidatingStateProvider>();
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddSingleton(new SignInMode(UsesEntraId(configuration), localAllowed && !UsesEntraId(configuration)));
    }
}

public sealed record SignInMode(bool EntraId, bool Local);
