using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using BackOffice.Hosting;
using BackOffice.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackOffice.Tests.Hosting;

/// <summary>Blazor Server limits are set on purpose: message size, circuits per person, retention, no detailed errors outside Development.</summary>
public sealed class BlazorLimitsTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("backoffice-limits-").FullName;

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Staging", false)]
    public void AddBackOfficeWeb_CircuitOptions_DeliberateAndDetailedErrorsOnlyInDevelopment(string environment, bool detailedErrors)
    {
        using var app = Build(environment);

        var circuits = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        Assert.Equal(detailedErrors, circuits.DetailedErrors);
        Assert.Equal(TimeSpan.FromMinutes(5), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(200, circuits.DisconnectedCircuitMaxRetained);
        var hubType = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var hubOptions = app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hubType)));
        var value = (HubOptions)hubOptions.GetType().GetProperty("Value")!.GetValue(hubOptions)!;
        Assert.Equal(64 * 1024, value.MaximumReceiveMessageSize);
        Assert.Contains(app.Services.CreateScope().ServiceProvider.GetServices<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(), h => h is PerUserCircuitLimit);
    }

    [Fact]
    public void CircuitCounter_BeyondMax_RefusedUntilOneCloses()
    {
        var counter = new CircuitCounter();

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(counter.TryOpen("am.wang", 3)));
        Assert.False(counter.TryOpen("am.wang", 3));
        Assert.True(counter.TryOpen("am.liu", 3));
        counter.Close("am.wang");
        Assert.True(counter.TryOpen("am.wang", 3));
        Assert.Equal(3, counter.OpenFor("am.wang"));
    }

    [Fact]
    public async Task OnCircuitOpenedAsync_TwentyFirstCircuitOfOnePerson_Refused()
    {
        var counter = new CircuitCounter();
        var configuration = new ConfigurationBuilder().Build();
        var handlers = Enumerable.Range(0, PerUserCircuitLimit.DefaultMaxPerUser)
            .Select(_ => new PerUserCircuitLimit(new SignedIn("finance.chen"), counter, configuration, NullLogger<PerUserCircuitLimit>.Instance)).ToList();
        foreach (var handler in handlers) await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);

        var extra = new PerUserCircuitLimit(new SignedIn("finance.chen"), counter, configuration, NullLogger<PerUserCircuitLimit>.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => extra.OnCircuitOpenedAsync(null!, CancellationToken.None));
        await extra.OnCircuitClosedAsync(null!, CancellationToken.None);
        Assert.Equal(20, counter.OpenFor("finance.chen"));

        await handlers[0].OnCircuitClosedAsync(null!, CancellationToken.None);
        await extra.OnCircuitOpenedAsync(null!, CancellationToken.None);
        Assert.Equal(20, counter.OpenFor("finance.chen"));
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private WebApplication Build(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = _contentRoot });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataFolder"] = Path.Combine(_contentRoot, "data"),
            ["LocalSignIn:Enabled"] = "true",
            ["PersonalData:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        builder.AddBackOfficeWeb();
        return builder.Build();
    }

    private sealed class SignedIn(string id) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"))));
    }
}

/// <summary>State-changing posts need the antiforgery token, asked of the real app.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class AntiforgeryTests(AppHost app)
{
    [Fact]
    public async Task PostSignIn_WithoutToken_Refused()
    {
        using var client = SignedInClient.Anonymous(app);

        using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["userId"] = "admin.zhou" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task PostSignOut_WithoutToken_RefusedAndStillSignedIn()
    {
        using var client = await SignedInClient.CreateAsync(app, "analyst.sun");

        using var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
