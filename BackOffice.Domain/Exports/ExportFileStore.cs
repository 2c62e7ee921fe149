using BackOffice.Domain.Persistence;

namespace BackOffice.Domain.Exports;

/// <summary>Finished export files under the data folder, named by job id only (never by a user-supplied name).</summary>
public sealed class ExportFileStore(DatabaseOptions database)
{
    private string Folder
    {
        get
        {
            var folder = Path.Combine(database.DataFolder, "exports");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public string PathOf(Guid id) => Path.Combine(Folder, id.ToString("N") + ".bin");

    public Stream Create(Guid id) => new FileStream(PathOf(id), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);

    public Stream OpenRead(Guid id) => new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);

    public void Delete(Guid id) => File.Delete(PathOf(id));
}
