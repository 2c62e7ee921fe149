using BackOffice.Domain.Agreements;
using BackOffice.Domain.Brands;
using BackOffice.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class FrameworkAgreementConfiguration : IEntityTypeConfiguration<FrameworkAgreement>
{
    public void Configure(EntityTypeBuilder<FrameworkAgreement> builder)
    {
        builder.ToTable("Agreements");
        builder.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId);
        builder.Property(a => a.Code).HasMaxLength(FrameworkAgreement.CodeMaxLength);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasIndex(a => new { a.SupplierId, a.StoredStatus });
        builder.Property(a => a.Signatories).HasMaxLength(500);
        builder.Property(a => a.TerminationReason).HasMaxLength(1000);
        builder.Property(a => a.SignedScan).HasMaxLength(10 * 1024 * 1024);
        builder.Ignore(a => a.Terms);
        builder.Ignore(a => a.IsSigned);
        builder.OwnsMany(a => a.Tiers, tiers => tiers.ToJson("TiersJson"));
        builder.Navigation(a => a.Tiers).HasField("_tiers");
        builder.HasMany(a => a.Brands).WithOne().HasForeignKey(b => b.AgreementId);
        builder.Navigation(a => a.Brands).HasField("_brands");
    }
}

internal sealed class AgreementBrandConfiguration : IEntityTypeConfiguration<AgreementBrand>
{
    public void Configure(EntityTypeBuilder<AgreementBrand> builder)
    {
        builder.HasKey(b => new { b.AgreementId, b.BrandId });
        builder.HasOne<Brand>().WithMany().HasForeignKey(b => b.BrandId);
    }
}
