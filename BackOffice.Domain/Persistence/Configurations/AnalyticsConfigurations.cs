using BackOffice.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class ShopkeeperMonthlySalesConfiguration : IEntityTypeConfiguration<ShopkeeperMonthlySales>
{
    public void Configure(EntityTypeBuilder<ShopkeeperMonthlySales> builder)
    {
        builder.HasKey(m => new { m.ShopkeeperId, m.Month });
        builder.Property(m => m.Province).HasMaxLength(20);
        // Covering, for whole months of a period: unsliced, and by province.
        builder.HasIndex(m => new { m.Month, m.ShopkeeperId, m.GmvFen, m.RefundFen, m.Orders, m.CommissionFen });
        builder.HasIndex(m => new { m.Province, m.Month, m.ShopkeeperId, m.GmvFen, m.RefundFen, m.Orders, m.CommissionFen });
        // A month's top tenth by GMV (the concentration trend) read backwards from an index, not sorted.
        builder.HasIndex(m => new { m.Month, m.GmvFen });
        builder.HasIndex(m => new { m.Province, m.Month, m.GmvFen });
    }
}

internal sealed class ShopkeeperCategoryMonthlySalesConfiguration : IEntityTypeConfiguration<ShopkeeperCategoryMonthlySales>
{
    public void Configure(EntityTypeBuilder<ShopkeeperCategoryMonthlySales> builder)
    {
        builder.HasKey(m => new { m.ShopkeeperId, m.Month, m.Category });
        builder.Property(m => m.Category).HasMaxLength(Brands.Categories.CodeMaxLength);
        builder.Property(m => m.Province).HasMaxLength(20);
        // Covering, for whole months of a category slice (the province, when given, is checked in the index).
        builder.HasIndex(m => new { m.Category, m.Month, m.ShopkeeperId, m.Province, m.GmvFen, m.RefundFen, m.Orders, m.CommissionFen });
    }
}

internal sealed class ShopkeeperSegmentSpellConfiguration : IEntityTypeConfiguration<ShopkeeperSegmentSpell>
{
    public void Configure(EntityTypeBuilder<ShopkeeperSegmentSpell> builder)
    {
        builder.HasKey(s => new { s.ShopkeeperId, s.FromDay });
        builder.Property(s => s.Segment).HasConversion<string>().HasMaxLength(16);
        // Covering: "the run that contains day d" for every shopkeeper is one index seek each.
        builder.HasIndex(s => new { s.ShopkeeperId, s.FromDay, s.ToDay, s.Segment });
    }
}

internal sealed class ShopkeeperSalesPackConfiguration : IEntityTypeConfiguration<ShopkeeperSalesPack>
{
    public void Configure(EntityTypeBuilder<ShopkeeperSalesPack> builder)
    {
        builder.HasKey(p => new { p.Span, p.Category, p.Start });
        builder.Property(p => p.Span).HasConversion<string>().HasMaxLength(8);
        builder.Property(p => p.Category).HasMaxLength(Brands.Categories.CodeMaxLength);
    }
}
