using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OrderLinesColumnstore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF has no columnstore mapping: large installations scan order lines (aggregate rebuilds,
            // reference queries) through a nonclustered columnstore index. SQL Server only.
            migrationBuilder.Sql(
                "CREATE NONCLUSTERED COLUMNSTORE INDEX [IX_OrderLines_Columnstore] ON [OrderLines] " +
                "([OrderedOn], [BrandId], [Category], [ShopkeeperId], [SaleId], [OrderId], [Quantity], [PaidFen], [RefundFen], [ShopkeeperCommissionFen]);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX [IX_OrderLines_Columnstore] ON [OrderLines];");
        }
    }
}
