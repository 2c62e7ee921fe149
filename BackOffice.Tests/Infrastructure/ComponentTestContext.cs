using System.Globalization;
using System.Security.Claims;
using BackOffice.Auth;
using Bunit;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace BackOffice.Tests.Infrastructure;

/// <summary>
/// The one bUnit setup for BackOffice components: MudBlazor as its own tests set it up (loose JS interop,
/// no transitions, no popover provider check), the app's real authorization policies over a test
/// authentication state, the real resx texts, and a per-test UI culture (zh-Hans unless a test says otherwise).
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    private readonly CultureInfo _originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _originalUiCulture = CultureInfo.CurrentUICulture;

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddLogging();
        // bUnit registers a placeholder authorization service; the real one evaluates the app's real policies.
        Services.RemoveAll<IAuthorizationService>();
        Services.AddAuthorizationCore(Policies.Add);
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton(Authentication);
        Services.AddSingleton<AuthenticationStateProvider>(Authentication);
        Services.AddScoped<CurrentActor>();
        UseCulture("zh-Hans");
    }

    public TestAuthenticationStateProvider Authentication { get; } = new();

    /// <summary>Signs in a user with these app roles, as local sign-in or Entra ID would present them.</summary>
    public void SignInAs(string userId, string displayName, params string[] roles) => Authentication.SignIn(userId, displayName, roles);

    /// <summary>Sets the culture the components render in; restored when the test ends.</summary>
    public static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = _originalCulture;
        CultureInfo.CurrentUICulture = _originalUiCulture;
        base.Dispose(disposing);
    }
}

/// <summary>An authentication state the test sets; anonymous until someone signs in.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private AuthenticationState _state = new(new ClaimsPrincipal(new ClaimsIdentity()));

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(_state);

    public void SignIn(string userId, string displayName, IEnumerable<string> roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, displayName),
            new("name", displayName),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        _state = new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        NotifyAuthenticationStateChanged(Task.FromResult(_state));
    }
}
