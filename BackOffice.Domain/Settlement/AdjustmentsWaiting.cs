using BackOffice.Domain.Common;
using BackOffice.Domain.Home;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Domain.Settlement;

/// <summary>Adjustments another Finance user made, waiting for this one's approval (four eyes).</summary>
public sealed class AdjustmentsWaiting : IWaitingForMeSource
{
    public async Task<IReadOnlyList<WaitingItem>> GetAsync(BackOfficeDbContext db, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.Finance)) return [];
        var rows = await (from a in db.Adjustments.AsNoTracking()
                          join s in db.Suppliers on a.SupplierId equals s.Id
                          where a.Status == AdjustmentStatus.Pending && a.MakerId != actor.UserId
                          orderby a.MadeAt
                          select new { a.Id, s.Code, s.Name, a.AmountFen, a.MadeAt }).Take(50).ToListAsync(ct);
        return rows.Select(a => new WaitingItem("AdjustmentApproval", $"{a.Code} {a.Name} {new Money(a.AmountFen)}", $"/adjustments?id={a.Id}", a.MadeAt)).ToList();
    }
}
