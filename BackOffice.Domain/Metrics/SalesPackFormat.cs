namespace BackOffice.Domain.Metrics;

/// <summary>
/// The bytes of a <see cref="ShopkeeperSalesPack"/>: its entries in shopkeeper-id order, each the id's
/// distance from the previous one and then GMV, refund, items, orders, commission and lines, all as LEB128
/// varints (figures zigzag-encoded, so a negative running sum round-trips). About 10 bytes a shopkeeper.
/// </summary>
public static class SalesPackFormat
{
    /// <summary>Encodes entries sorted by shopkeeper id; entries with no line left are dropped.</summary>
    public static byte[] Encode(IReadOnlyList<PackEntry> entries, out int count)
    {
        var buffer = new byte[entries.Count * 7 * 10];
        var at = 0;
        var previous = 0;
        count = 0;
        foreach (var e in entries)
        {
            if (e.Lines == 0) continue;
            if (e.ShopkeeperId <= previous && count > 0)
                throw new ArgumentException("Pack entries must be in strictly ascending shopkeeper order.", nameof(entries));
            Write(buffer, ref at, (ulong)(e.ShopkeeperId - previous));
            Write(buffer, ref at, ZigZag(e.GmvFen));
            Write(buffer, ref at, ZigZag(e.RefundFen));
            Write(buffer, ref at, ZigZag(e.Items));
            Write(buffer, ref at, ZigZag(e.Orders));
            Write(buffer, ref at, ZigZag(e.CommissionFen));
            Write(buffer, ref at, ZigZag(e.Lines));
            previous = e.ShopkeeperId;
            count++;
        }
        return buffer.AsSpan(0, at).ToArray();
    }

    /// <summary>A pack's entries plus a delta (both in shopkeeper order), summed per shopkeeper.</summary>
    public static List<PackEntry> Merge(byte[]? existing, IReadOnlyList<PackEntry> delta)
    {
        var merged = new List<PackEntry>(delta.Count + (existing?.Length ?? 0) / 8);
        var reader = new Reader(existing ?? []);
        var hasOld = reader.Next(out var old);
        var i = 0;
        while (hasOld || i < delta.Count)
        {
            if (!hasOld || (i < delta.Count && delta[i].ShopkeeperId < old.ShopkeeperId)) merged.Add(delta[i++]);
            else if (i >= delta.Count || old.ShopkeeperId < delta[i].ShopkeeperId)
            {
                merged.Add(old);
                hasOld = reader.Next(out old);
            }
            else
            {
                merged.Add(old.Plus(delta[i++]));
                hasOld = reader.Next(out old);
            }
        }
        return merged;
    }

    public static Reader Read(byte[] data) => new(data);

    /// <summary>Reads a pack's entries in shopkeeper order without allocating.</summary>
    public ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;
        private int _id;

        public bool Next(out PackEntry entry)
        {
            if (_at >= _data.Length)
            {
                entry = default;
                return false;
            }
            _id += (int)ReadVarint();
            entry = new PackEntry(_id, UnZigZag(ReadVarint()), UnZigZag(ReadVarint()), UnZigZag(ReadVarint()), UnZigZag(ReadVarint()), UnZigZag(ReadVarint()),
                UnZigZag(ReadVarint()));
            return true;
        }

        private ulong ReadVarint()
        {
            ulong value = 0;
            var shift = 0;
            while (true)
            {
                var b = _data[_at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
                shift += 7;
            }
        }
    }

    private static void Write(byte[] buffer, ref int at, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[at++] = (byte)value;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
