namespace BackOffice.Domain.Shopkeepers;

/// <summary>How personal data is shown to everyone: 138****5678 and 王*.</summary>
public static class Masking
{
    public static string Phone(string phone)
    {
        var p = (phone ?? "").Trim();
        return p.Length >= 7 ? p[..3] + "****" + p[^4..] : new string('*', p.Length);
    }

    public static string Name(string name)
    {
        var n = (name ?? "").Trim();
        if (n.Length == 0) return "";
        var first = char.IsSurrogate(n[0]) && n.Length > 1 ? n[..2] : n[..1];
        return first + "*";
    }
}
