using BackOffice.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Tests.Infrastructure;

/// <summary>
/// The browser tab's sessionStorage as a form's kept draft sees it in bUnit: the app's real
/// ProtectedSessionStorage (encrypted with throwaway data-protection keys) over bUnit's JS interop. A draft is
/// planted as a reloaded tab would hold it; what the form wrote or removed is read from the JS calls.
/// </summary>
public sealed class TabSessionStorage
{
    // FormDraftStore's prefix of the sessionStorage key.
    private const string Prefix = "backoffice-draft:";
    private readonly BunitContext _context;

    /// <summary>Registers the storage; call before anything is rendered.</summary>
    public TabSessionStorage(BunitContext context)
    {
        _context = context;
        context.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        context.Services.AddScoped<ProtectedSessionStorage>();
    }

    /// <summary>Puts a form's draft into the tab, as <see cref="FormDraft{T}"/> keeps it.</summary>
    public async Task PlantAsync<T>(string draftKey, long? revision, T input) where T : class
    {
        await new FormDraftStore(_context.Services).SaveAsync(draftKey, new FormDraft<T>.Kept(revision, input));
        var stored = Calls("sessionStorage.setItem", draftKey).Last().Arguments[1];
        _context.JSInterop.Setup<string>("sessionStorage.getItem", i => Equals(i.Arguments[0], Prefix + draftKey)).SetResult((string)stored!);
    }

    /// <summary>How often the form wrote its draft.</summary>
    public int Writes(string draftKey) => Calls("sessionStorage.setItem", draftKey).Count;

    public bool Removed(string draftKey) => Calls("sessionStorage.removeItem", draftKey).Count > 0;

    private List<JSRuntimeInvocation> Calls(string identifier, string draftKey) =>
        _context.JSInterop.Invocations.Where(i => i.Identifier == identifier && Equals(i.Arguments[0], Prefix + draftKey)).ToList();
}
