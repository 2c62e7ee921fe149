using BackOffice.Domain.Reporting;

namespace BackOffice.Tests.Domain.Reporting;

public class CellTextNeutraliserTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1")]
    [InlineData("-1+2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tx")]
    [InlineData("\rx")]
    [InlineData("\nx")]
    public void Neutralise_FormulaLead_PrependsApostrophe(string text) =>
        Assert.Equal("'" + text, CellTextNeutraliser.Neutralise(text));

    [Theory]
    [InlineData("金龙鱼")]
    [InlineData("SUP-000123")]
    [InlineData("a=b")]
    [InlineData("")]
    [InlineData(" =1")]
    public void Neutralise_SafeText_Unchanged(string text) =>
        Assert.Equal(text, CellTextNeutraliser.Neutralise(text));
}
