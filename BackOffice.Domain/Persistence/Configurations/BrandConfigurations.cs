using BackOffice.Domain.Brands;
using BackOffice.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(b => b.SupplierId);
        builder.Property(b => b.NameZh).HasMaxLength(Brand.NameMaxLength);
        builder.Property(b => b.NameLatin).HasMaxLength(Brand.NameMaxLength);
        builder.Property(b => b.Category).HasMaxLength(Categories.CodeMaxLength);
        builder.Property(b => b.AuthorizationText).HasMaxLength(2000);
        builder.Property(b => b.DecisionReason).HasMaxLength(1000);
        builder.Property(b => b.OverrideReason).HasMaxLength(1000);
        builder.Property(b => b.SuspensionReason).HasMaxLength(1000);
        builder.Ignore(b => b.DisplayName);
        builder.HasIndex(b => new { b.Status, b.SubmittedAt });
        builder.HasIndex(b => b.SupplierId);
    }
}

internal sealed class BrandAssessmentConfiguration : IEntityTypeConfiguration<BrandAssessment>
{
    public void Configure(EntityTypeBuilder<BrandAssessment> builder)
    {
        builder.HasOne<Brand>().WithMany().HasForeignKey(a => a.BrandId);
        foreach (var comment in new[] { nameof(BrandAssessment.GoodsComment), nameof(BrandAssessment.ServiceComment), nameof(BrandAssessment.MarketingComment), nameof(BrandAssessment.IncentivesComment), nameof(BrandAssessment.DeliveryComment) })
        {
            builder.Property(comment).HasMaxLength(1000);
        }
        builder.Ignore(a => a.Scores);
        builder.Ignore(a => a.IsApprovalRecommended);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasOne<Brand>().WithMany().HasForeignKey(p => p.BrandId);
        builder.Property(p => p.SkuCode).HasMaxLength(Product.SkuMaxLength);
        builder.HasIndex(p => p.SkuCode).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(Product.NameMaxLength);
        builder.Ignore(p => p.ListPrice);
        builder.Ignore(p => p.IsSelectable);
        builder.OwnsOne(p => p.Score, score =>
        {
            score.Property(s => s.Quality).HasColumnName("ScoreQuality");
            score.Property(s => s.Price).HasColumnName("ScorePrice");
            score.Property(s => s.Brand).HasColumnName("ScoreBrand");
            score.Property(s => s.Structure).HasColumnName("ScoreStructure");
            score.Property(s => s.Style).HasColumnName("ScoreStyle");
            score.Property(s => s.PriceOverrideReason).HasColumnName("ScorePriceOverrideReason").HasMaxLength(500);
            score.Ignore(s => s.IsSelectable);
        });
    }
}

internal sealed class BrandDocumentConfiguration : IEntityTypeConfiguration<BrandDocument>
{
    public void Configure(EntityTypeBuilder<BrandDocument> builder)
    {
        builder.HasOne<Brand>().WithMany().HasForeignKey(d => d.BrandId);
        builder.Property(d => d.Title).HasMaxLength(BrandDocument.TitleMaxLength);
        builder.Property(d => d.FileName).HasMaxLength(BrandDocument.FileNameMaxLength);
        builder.Property(d => d.ContentType).HasMaxLength(40);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => new { d.BrandId, d.ExpiresOn });
    }
}
