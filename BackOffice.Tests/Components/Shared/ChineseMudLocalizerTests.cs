using System.Globalization;
using BackOffice.Components.Shared;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Components.Shared;

public sealed class ChineseMudLocalizerTests : ComponentTestContext
{
    [Fact]
    public void Indexer_ChineseInfoFormat_FormatsWithMudBlazorsArguments()
    {
        UseCulture("zh-Hans");
        var text = new ChineseMudLocalizer()["MudDataGridPager_InfoFormat"];
        Assert.False(text.ResourceNotFound);
        Assert.Equal("第 1-25 条，共 300 条", string.Format(CultureInfo.CurrentCulture, text.Value, 1, 25, 300));
    }

    [Fact]
    public void Indexer_English_FallsThroughToMudBlazorDefaults()
    {
        UseCulture("en");
        Assert.True(new ChineseMudLocalizer()["MudDataGridPager_RowsPerPage"].ResourceNotFound);
    }
}
