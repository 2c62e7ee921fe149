using System.Security.Cryptography;
using BackOffice.Domain.Shopkeepers;

namespace BackOffice.Tests.Domain.Shopkeepers;

public class PersonalDataTests
{
    private readonly PersonalDataProtector _protector = new(RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("18600001111", "186****1111")]
    [InlineData("12", "**")]
    public void MaskPhone_KeepsFirstThreeAndLastFour(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("王小红", "王*")]
    [InlineData("欧阳娜娜", "欧*")]
    [InlineData("", "")]
    public void MaskName_KeepsFirstCharacter(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Fact]
    public void Protect_RoundTrips_AndHidesThePlaintext()
    {
        var cipher = _protector.Protect("王小红");
        Assert.DoesNotContain(System.Text.Encoding.UTF8.GetBytes("王小红"), _ => false);
        Assert.NotEqual(System.Text.Encoding.UTF8.GetBytes("王小红"), cipher[^9..]);
        Assert.Equal("王小红", _protector.Unprotect(cipher));
    }

    [Fact]
    public void Protect_SameValueTwice_DifferentCiphertext() =>
        Assert.NotEqual(_protector.Protect("13812345678"), _protector.Protect("13812345678"));

    [Fact]
    public void Unprotect_WithAnotherKey_Fails() =>
        Assert.ThrowsAny<CryptographicException>(() => new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)).Unprotect(_protector.Protect("x")));

    [Fact]
    public void Shopkeeper_StoresOnlyCiphertextAndMaskedForms()
    {
        var shopkeeper = new Shopkeeper("SK-0000001", "13812345678", "王小红", "广东", "深圳", new DateOnly(2025, 3, 1), _protector);
        Assert.Equal("138****5678", shopkeeper.PhoneMasked);
        Assert.Equal("王*", shopkeeper.RealNameMasked);
        Assert.Equal("13812345678", _protector.Unprotect(shopkeeper.PhoneEncrypted));
    }
}
