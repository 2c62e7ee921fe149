using BackOffice.Domain.Common;
using BackOffice.Domain.Home;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Builders;
using BackOffice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Tests.Domain.Suppliers;

public class SupplierServiceTests
{
    [Fact]
    public async Task RegisterAsync_RealCode_NumberedAndAudited()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = db.Get<SupplierService>();
        var first = await service.RegisterAsync(People.SelectionLi, SelectionData.Supplier("91350100M000100Y43"));
        var second = await service.RegisterAsync(People.SelectionLi, SelectionData.Supplier());

        Assert.Equal("SUP-000001", (await service.GetAsync(first))!.Code);
        Assert.Equal("SUP-000002", (await service.GetAsync(second))!.Code);
        await using var ctx = db.NewContext();
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.EntityType == "Supplier" && e.EntityId == first.ToString() && e.Action == "supplier.registered"));
    }

    [Fact]
    public async Task RegisterAsync_WrongCheckDigit_RefusedSayingWhichCharacter()
    {
        await using var db = await TestDatabase.CreateAsync();
        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            db.Get<SupplierService>().RegisterAsync(People.SelectionLi, SelectionData.Supplier("91350100M000100Y44")));
        Assert.Contains("Wrong check digit", ex.Message);
        Assert.Contains("'3'", ex.Message);
        await using var ctx = db.NewContext();
        Assert.Equal(0, await ctx.Suppliers.CountAsync());
    }

    [Fact]
    public async Task RegisterAsync_DuplicateCreditCode_RefusedNamingTheExistingSupplier()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = db.Get<SupplierService>();
        await service.RegisterAsync(People.SelectionLi, SelectionData.Supplier("91350100M000100Y43"));
        // Lower case and spaces are the same code.
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.RegisterAsync(People.SelectionZhang, SelectionData.Supplier(" 91350100m000100y43 ")));
        Assert.Contains("SUP-000001", ex.Message);
        Assert.Contains("already registered", ex.Message);
    }

    [Fact]
    public async Task RegisterAsync_NotSelection_Denied()
    {
        await using var db = await TestDatabase.CreateAsync();
        await Assert.ThrowsAsync<AccessDeniedException>(() => db.Get<SupplierService>().RegisterAsync(People.FinanceChen, SelectionData.Supplier()));
    }

    [Fact]
    public async Task EditAsync_StaleRevision_ChangedBySomeoneElse()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = db.Get<SupplierService>();
        var id = await service.RegisterAsync(People.SelectionLi, SelectionData.Supplier());
        var input = SelectionData.Supplier();
        input.Name = "新名称一";
        await service.EditAsync(People.SelectionLi, id, 0, input);
        input.Name = "新名称二";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.EditAsync(People.SelectionZhang, id, 0, input));
        Assert.Equal("新名称一", (await service.GetAsync(id))!.Name);
    }

    [Fact]
    public async Task BankChange_ApprovedByFinance_TakesEffectOnlyThen()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = db.Get<SupplierService>();
        var id = await service.RegisterAsync(People.SelectionLi, SelectionData.Supplier());
        var changeId = await service.RequestBankChangeAsync(People.SelectionLi, id, new BankAccount("新户名", "工商银行", "6222000011112222"), "开户行变更");

        Assert.Equal("571900000000001", (await service.GetAsync(id))!.BankAccount.AccountNumber);
        var waiting = await db.Get<HomeService>().WaitingForAsync(People.FinanceChen);
        Assert.Contains(waiting, w => w.Kind == "BankChange" && w.Href == $"/suppliers/{id}");

        await service.ApproveBankChangeAsync(People.FinanceChen, changeId, 0);
        var after = (await service.GetAsync(id))!;
        Assert.Equal("6222000011112222", after.BankAccount.AccountNumber);
        Assert.Equal(BankAccountChangeStatus.Approved, after.BankChanges.Single().Status);
        Assert.Empty(await db.Get<HomeService>().WaitingForAsync(People.FinanceChen));
    }

    [Fact]
    public async Task BankChange_SelectionCannotApprove_AndRequesterHoldingFinanceRefusedFourEyes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = db.Get<SupplierService>();
        var id = await service.RegisterAsync(People.SelectionLi, SelectionData.Supplier());
        var changeId = await service.RequestBankChangeAsync(People.SelectionLiAlsoFinance, id, new BankAccount("户名", "银行", "123456789"), "理由");

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ApproveBankChangeAsync(People.SelectionZhang, changeId, 0));
        var ex = await Assert.ThrowsAsync<DomainException>(() => service.ApproveBankChangeAsync(People.SelectionLiAlsoFinance, changeId, 0));
        Assert.Contains("Four eyes", ex.Message);
        Assert.Empty(await db.Get<HomeService>().WaitingForAsync(People.SelectionLiAlsoFinance));
    }

    [Fact]
    public async Task BankChange_Rejected_AccountUnchangedAndSecondRequestAllowed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var service = db.Get<SupplierService>();
        var id = await service.RegisterAsync(People.SelectionLi, SelectionData.Supplier());
        var changeId = await service.RequestBankChangeAsync(People.SelectionLi, id, new BankAccount("户名", "银行", "123456789"), "理由");
        await Assert.ThrowsAsync<DomainException>(() => service.RequestBankChangeAsync(People.SelectionZhang, id, new BankAccount("户名", "银行", "999"), "再来"));

        await service.RejectBankChangeAsync(People.FinanceZhao, changeId, 0, "账户名与营业执照不符");
        Assert.Equal("571900000000001", (await service.GetAsync(id))!.BankAccount.AccountNumber);
        await service.RequestBankChangeAsync(People.SelectionZhang, id, new BankAccount("户名", "银行", "999"), "再来");
    }
}
