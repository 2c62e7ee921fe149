using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace BackOffice.Components.Shared;

/// <summary>
/// Keeps a form's unsaved input in the browser tab's sessionStorage, encrypted by ProtectedSessionStorage
/// with the app's data-protection keys (kept in the database, so every instance and a restarted server
/// read them). A circuit that survives a dropped connection keeps the input by itself; this covers the
/// case where it does not (server restarted or redeployed, circuit evicted) and the page is reloaded.
/// Failures (prerendering, a lost connection, keys rotated away) only mean no draft.
/// </summary>
public sealed class FormDraftStore(IServiceProvider services)
{
    private readonly ProtectedSessionStorage? _storage = services.GetService<ProtectedSessionStorage>();

    public async Task SaveAsync<T>(string key, T draft)
    {
        if (_storage is null) return;
        try { await _storage.SetAsync(Purpose(key), draft!); }
        catch (Exception e) when (IsUnavailable(e)) { }
    }

    public async Task<T?> LoadAsync<T>(string key)
    {
        if (_storage is null) return default;
        try
        {
            var result = await _storage.GetAsync<T>(Purpose(key));
            return result.Success ? result.Value : default;
        }
        catch (Exception e) when (IsUnavailable(e) || e is CryptographicException or System.Text.Json.JsonException)
        {
            return default;
        }
    }

    public async Task DeleteAsync(string key)
    {
        if (_storage is null) return;
        try { await _storage.DeleteAsync(Purpose(key)); }
        catch (Exception e) when (IsUnavailable(e)) { }
    }

    private static string Purpose(string key) => "backoffice-draft:" + key;

    private static bool IsUnavailable(Exception e) =>
        e is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException or ObjectDisposedException;
}
