using System.Net;
using System.Text.RegularExpressions;

namespace BackOffice.Tests.Infrastructure;

/// <summary>An HTTP client signed in as a persona through the real sign-in form (antiforgery included).</summary>
public static partial class SignedInClient
{
    public static HttpClient Anonymous(AppHost app, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = app.BaseAddress };

    /// <summary>Signs in; pass <paramref name="cookies"/> to reuse the sign-in cookie elsewhere (another instance on the same host name).</summary>
    public static async Task<HttpClient> CreateAsync(AppHost app, string userId, CookieContainer? cookies = null)
    {
        var client = Anonymous(app, cookies);
        var page = await client.GetStringAsync("/signin");
        var form = PersonaForm(userId).Match(page);
        if (!form.Success) throw new InvalidOperationException($"No sign-in form for persona '{userId}' on /signin.");
        var token = AntiforgeryToken().Match(form.Value).Groups[1].Value;
        using var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["userId"] = userId,
            ["returnUrl"] = "/",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Sign-in as '{userId}' answered {(int)response.StatusCode} → {response.Headers.Location}.");
        return client;
    }

    private static Regex PersonaForm(string userId) => new($"<form[^>]*data-testid=\"persona-{Regex.Escape(userId)}\"[\\s\\S]*?</form>");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
