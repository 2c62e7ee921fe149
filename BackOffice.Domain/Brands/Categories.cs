namespace BackOffice.Domain.Brands;

/// <summary>The platform's categories; a brand has one and its products inherit it.</summary>
public static class Categories
{
    public const int CodeMaxLength = 32;

    public sealed record Category(string Code, string NameZh, string NameEn, string Colour);

    public static readonly IReadOnlyList<Category> All =
    [
        new("Beauty", "美妆", "Beauty", "#e91e63"),
        new("Apparel", "服饰", "Apparel", "#3f51b5"),
        new("MotherBaby", "母婴", "Mother & baby", "#ff9800"),
        new("Food", "食品", "Food", "#4caf50"),
        new("Home", "家居", "Home", "#795548"),
        new("ShoesBags", "鞋包", "Shoes & bags", "#9c27b0"),
        new("PersonalCare", "个护", "Personal care", "#00bcd4"),
        new("Sports", "运动户外", "Sports & outdoor", "#607d8b"),
    ];

    public static Category Get(string code) =>
        All.FirstOrDefault(c => c.Code == code) ?? throw new Common.DomainException($"未知类目 {code} · Unknown category {code}");

    public static bool Exists(string code) => All.Any(c => c.Code == code);
}
