using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Common;

/// <summary>
/// The next number of a code such as SUP-000123: one above the highest code of exactly that shape, so a code of
/// another shape (typed by hand, or imported) can never stop numbering.
/// </summary>
public static class SequentialCode
{
    public static async Task<int> NextAsync(IQueryable<string> codes, string prefix, int digits, CancellationToken ct)
    {
        var length = prefix.Length + digits;
        var highest = await codes.Where(c => c.StartsWith(prefix) && c.Length == length)
            .OrderByDescending(c => c).Take(50).ToListAsync(ct);
        return highest.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
    }
}
