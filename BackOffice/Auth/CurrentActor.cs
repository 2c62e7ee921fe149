using BackOffice.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace BackOffice.Auth;

/// <summary>Gives a component the signed-in person, read fresh from the circuit's authentication state.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.ToActor();
    }
}
