namespace BackOffice.Domain.Common;

/// <summary>
/// An editable aggregate. The revision is the optimistic concurrency token, raised on every save
/// by the context, so it works the same on SQLite and SQL Server.
/// </summary>
public interface IHasRevision
{
    long Revision { get; set; }
}
