using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperMonthlySales_Month_ShopkeeperId_GmvFen_RefundFen",
                table: "ShopkeeperMonthlySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_BrandId_Day",
                table: "ShopkeeperDailySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_Day_ShopkeeperId",
                table: "ShopkeeperDailySales");

            migrationBuilder.AddColumn<long>(
                name: "CommissionFen",
                table: "ShopkeeperMonthlySales",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Province",
                table: "ShopkeeperMonthlySales",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Province",
                table: "ShopkeeperDailySales",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Month_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Month", "ShopkeeperId", "GmvFen", "RefundFen", "Orders", "CommissionFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Province_Month_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Province", "Month", "ShopkeeperId", "GmvFen", "RefundFen", "Orders", "CommissionFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_BrandId_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales",
                columns: new[] { "BrandId", "Day", "ShopkeeperId", "GmvFen", "RefundFen", "Orders", "CommissionFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_Category_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales",
                columns: new[] { "Category", "Day", "ShopkeeperId", "GmvFen", "RefundFen", "Orders", "CommissionFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales",
                columns: new[] { "Day", "ShopkeeperId", "GmvFen", "RefundFen", "Orders", "CommissionFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_Province_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales",
                columns: new[] { "Province", "Day", "ShopkeeperId", "GmvFen", "RefundFen", "Orders", "CommissionFen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperMonthlySales_Month_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperMonthlySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperMonthlySales_Province_Month_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperMonthlySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_BrandId_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_Category_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_Province_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales");

            migrationBuilder.DropColumn(
                name: "CommissionFen",
                table: "ShopkeeperMonthlySales");

            migrationBuilder.DropColumn(
                name: "Province",
                table: "ShopkeeperMonthlySales");

            migrationBuilder.DropColumn(
                name: "Province",
                table: "ShopkeeperDailySales");

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Month_ShopkeeperId_GmvFen_RefundFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Month", "ShopkeeperId", "GmvFen", "RefundFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_BrandId_Day",
                table: "ShopkeeperDailySales",
                columns: new[] { "BrandId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_Day_ShopkeeperId",
                table: "ShopkeeperDailySales",
                columns: new[] { "Day", "ShopkeeperId" });
        }
    }
}
