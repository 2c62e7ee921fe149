using System.Text;
using BackOffice.Domain.Suppliers;

namespace BackOffice.Domain.Seeding;

/// <summary>
/// Deterministic draws. Each part of the data has its own stream, derived from the seed, so adding
/// draws to one part never shifts another.
/// </summary>
internal static class SeedRandom
{
    public static Random Stream(int seed, int part) => new(unchecked(seed * 7919 + part * 104_729));

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>An index drawn in proportion to cumulative weights (ascending, last = total).</summary>
    public static int PickCumulative(this Random random, double[] cumulative)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        if (index < 0) index = ~index;
        return Math.Min(index, cumulative.Length - 1);
    }

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = new List<double>();
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
            list.Add(total);
        }
        return [.. list];
    }

    public static string Digits(this Random random, int count)
    {
        var builder = new StringBuilder(count);
        for (var i = 0; i < count; i++) builder.Append((char)('0' + random.Next(10)));
        return builder.ToString();
    }

    public static string ChinesePhone(this Random random) => random.Pick(DemoVocabulary.PhonePrefixes) + random.Digits(8);

    /// <summary>A surname and a one- or two-character given name; most shopkeepers are women.</summary>
    public static string ChineseName(this Random random, double womenShare = 0.95)
    {
        var given = random.Chance(womenShare) ? DemoVocabulary.WomenGiven : DemoVocabulary.MenGiven;
        var name = random.Pick(DemoVocabulary.Surnames) + random.Pick(given);
        return random.Chance(0.65) ? name + random.Pick(given) : name;
    }

    private const string OrgCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] OrgCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>
    /// A valid 统一社会信用代码: registration authority and type (mostly 91, a company), the division
    /// code, a 9-character organisation code with its GB 11714 check character, then the GB 32100 check.
    /// </summary>
    public static UnifiedSocialCreditCode CreditCode(this Random random, string division)
    {
        var authority = random.NextDouble() switch { < 0.92 => "91", < 0.95 => "92", < 0.97 => "93", < 0.985 => "52", _ => "12" };
        var body = new StringBuilder(8);
        if (random.Chance(0.6))
        {
            // Codes issued since 2015 start with MA.
            body.Append("MA");
            for (var i = 0; i < 6; i++) body.Append(OrgCodeAlphabet[random.Next(random.Chance(0.7) ? 10 : OrgCodeAlphabet.Length)]);
        }
        else
        {
            body.Append(random.Digits(8));
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrgCodeWeights[i];
        }
        var check = 11 - sum % 11;
        var orgCheck = check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
        var first17 = authority + division + body.ToString() + orgCheck;
        return UnifiedSocialCreditCode.Parse(first17 + UnifiedSocialCreditCode.CheckCharacter(first17));
    }
}
