using BackOffice.Domain.Audit;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Identity;
using BackOffice.Domain.Orders;
using BackOffice.Domain.Sales;
using BackOffice.Domain.Shopkeepers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class ShopkeeperConfiguration : IEntityTypeConfiguration<Shopkeeper>
{
    public void Configure(EntityTypeBuilder<Shopkeeper> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(Shopkeeper.CodeMaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.PhoneEncrypted).HasMaxLength(128);
        builder.Property(s => s.RealNameEncrypted).HasMaxLength(256);
        builder.Property(s => s.PhoneMasked).HasMaxLength(20);
        builder.Property(s => s.RealNameMasked).HasMaxLength(20);
        builder.Property(s => s.Province).HasMaxLength(20);
        builder.Property(s => s.City).HasMaxLength(40);
        builder.HasIndex(s => s.JoinedOn);
        builder.HasIndex(s => s.Province);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(l => l.ExternalId).HasMaxLength(OrderLine.ExternalIdMaxLength);
        builder.HasIndex(l => l.ExternalId).IsUnique();
        builder.Property(l => l.OrderId).HasMaxLength(64);
        builder.Property(l => l.Category).HasMaxLength(Categories.CodeMaxLength);
        builder.HasOne<Sale>().WithMany().HasForeignKey(l => l.SaleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shopkeeper>().WithMany().HasForeignKey(l => l.ShopkeeperId).OnDelete(DeleteBehavior.Restrict);
        // BrandId and ProductId (like Category) are copies of what the line's sale and SKU named when it was
        // imported, and the import checks both; brands and products are never deleted. So no foreign key:
        // each would need an index that no query reads (EF Core indexes every foreign key), and every index
        // costs every import a random b-tree insert per line.
        // No index on OrderedOn or BrandId: every dashboard reads the aggregates, and production queries on
        // lines go by sale, shopkeeper, external id or order id (EXPLAIN QUERY PLAN); only the
        // straight-from-lines references of tests and benchmarks read by date or brand.
        builder.HasIndex(l => new { l.ShopkeeperId, l.OrderedOn });
        builder.HasIndex(l => l.SaleId);
        builder.HasIndex(l => l.OrderId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(64);
        builder.Property(e => e.ActorId).HasMaxLength(LocalUser.IdMaxLength);
        builder.Property(e => e.Before).HasMaxLength(1_000_000);
        builder.Property(e => e.After).HasMaxLength(1_000_000);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}

internal sealed class LocalUserConfiguration : IEntityTypeConfiguration<LocalUser>
{
    public void Configure(EntityTypeBuilder<LocalUser> builder)
    {
        builder.Property(u => u.Id).HasMaxLength(LocalUser.IdMaxLength);
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Ignore(u => u.Roles);
    }
}
