using Microsoft.Extensions.Logging;

namespace BackOffice.Domain.Exports;

/// <summary>
/// An export's progress, saved in the background: <see cref="Report"/> never waits for the database (a write can
/// wait up to the busy timeout while an import commits). One save runs at a time and writes the latest percent
/// reported, so a fast export writes a few values, never a queue of them. A failed save is logged and the export
/// goes on; <see cref="DisposeAsync"/> waits for the save in flight, so nothing lands after the job's last state.
/// </summary>
internal sealed class CoalescingProgress(Func<int, Task> save, ILogger logger) : IProgress<int>, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private int _latest = -1;
    private int _saved = -1;
    private bool _saving;
    private Task _running = Task.CompletedTask;

    public void Report(int value)
    {
        lock (_gate)
        {
            if (value <= _latest) return;
            _latest = value;
            if (_saving) return;
            _saving = true;
            _running = Task.Run(SaveLatestAsync);
        }
    }

    private async Task SaveLatestAsync()
    {
        while (true)
        {
            int value;
            lock (_gate)
            {
                if (_latest == _saved)
                {
                    _saving = false;
                    return;
                }
                value = _latest;
            }
            try
            {
                await save(value);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Saving an export's progress ({Percent}%) failed; the export goes on", value);
            }
            _saved = value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task running;
        lock (_gate) running = _running;
        await running;
    }
}
