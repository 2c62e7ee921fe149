namespace BackOffice.Components.Shared;

/// <summary>
/// One edit form's unsaved input in the <see cref="FormDraftStore"/>: read once after the form's first
/// interactive render, written on changes after that (never before, so a blank form does not overwrite
/// the draft it is about to restore), deleted once the input is saved or discarded. The draft remembers the
/// revision it was typed against and is restored onto that revision only, so input typed against an older
/// version of a record is never laid over a newer one. Typing is written at most every <see cref="Pause"/>:
/// the first change at once, the changes made meanwhile as one write of the latest input (each write is an
/// encryption and a round trip to the browser).
/// </summary>
public sealed class FormDraft<T>(IServiceProvider services, string key) where T : class
{
    /// <summary>The least time between two writes while someone types.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

    private readonly FormDraftStore _store = new(services);
    private bool _read;
    private Kept? _waiting;
    private Task _writing = Task.CompletedTask;

    /// <summary>What is kept: the input and the revision of the record it edits (null for a new record).</summary>
    public sealed record Kept(long? Revision, T Input);

    /// <summary>The input kept for this form and revision, or null.</summary>
    public async Task<T?> RestoreAsync(long? revision = null)
    {
        var kept = await _store.LoadAsync<Kept>(key);
        _read = true;
        return kept is not null && kept.Revision == revision ? kept.Input : null;
    }

    /// <summary>Keeps the input: written now, or with the next write if one is under way (the form never waits for it).</summary>
    public Task SaveAsync(T input, long? revision = null)
    {
        if (!_read) return Task.CompletedTask;
        var idle = _waiting is null && _writing.IsCompleted;
        _waiting = new Kept(revision, input);
        if (idle) _writing = WriteWaitingAsync();
        return Task.CompletedTask;
    }

    // Runs on the circuit's dispatcher, as the form's handlers do: no two run at once.
    private async Task WriteWaitingAsync()
    {
        while (_waiting is { } kept)
        {
            _waiting = null;
            await _store.SaveAsync(key, kept);
            await Task.Delay(Pause);
        }
    }

    /// <summary>Forgets the draft, after any write under way (so none lands after it).</summary>
    public async Task DeleteAsync()
    {
        _waiting = null;
        await Task.WhenAny(_writing);
        await _store.DeleteAsync(key);
    }
}
