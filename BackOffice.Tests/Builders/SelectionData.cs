using BackOffice.Domain.Brands;
using BackOffice.Domain.Common;
using BackOffice.Domain.Suppliers;
using BackOffice.Tests.Infrastructure;

namespace BackOffice.Tests.Builders;

/// <summary>Suppliers, brands and products created through the real services.</summary>
public static class SelectionData
{
    private static int _next;

    /// <summary>A valid credit code: 17 characters plus the GB 32100-2015 check character.</summary>
    public static string CreditCode(int n)
    {
        var first17 = "91330100" + n.ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    public static SupplierInput Supplier(string? creditCode = null) => new()
    {
        Name = "杭州测试供应链有限公司",
        CreditCode = creditCode ?? CreditCode(Interlocked.Increment(ref _next)),
        ContactName = "王经理",
        ContactPhone = "13800000000",
        BankAccountName = "杭州测试供应链有限公司",
        BankName = "招商银行杭州分行",
        BankAccountNumber = "571900000000001",
    };

    public static BrandDetails Brand(string nameZh = "花西子", DateOnly? expires = null) =>
        new(nameZh, "Florasis", "Beauty", "TM-30012345", expires ?? new DateOnly(2030, 12, 31), "独家授权 2026–2030", expires ?? new DateOnly(2029, 12, 31));

    public static readonly BrandScores Recommended = new(4, 4, 4, 3, 4, "正品", "响应快", "素材全", "返佣高", "48 小时发货");
    public static readonly BrandScores NotRecommended = new(4, 4, 4, 2, 4);

    public static async Task<int> SupplierAsync(TestDatabase db) =>
        await db.Get<SupplierService>().RegisterAsync(People.SelectionLi, Supplier());

    public static async Task<int> DraftBrandAsync(TestDatabase db, DateOnly? expires = null)
    {
        var supplier = await SupplierAsync(db);
        return await db.Get<BrandService>().CreateDraftAsync(People.SelectionLi, supplier, Brand(expires: expires));
    }

    /// <summary>Submitted by Li, opened for review by Zhang.</summary>
    public static async Task<int> UnderReviewBrandAsync(TestDatabase db)
    {
        var brands = db.Get<BrandService>();
        var id = await DraftBrandAsync(db);
        await brands.SubmitAsync(People.SelectionLi, id, 0);
        await brands.StartReviewAsync(People.SelectionZhang, id, 1);
        return id;
    }

    public static async Task<int> ApprovedBrandAsync(TestDatabase db)
    {
        var id = await UnderReviewBrandAsync(db);
        await db.Get<BrandService>().ApproveAsync(People.SelectionZhang, id, 2, Recommended, "五大好达标", null);
        return id;
    }

    public static async Task<int> ScoredProductAsync(TestDatabase db, int brandId, string sku, bool selectable = true)
    {
        var products = db.Get<ProductService>();
        var id = await products.CreateAsync(People.SelectionLi, brandId, sku, "保湿面霜 " + sku, Money.FromYuan(100));
        await products.ScoreAsync(People.SelectionLi, id, 0, new ProductScoreInput
        {
            Quality = selectable ? 4 : 2, Price = 4, Brand = 4, Structure = 3, Style = 3, ReferenceSalePrice = Money.FromYuan(50),
        });
        return id;
    }
}
