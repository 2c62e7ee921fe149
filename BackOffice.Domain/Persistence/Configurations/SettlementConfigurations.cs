using BackOffice.Domain.Orders;
using BackOffice.Domain.Settlement;
using BackOffice.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class SettlementEntryConfiguration : IEntityTypeConfiguration<SettlementEntry>
{
    public void Configure(EntityTypeBuilder<SettlementEntry> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(e => e.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.SupplierId, e.BookedMonth, e.StatementId });
        builder.HasIndex(e => e.OrderLineId);
        builder.HasIndex(e => e.StatementId);
        builder.HasIndex(e => e.SaleId);
    }
}

internal sealed class LineSettlementConfiguration : IEntityTypeConfiguration<LineSettlement>
{
    public void Configure(EntityTypeBuilder<LineSettlement> builder)
    {
        builder.HasKey(l => l.OrderLineId);
        builder.Property(l => l.OrderLineId).ValueGeneratedNever();
        builder.HasOne<OrderLine>().WithOne().HasForeignKey<LineSettlement>(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AdjustmentConfiguration : IEntityTypeConfiguration<Adjustment>
{
    public void Configure(EntityTypeBuilder<Adjustment> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Reason).HasMaxLength(Adjustment.ReasonMaxLength);
        builder.Property(a => a.RejectReason).HasMaxLength(Adjustment.ReasonMaxLength);
        builder.Property(a => a.MakerId).HasMaxLength(64);
        builder.Property(a => a.CheckerId).HasMaxLength(64);
        builder.HasIndex(a => new { a.Status, a.MadeAt });
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Number).HasMaxLength(Statement.NumberMaxLength);
        builder.HasIndex(s => s.Number).IsUnique();
        builder.HasIndex(s => new { s.SupplierId, s.Month, s.Version }).IsUnique();
        builder.HasIndex(s => new { s.Month, s.Status });
        builder.Property(s => s.IssuedBy).HasMaxLength(64);
        builder.Property(s => s.PaidBy).HasMaxLength(64);
        builder.Property(s => s.PaymentReference).HasMaxLength(100);
        builder.Property(s => s.VersionReason).HasMaxLength(1000);
        builder.Property(s => s.JsonSha256).HasMaxLength(64);
        builder.Property(s => s.XlsxSha256).HasMaxLength(64);
        builder.Property(s => s.PdfSha256).HasMaxLength(64);
        builder.Ignore(s => s.TotalFen);
        builder.Ignore(s => s.Figures);
        builder.Ignore(s => s.IsFrozen);
    }
}

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.HasOne<Statement>().WithMany().HasForeignKey(d => d.StatementId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.EntryIds).HasMaxLength(4000);
        builder.Property(d => d.Note).HasMaxLength(Dispute.NoteMaxLength);
        builder.Property(d => d.Resolution).HasMaxLength(1000);
        builder.Property(d => d.RaisedBy).HasMaxLength(64);
        builder.Ignore(d => d.EntryIdList);
        builder.HasIndex(d => new { d.StatementId, d.Status });
    }
}
