using BackOffice.Components.Layout;
using BackOffice.Tests.Infrastructure;
using Bunit;

namespace BackOffice.Tests.Components.Layout;

public sealed class ReconnectModalTests : ComponentTestContext
{
    [Fact]
    public void Render_Chinese_ExplainsTheReconnectAndKeepsTheCountdownSlot()
    {
        var modal = Render<ReconnectModal>();

        Assert.Contains("正在重新连接", modal.Find(".components-reconnect-first-attempt-visible").TextContent, StringComparison.Ordinal);
        Assert.NotNull(modal.Find(".components-reconnect-repeated-attempt-visible #components-seconds-to-next-attempt"));
        Assert.Equal("重试", modal.Find("#components-reconnect-button").TextContent.Trim());
    }

    [Fact]
    public void Render_English_ShowsEnglishTexts()
    {
        UseCulture("en");

        var modal = Render<ReconnectModal>();

        Assert.Contains("reconnecting", modal.Find(".components-reconnect-first-attempt-visible").TextContent, StringComparison.Ordinal);
        Assert.Contains("trying again in", modal.Find(".components-reconnect-repeated-attempt-visible").TextContent, StringComparison.Ordinal);
        Assert.Equal("Resume", modal.Find("#components-resume-button").TextContent.Trim());
    }
}
