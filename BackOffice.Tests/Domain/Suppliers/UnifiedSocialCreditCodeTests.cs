using BackOffice.Domain.Suppliers;

namespace BackOffice.Tests.Domain.Suppliers;

public class UnifiedSocialCreditCodeTests
{
    // Published codes of real companies (printed on their business licences).
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")] // 中国石油化工股份有限公司
    [InlineData("91440300708461136T")] // 华为技术有限公司 (深圳)
    [InlineData("91330000712560751D")]
    public void TryParse_RealCompanyCode_Accepted(string code)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(code, out var parsed, out var error), error);
        Assert.Equal(code, parsed!.Value);
    }

    [Fact]
    public void TryParse_LowerCaseAndSpaces_Normalised() =>
        Assert.True(UnifiedSocialCreditCode.TryParse("  91350100m000100y43 ", out _, out _));

    [Fact]
    public void TryParse_WrongCheckDigit_SaysWhichCharacterIsExpected()
    {
        Assert.False(UnifiedSocialCreditCode.TryParse("91350100M000100Y44", out _, out var error));
        Assert.Contains("check digit", error);
        Assert.Contains("'3'", error);
    }

    [Fact]
    public void TryParse_TwoDigitsSwapped_Refused() =>
        Assert.False(UnifiedSocialCreditCode.TryParse("91351000M000100Y43", out _, out _));

    [Fact]
    public void TryParse_OneDigitChanged_Refused() =>
        Assert.False(UnifiedSocialCreditCode.TryParse("91350100M000200Y43", out _, out _));

    [Theory]
    [InlineData("91350100M000100Y4", "17")]
    [InlineData("91350100M000100Y433", "19")]
    [InlineData("", "0")]
    public void TryParse_WrongLength_NamesTheLength(string code, string length)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(code, out _, out var error));
        Assert.Contains(length, error);
    }

    [Theory]
    [InlineData("91350100M000100I43", 'I')]
    [InlineData("91350100M000100O43", 'O')]
    [InlineData("91350100M00010ZY43", 'Z')]
    [InlineData("9135010-M000100Y43", '-')]
    public void TryParse_ForbiddenCharacter_NamesIt(string code, char bad)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(code, out _, out var error));
        Assert.Contains($"'{bad}'", error);
    }

    [Fact]
    public void TryParse_LettersInDivisionCode_Refused()
    {
        var first17 = "91A50100M000100Y4";
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
        Assert.False(UnifiedSocialCreditCode.TryParse(code, out _, out var error));
        Assert.Contains("division", error);
    }

    [Fact]
    public void CheckCharacter_EveryCorruptionOfLastCharacter_Detected()
    {
        const string valid = "91350100M000100Y43";
        foreach (var c in "0123456789ABCDEFGHJKLMNPQRTUWXY".Where(c => c != valid[17]))
        {
            Assert.False(UnifiedSocialCreditCode.TryParse(valid[..17] + c, out _, out _));
        }
    }
}
