using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Domain.Shopkeepers;

/// <summary>AES-GCM encryption of personal data at rest. Layout: nonce (12) | tag (16) | ciphertext.</summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly byte[] _fingerprintKey;

    public PersonalDataProtector(byte[] key)
    {
        if (key.Length != 32) throw new ArgumentException("The personal data key must be 32 bytes (AES-256).", nameof(key));
        _key = key;
        _fingerprintKey = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("BackOffice personal data fingerprint"));
    }

    public byte[] Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext ?? "");
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    /// <summary>
    /// A keyed fingerprint of a value (HMAC-SHA256 under a key derived from the personal data key),
    /// so an import can tell whether personal data changed without storing it in clear.
    /// </summary>
    public string Fingerprint(string plaintext)
    {
        return Convert.ToHexStringLower(HMACSHA256.HashData(_fingerprintKey, Encoding.UTF8.GetBytes(plaintext ?? "")));
    }

    public string Unprotect(byte[] protectedData)
    {
        if (protectedData.Length < NonceSize + TagSize) throw new CryptographicException("Personal data payload is too short.");
        var plain = new byte[protectedData.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(protectedData.AsSpan(0, NonceSize), protectedData.AsSpan(NonceSize + TagSize), protectedData.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
