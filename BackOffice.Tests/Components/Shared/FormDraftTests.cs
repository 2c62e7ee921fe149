using BackOffice.Components.Shared;
using BackOffice.Tests.Infrastructure;
using Bunit;

namespace BackOffice.Tests.Components.Shared;

public sealed class FormDraftTests : BunitContext
{
    private readonly TabSessionStorage _tab;

    public FormDraftTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        _tab = new TabSessionStorage(this);
    }

    public sealed record Input(string Text);

    [Fact]
    public async Task DeleteAsync_WhileAWriteWaits_RemovesAfterItAndNothingIsWrittenAgain()
    {
        var draft = new FormDraft<Input>(Services, "form");
        await draft.RestoreAsync();
        // A first write and its pause, so the next one is written at once and the one after it waits.
        await draft.SaveAsync(new Input("typed"));
        await UntilAsync(() => _tab.Writes("form") == 1);
        await Task.Delay(FormDraft<Input>.Pause * 2);
        await draft.SaveAsync(new Input("first"));
        await UntilAsync(() => _tab.Writes("form") == 2);
        await draft.SaveAsync(new Input("waiting"));

        await draft.DeleteAsync();
        await Task.Delay(FormDraft<Input>.Pause * 2);

        // The waiting input was not written, before the removal or after it.
        Assert.Equal(2, _tab.Writes("form"));
        Assert.True(_tab.Removed("form"));
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        for (var waited = 0; !done() && waited < 5_000; waited += 20) await Task.Delay(20);
        Assert.True(done());
    }

    [Fact]
    public async Task SaveAsync_BeforeTheDraftIsRead_WritesNothing()
    {
        var draft = new FormDraft<Input>(Services, "form");
        await draft.SaveAsync(new Input("blank form"));
        await draft.RestoreAsync();
        await Task.Delay(FormDraft<Input>.Pause * 2);
        Assert.Equal(0, _tab.Writes("form"));
    }
}
