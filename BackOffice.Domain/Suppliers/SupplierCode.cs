using System.Globalization;

namespace BackOffice.Domain.Suppliers;

/// <summary>Supplier code such as SUP-000123.</summary>
public static class SupplierCode
{
    public const int MaxLength = 16;
    public static string Format(int number) => "SUP-" + number.ToString("000000", CultureInfo.InvariantCulture);
}
