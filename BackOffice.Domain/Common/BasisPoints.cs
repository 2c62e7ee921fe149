using System.Globalization;

namespace BackOffice.Domain.Common;

/// <summary>A rate in basis points: 800 = 8.00%.</summary>
public readonly record struct BasisPoints(int Value) : IComparable<BasisPoints>
{
    public static BasisPoints FromPercent(decimal percent)
    {
        var bp = percent * 100m;
        if (bp != decimal.Truncate(bp)) throw new DomainException("费率最多两位小数 · A rate has at most two decimals");
        return new BasisPoints((int)bp);
    }

    public int CompareTo(BasisPoints other) => Value.CompareTo(other.Value);

    public override string ToString() => (Value / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
