using BackOffice.Domain.Exports;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackOffice.Tests.Domain.Exports;

public class CoalescingProgressTests
{
    /// <summary>A save that waits until released, recording what it was given.</summary>
    private sealed class SlowSave
    {
        public readonly List<int> Saved = [];
        public readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SaveAsync(int percent)
        {
            lock (Saved) Saved.Add(percent);
            Started.TrySetResult();
            await Release.Task;
        }
    }

    [Fact]
    public async Task Report_WhileASaveWaits_ReturnsAndTheLatestIsSavedNext()
    {
        var save = new SlowSave();
        var progress = new CoalescingProgress(save.SaveAsync, NullLogger.Instance);

        progress.Report(1);
        await save.Started.Task;
        // The first save has not finished: these return at once, and only the last is kept.
        for (var percent = 2; percent <= 100; percent++) progress.Report(percent);
        progress.Report(50);
        save.Release.SetResult();
        await progress.DisposeAsync();

        Assert.Equal([1, 100], save.Saved);
    }

    [Fact]
    public async Task DisposeAsync_WithASaveInFlight_WaitsForIt()
    {
        var save = new SlowSave();
        var progress = new CoalescingProgress(save.SaveAsync, NullLogger.Instance);
        progress.Report(10);
        await save.Started.Task;

        var disposing = progress.DisposeAsync().AsTask();
        Assert.False(disposing.IsCompleted);
        save.Release.SetResult();
        await disposing;
        Assert.Equal([10], save.Saved);
    }

    [Fact]
    public async Task Report_AfterAFailedSave_SavesAgain()
    {
        var saved = new List<int>();
        var progress = new CoalescingProgress(percent =>
        {
            if (percent == 1) throw new InvalidOperationException("database is locked");
            saved.Add(percent);
            return Task.CompletedTask;
        }, NullLogger.Instance);

        progress.Report(1);
        await progress.DisposeAsync();
        progress.Report(2);
        await progress.DisposeAsync();

        Assert.Equal([2], saved);
    }
}
