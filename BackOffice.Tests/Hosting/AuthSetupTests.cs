using System.Security.Cryptography;
using BackOffice.Auth;
using BackOffice.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace BackOffice.Tests.Hosting;

/// <summary>Local persona sign-in must never start in Production; elsewhere only where allowed.</summary>
public sealed class AuthSetupTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("backoffice-authsetup-").FullName;

    [Fact]
    public void LocalSignInAllowed_ProductionWithSwitch_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            AuthSetup.LocalSignInAllowed(Configuration(("LocalSignIn:Enabled", "true")), Environment(Environments.Production)));

        Assert.Contains("never be enabled in Production", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", null, true)]
    [InlineData("Staging", null, false)]
    [InlineData("Staging", "false", false)]
    [InlineData("Staging", "true", true)]
    public void LocalSignInAllowed_EnvironmentAndSwitch_Decides(string environment, string? enabled, bool allowed)
    {
        var configuration = enabled is null ? Configuration() : Configuration(("LocalSignIn:Enabled", enabled));

        Assert.Equal(allowed, AuthSetup.LocalSignInAllowed(configuration, Environment(environment)));
    }

    [Fact]
    public void AddBackOfficeWeb_ProductionWithoutAzureAd_FailsNamingAzureAd()
    {
        var builder = Builder(Environments.Production);

        var error = Assert.Throws<InvalidOperationException>(builder.AddBackOfficeWeb);

        Assert.Equal("No sign-in is configured for the Production environment. Configure AzureAd (TenantId, ClientId, Instance) for Entra ID.", error.Message);
    }

    [Fact]
    public void AddBackOfficeWeb_ProductionWithLocalSignInEnabled_Fails()
    {
        var builder = Builder(Environments.Production, ("LocalSignIn:Enabled", "true"));

        var error = Assert.Throws<InvalidOperationException>(builder.AddBackOfficeWeb);

        Assert.StartsWith("LocalSignIn:Enabled is true in the Production environment.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBackOfficeWeb_StagingWithoutSwitch_FailsNamingTheSwitch()
    {
        var builder = Builder(Environments.Staging);

        var error = Assert.Throws<InvalidOperationException>(builder.AddBackOfficeWeb);

        Assert.Contains("set LocalSignIn:Enabled=true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void AddBackOfficeWeb_LocalSignInAllowed_UsesPersonaSignIn(string environment)
    {
        var builder = environment == Environments.Development ? Builder(environment) : Builder(environment, ("LocalSignIn:Enabled", "true"));

        builder.AddBackOfficeWeb();
        using var app = builder.Build();

        Assert.Equal(new SignInMode(EntraId: false, Local: true), app.Services.GetRequiredService<SignInMode>());
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private WebApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = _contentRoot });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataFolder"] = Path.Combine(_contentRoot, "data"),
            // Production refuses to start without the personal-data key; give one so the sign-in check is what fails.
            ["PersonalData:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name, ContentRootPath = _contentRoot };
}
