using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConcentrationTrendIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Month_GmvFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Month", "GmvFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Province_Month_GmvFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Province", "Month", "GmvFen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperMonthlySales_Month_GmvFen",
                table: "ShopkeeperMonthlySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperMonthlySales_Province_Month_GmvFen",
                table: "ShopkeeperMonthlySales");
        }
    }
}
