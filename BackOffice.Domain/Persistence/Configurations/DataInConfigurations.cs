using BackOffice.Domain.Brands;
using BackOffice.Domain.Imports;
using BackOffice.Domain.Metrics;
using BackOffice.Domain.Shopkeepers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class DailySalesConfiguration : IEntityTypeConfiguration<DailySales>
{
    public void Configure(EntityTypeBuilder<DailySales> builder)
    {
        builder.HasKey(d => new { d.Day, d.BrandId, d.Province });
        builder.Property(d => d.Province).HasMaxLength(20);
        builder.Property(d => d.Category).HasMaxLength(Categories.CodeMaxLength);
        // Covering, one per filter shape (period; period + brand, category or province): the key is a
        // separate index in SQLite, so a range over it alone would look every row up in the table.
        builder.HasIndex(d => new { d.Day, d.Province, d.Category, d.BrandId, d.GmvFen, d.RefundFen, d.Items, d.CommissionFen, d.Orders });
        builder.HasIndex(d => new { d.BrandId, d.Day, d.Province, d.Category, d.GmvFen, d.RefundFen, d.Items, d.CommissionFen, d.Orders });
        builder.HasIndex(d => new { d.Category, d.Day, d.Province, d.BrandId, d.GmvFen, d.RefundFen, d.Items, d.CommissionFen, d.Orders });
        builder.HasIndex(d => new { d.Province, d.Day, d.Category, d.BrandId, d.GmvFen, d.RefundFen, d.Items, d.CommissionFen, d.Orders });
    }
}

internal sealed class ShopkeeperDailySalesConfiguration : IEntityTypeConfiguration<ShopkeeperDailySales>
{
    public void Configure(EntityTypeBuilder<ShopkeeperDailySales> builder)
    {
        builder.HasKey(d => new { d.ShopkeeperId, d.Day, d.BrandId });
        builder.Property(d => d.Category).HasMaxLength(Categories.CodeMaxLength);
        builder.Property(d => d.Province).HasMaxLength(20);
        // Dashboards read the sales packs; only a brand slice reads these rows (covering: index entries
        // only, never the table). The day index is for rebuilding the packs; each index costs every import.
        builder.HasIndex(d => new { d.BrandId, d.Day, d.ShopkeeperId, d.GmvFen, d.RefundFen, d.Orders, d.CommissionFen });
        builder.HasIndex(d => d.Day);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.CreatedBy).HasMaxLength(64);
        builder.Property(k => k.RevokedBy).HasMaxLength(64);
    }
}
