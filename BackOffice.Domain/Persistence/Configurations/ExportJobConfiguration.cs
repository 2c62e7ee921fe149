using BackOffice.Domain.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.OwnerId).HasMaxLength(64);
        builder.Property(j => j.Instance).HasMaxLength(128);
        builder.Property(j => j.Kind).HasMaxLength(64);
        builder.Property(j => j.ParametersJson).HasMaxLength(4000);
        builder.Property(j => j.Error).HasMaxLength(1000);
        builder.Property(j => j.Sha256).HasMaxLength(64);
        builder.Ignore(j => j.IsFinished);
        builder.HasIndex(j => new { j.OwnerId, j.CreatedAt });
        builder.HasIndex(j => new { j.Instance, j.Status });
        builder.HasIndex(j => j.ExpiresAt);
    }
}
