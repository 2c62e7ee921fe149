using BackOffice.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

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
