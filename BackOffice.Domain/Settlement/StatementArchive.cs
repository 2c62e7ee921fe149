using BackOffice.Domain.Persistence;

namespace BackOffice.Domain.Settlement;

/// <summary>
/// The files of issued statements, kept in DataFolder/statements so an issued statement is always exported
/// byte for byte as it was first produced (its SHA-256 stays true).
/// </summary>
public sealed class StatementArchive(DatabaseOptions database)
{
    private string Folder => Path.Combine(Path.GetFullPath(database.DataFolder), "statements");

    public async Task KeepAsync(string number, string format, byte[] content, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(number, format);
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, content, ct);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<byte[]?> ReadAsync(string number, string format, CancellationToken ct) =>
        File.Exists(PathOf(number, format)) ? await File.ReadAllBytesAsync(PathOf(number, format), ct) : null;

    private string PathOf(string number, string format) => Path.Combine(Folder, $"{number}.{format}");
}
