using BackOffice.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BackOffice.Domain.Persistence.Configurations;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(SupplierCode.MaxLength);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(Supplier.NameMaxLength);
        builder.HasIndex(s => s.Name);
        builder.Property(s => s.CreditCode).HasMaxLength(UnifiedSocialCreditCode.Length).IsFixedLength();
        builder.HasIndex(s => s.CreditCode).IsUnique();
        builder.OwnsOne(s => s.BankAccount, BankAccountColumns);
        builder.Navigation(s => s.BankAccount).IsRequired();
    }

    internal static void BankAccountColumns<TOwner>(OwnedNavigationBuilder<TOwner, BankAccount> account) where TOwner : class
    {
        account.Property(a => a.AccountName).HasColumnName("BankAccountName").HasMaxLength(100);
        account.Property(a => a.BankName).HasColumnName("BankName").HasMaxLength(100);
        account.Property(a => a.AccountNumber).HasColumnName("BankAccountNumber").HasMaxLength(40);
        account.Ignore(a => a.Masked);
    }
}

internal sealed class BankAccountChangeConfiguration : IEntityTypeConfiguration<BankAccountChange>
{
    public void Configure(EntityTypeBuilder<BankAccountChange> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(c => c.SupplierId);
        builder.OwnsOne(c => c.NewAccount, SupplierConfiguration.BankAccountColumns);
        builder.Navigation(c => c.NewAccount).IsRequired();
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex(c => c.Status);
    }
}
