using BackOffice.Domain.Reporting.Pdf;

namespace BackOffice.Tests.Domain.Reporting;

public class TextWrapperTests
{
    // One unit per Latin character, two per CJK character, like a monospaced CJK terminal.
    private static double Measure(string text) => text.Sum(c => c > '\u2E80' ? 2 : 1);

    [Fact]
    public void Wrap_ShortText_StaysOnOneLine() =>
        Assert.Equal(["Playboy 长城"], TextWrapper.Wrap("Playboy 长城", 40, Measure));

    [Fact]
    public void Wrap_LatinWords_BreakOnlyAtSpaces() =>
        Assert.Equal(["alpha beta", "gamma delta"], TextWrapper.Wrap("alpha beta gamma delta", 11, Measure));

    [Fact]
    public void Wrap_Chinese_BreaksBetweenAnyTwoCharacters() =>
        Assert.Equal(["示页马门", "见车长城", "金龙鱼"], TextWrapper.Wrap("示页马门见车长城金龙鱼", 8, Measure));

    [Fact]
    public void Wrap_MixedText_LatinWordKeptWholeAfterChinese() =>
        Assert.Equal(["长城金龙鱼", "Playboy品", "牌"], TextWrapper.Wrap("长城金龙鱼Playboy品牌", 10, Measure));

    [Fact]
    public void Wrap_ClosingPunctuationAtLineStart_CarriesPreviousCharacterDown() =>
        Assert.Equal(["示页马", "门，见车"], TextWrapper.Wrap("示页马门，见车", 8, Measure));

    [Fact]
    public void Wrap_WordLongerThanLine_IsCutByCharacters() =>
        Assert.Equal(["abcde", "fghij", "k"], TextWrapper.Wrap("abcdefghijk", 5, Measure));

    [Fact]
    public void Wrap_HardLineBreaks_AreKept() =>
        Assert.Equal(["第一行", "second"], TextWrapper.Wrap("第一行\r\nsecond", 40, Measure));

    [Fact]
    public void Wrap_EveryLine_FitsTheWidth()
    {
        var text = string.Concat(Enumerable.Repeat("金龙鱼 Playboy 长城葡萄酒 great wall，", 20));

        var lines = TextWrapper.Wrap(text, 23, Measure);

        Assert.All(lines, line => Assert.True(Measure(line) <= 23, $"'{line}' is {Measure(line)} wide"));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
    }
}
