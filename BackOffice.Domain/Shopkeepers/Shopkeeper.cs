using System.Globalization;

namespace BackOffice.Domain.Shopkeepers;

/// <summary>店主: phone and real name encrypted at rest; everyone sees the masked forms.</summary>
public class Shopkeeper
{
    public const int CodeMaxLength = 16;

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public byte[] PhoneEncrypted { get; private set; } = [];
    public byte[] RealNameEncrypted { get; private set; } = [];
    public string PhoneMasked { get; private set; } = "";
    public string RealNameMasked { get; private set; } = "";
    public string Province { get; private set; } = "";
    public string City { get; private set; } = "";
    public DateOnly JoinedOn { get; private set; }

    protected Shopkeeper() { }

    public Shopkeeper(string code, string phone, string realName, string province, string city, DateOnly joinedOn, PersonalDataProtector protector)
    {
        Code = code;
        Update(phone, realName, province, city, joinedOn, protector);
    }

    public static string FormatCode(int number) => "SK-" + number.ToString("0000000", CultureInfo.InvariantCulture);

    public void Update(string phone, string realName, string province, string city, DateOnly joinedOn, PersonalDataProtector protector)
    {
        PhoneEncrypted = protector.Protect(phone);
        RealNameEncrypted = protector.Protect(realName);
        PhoneMasked = Masking.Phone(phone);
        RealNameMasked = Masking.Name(realName);
        Province = province;
        City = city;
        JoinedOn = joinedOn;
    }
}
