using System.Security.Cryptography;
using BackOffice.Domain.Persistence;
using Microsoft.Extensions.Configuration;

namespace BackOffice.Domain.Shopkeepers;

/// <summary>
/// The AES key for personal data: <c>PersonalData:Key</c> (base64, 32 bytes) from configuration or a
/// secret store. Outside Production a key file in the data folder is made on first use.
/// </summary>
public static class PersonalDataKey
{
    public static byte[] Resolve(IConfiguration configuration, DatabaseOptions database, bool isProduction)
    {
        if (configuration["PersonalData:Key"] is { Length: > 0 } configured)
        {
            var key = Convert.FromBase64String(configured);
            return key.Length == 32 ? key : throw new InvalidOperationException("PersonalData:Key must be 32 bytes in base64.");
        }
        if (isProduction)
            throw new InvalidOperationException("PersonalData:Key is not configured. In Production the key that encrypts shopkeepers' personal data must come from configuration (a secret store), never a file.");
        var folder = Path.GetFullPath(database.DataFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "personal-data.key");
        if (!File.Exists(path)) File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
