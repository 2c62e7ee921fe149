using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BackOffice.Tests.Browser;

/// <summary>Filling the adjustment form so that the server is known to hold what was typed.</summary>
public static class AdjustmentFormSteps
{
    /// <summary>
    /// The page's first interactive render can replace the form after the layout's circuit is up, and text typed
    /// into the replaced inputs is lost. So: a first amount whose server-rendered preview proves the form is live,
    /// then the reason, then the real amount; the circuit handles events in order, so once the real amount's
    /// preview shows, the server has the reason too.
    /// </summary>
    public static async Task FillAsync(IPage page, string reason, string amount)
    {
        var amountField = page.Locator("[data-testid='adj-amount']");
        var preview = page.Locator("[data-testid='adj-preview']");
        await amountField.FillAsync("0.01");
        await Expect(preview).ToContainTextAsync("¥0.01");
        await page.Locator("[data-testid='adj-reason']").FillAsync(reason);
        await amountField.FillAsync(amount);
        await Expect(preview).ToContainTextAsync("-¥" + amount);
    }
}
