namespace BackOffice.Components.Shared;

/// <summary>
/// One edit form's unsaved input in the <see cref="FormDraftStore"/>: read once after the form's first
/// interactive render, written on every change after that (never before, so a blank form does not overwrite
/// the draft it is about to restore), deleted once the input is saved or discarded. The draft remembers the
/// revision it was typed against and is restored onto that revision only, so input typed against an older
/// version of a record is never laid over a newer one.
/// </summary>
public sealed class FormDraft<T>(IServiceProvider services, string key) where T : class
{
    private readonly FormDraftStore _store = new(services);
    private bool _read;

    /// <summary>What is kept: the input and the revision of the record it edits (null for a new record).</summary>
    public sealed record Kept(long? Revision, T Input);

    /// <summary>The input kept for this form and revision, or null.</summary>
    public async Task<T?> RestoreAsync(long? revision = null)
    {
        var kept = await _store.LoadAsync<Kept>(key);
        _read = true;
        return kept is not null && kept.Revision == revision ? kept.Input : null;
    }

    public Task SaveAsync(T input, long? revision = null) => _read ? _store.SaveAsync(key, new Kept(revision, input)) : Task.CompletedTask;

    public Task DeleteAsync() => _store.DeleteAsync(key);
}
