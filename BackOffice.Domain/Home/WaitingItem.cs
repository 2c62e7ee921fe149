using BackOffice.Domain.Common;
using BackOffice.Domain.Persistence;

namespace BackOffice.Domain.Home;

/// <summary>Something waiting for the signed-in person's decision; Kind names a resource text.</summary>
public sealed record WaitingItem(string Kind, string Subject, string? Href, DateTime Since);

/// <summary>A feature that adds its approvals to "waiting for me" registers one of these.</summary>
public interface IWaitingForMeSource
{
    Task<IReadOnlyList<WaitingItem>> GetAsync(BackOfficeDbContext db, Actor actor, CancellationToken ct);
}
