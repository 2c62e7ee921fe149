using BackOffice.Domain.Common;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Persistence;

public class ConcurrencyTests
{
    [Fact]
    public async Task SaveChanges_TwoEditorsOfOneSupplier_SecondIsToldChangedBySomeoneElse()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Suppliers.Add(new Supplier("SUP-000001", "杭州织梦服饰有限公司", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "王", "13800000000", BankAccount.None, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var a = await first.Suppliers.SingleAsync();
        var b = await second.Suppliers.SingleAsync();
        a.Edit("杭州织梦服饰股份有限公司", "王", "13800000000");
        b.Edit("杭州织梦服饰集团", "李", "13900000000");
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveChangesAsync());
        await using var check = database.NewContext();
        var saved = await check.Suppliers.SingleAsync();
        Assert.Equal("杭州织梦服饰股份有限公司", saved.Name);
        Assert.Equal(1, saved.Revision);
    }

    [Fact]
    public async Task SaveChanges_OwnedCollectionChanged_RaisesTheAggregateRevision()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        db.Suppliers.Add(new Supplier("SUP-000001", "s", UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "", "", BankAccount.None, DateTime.UtcNow));
        await db.SaveChangesAsync();
        var supplier = await db.Suppliers.SingleAsync();
        Assert.Equal(0, supplier.Revision);
        supplier.Edit("新名字", "", "");
        await db.SaveChangesAsync();
        Assert.Equal(1, supplier.Revision);
    }
}
