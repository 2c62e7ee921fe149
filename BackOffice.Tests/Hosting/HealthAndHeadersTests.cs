using System.Net;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Hosting;

/// <summary>Probes and security headers, asked of the real app process.</summary>
[Collection(RunningAppCollection.Name)]
public sealed class HealthAndHeadersTests(AppHost app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Get_HealthProbe_AnswersHealthyWithoutSignIn(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/health/live")]
    [InlineData("/")]
    public async Task Get_AnyResponse_CarriesSecurityHeaders(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        // Blazor adds its own "frame-ancestors 'self'" policy to component pages; browsers enforce every
        // policy sent, so the app's own policy, with frame-ancestors 'none', is the one that must be there.
        var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
        var csp = Assert.Single(policies, p => p.StartsWith("default-src 'self'", StringComparison.Ordinal));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Get_HomeAnonymous_RedirectsToSignIn()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_StaticAssets_AreServed()
    {
        using var client = app.CreateClient();

        using var css = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css", TestContext.Current.CancellationToken);
        using var appCss = await client.GetAsync("/app.css", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, appCss.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }
}
