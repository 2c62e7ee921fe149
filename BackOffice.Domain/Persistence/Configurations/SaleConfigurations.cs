using BackOffice.Domain.Brands;
using BackOffice.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class SaleConfiguration : IEntityTypeConfiguration<Sale>
{
    public void Configure(EntityTypeBuilder<Sale> builder)
    {
        builder.HasOne<Brand>().WithMany().HasForeignKey(s => s.BrandId);
        builder.Property(s => s.Code).HasMaxLength(Sale.CodeMaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Category).HasMaxLength(Categories.CodeMaxLength);
        builder.HasIndex(s => new { s.BrandId, s.StartsAt });
        builder.HasIndex(s => new { s.StartsAt, s.EndsAt });
        builder.HasIndex(s => new { s.Category, s.StartsAt });
        builder.Property(s => s.CancelReason).HasMaxLength(1000);
        builder.Ignore(s => s.CountsForConflicts);
        builder.OwnsOne(s => s.Terms, terms =>
        {
            terms.Property(t => t.CommissionBp).HasColumnName("TermsCommissionBp");
            terms.Property(t => t.AdvancePercent).HasColumnName("TermsAdvancePercent");
            terms.Property(t => t.AdvanceDays).HasColumnName("TermsAdvanceDays");
            terms.Property(t => t.BalanceDays).HasColumnName("TermsBalanceDays");
            terms.Property(t => t.AgreementCode).HasColumnName("TermsAgreementCode").HasMaxLength(16);
            terms.Property(t => t.AgreementNetGmvFen).HasColumnName("TermsAgreementNetGmvFen");
            terms.Property(t => t.TierThresholdFen).HasColumnName("TermsTierThresholdFen");
            terms.Ignore(t => t.Commission);
            terms.Ignore(t => t.FromAgreement);
        });
        builder.HasMany(s => s.Products).WithOne().HasForeignKey(p => p.SaleId);
        builder.Navigation(s => s.Products).HasField("_products");
    }
}

internal sealed class SaleProductConfiguration : IEntityTypeConfiguration<SaleProduct>
{
    public void Configure(EntityTypeBuilder<SaleProduct> builder)
    {
        builder.HasKey(p => new { p.SaleId, p.ProductId });
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId);
    }
}
