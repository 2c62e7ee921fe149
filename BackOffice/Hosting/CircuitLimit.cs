using System.Collections.Concurrent;
using BackOffice.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace BackOffice.Hosting;

/// <summary>Open circuits per signed-in person, across the process; one browser tab is one circuit.</summary>
public sealed class CircuitCounter
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int OpenFor(string userId) => _open.TryGetValue(userId, out var n) ? n : 0;

    public bool TryOpen(string userId, int max)
    {
        while (true)
        {
            var current = OpenFor(userId);
            if (current >= max) return false;
            if (current == 0 ? _open.TryAdd(userId, 1) : _open.TryUpdate(userId, current + 1, current)) return true;
        }
    }

    public void Close(string userId)
    {
        while (_open.TryGetValue(userId, out var current))
        {
            if (current <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(userId, current)) : _open.TryUpdate(userId, current - 1, current)) return;
        }
    }
}

/// <summary>
/// Refuses a person's circuit beyond <c>Circuits:MaxPerUser</c> (default 20), so one account (or a stolen cookie)
/// cannot hold the server's memory with hundreds of tabs. The refused circuit ends; the browser shows the reconnect UI.
/// </summary>
public sealed partial class PerUserCircuitLimit(AuthenticationStateProvider authentication, CircuitCounter counter, IConfiguration configuration,
    ILogger<PerUserCircuitLimit> logger) : CircuitHandler
{
    public const int DefaultMaxPerUser = 20;
    private string? _userId;

    public int MaxPerUser => configuration.GetValue("Circuits:MaxPerUser", DefaultMaxPerUser);

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var id = user.UserIdOrNull();
        if (id is null) return;
        if (!counter.TryOpen(id, MaxPerUser))
        {
            LogRefused(id, MaxPerUser);
            throw new InvalidOperationException($"User {id} already has {MaxPerUser} open circuits.");
        }
        _userId = id;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_userId is not null) counter.Close(_userId);
        _userId = null;
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit refused: user {UserId} already has {Max} open circuits")]
    private partial void LogRefused(string userId, int max);
}
