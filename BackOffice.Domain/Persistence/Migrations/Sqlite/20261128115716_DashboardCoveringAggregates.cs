using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardCoveringAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DailySales_BrandId_Day",
                table: "DailySales");

            migrationBuilder.DropIndex(
                name: "IX_DailySales_Category_Day",
                table: "DailySales");

            migrationBuilder.DropIndex(
                name: "IX_DailySales_Province_Day",
                table: "DailySales");

            migrationBuilder.CreateTable(
                name: "ShopkeeperCategoryMonthlySales",
                columns: table => new
                {
                    ShopkeeperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GmvFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CommissionFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Orders = table.Column<long>(type: "INTEGER", nullable: false),
                    Lines = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopkeeperCategoryMonthlySales", x => new { x.ShopkeeperId, x.Month, x.Category });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailySales_BrandId_Day_Province_Category_GmvFen_RefundFen_Items_CommissionFen_Orders",
                table: "DailySales",
                columns: new[] { "BrandId", "Day", "Province", "Category", "GmvFen", "RefundFen", "Items", "CommissionFen", "Orders" });

            migrationBuilder.CreateIndex(
                name: "IX_DailySales_Category_Day_Province_BrandId_GmvFen_RefundFen_Items_CommissionFen_Orders",
                table: "DailySales",
                columns: new[] { "Category", "Day", "Province", "BrandId", "GmvFen", "RefundFen", "Items", "CommissionFen", "Orders" });

            migrationBuilder.CreateIndex(
                name: "IX_DailySales_Day_Province_Category_BrandId_GmvFen_RefundFen_Items_CommissionFen_Orders",
                table: "DailySales",
                columns: new[] { "Day", "Province", "Category", "BrandId", "GmvFen", "RefundFen", "Items", "CommissionFen", "Orders" });

            migrationBuilder.CreateIndex(
                name: "IX_DailySales_Province_Day_Category_BrandId_GmvFen_RefundFen_Items_CommissionFen_Orders",
                table: "DailySales",
                columns: new[] { "Province", "Day", "Category", "BrandId", "GmvFen", "RefundFen", "Items", "CommissionFen", "Orders" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperCategoryMonthlySales_Category_Month_ShopkeeperId_Province_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperCategoryMonthlySales",
                columns: new[] { "Category", "Month", "ShopkeeperId", "Province", "GmvFen", "RefundFen", "Orders", "CommissionFen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShopkeeperCategoryMonthlySales");

            migrationBuilder.DropIndex(
                name: "IX_DailySales_BrandId_Day_Province_Category_GmvFen_RefundFen_Items_CommissionFen_Orders",
                table: "DailySales");

            migrationBuilder.DropIndex(
                name: "IX_DailySales_Category_Day_Province_BrandId_GmvFen_RefundFen_Items_CommissionFen_Orders",
                table: "DailySales");

            migrationBuilder.DropIndex(
                name: "IX_DailySales_Day_Province_Category_BrandId_GmvFen_RefundFen_Items_CommissionFen_Orders",
                table: "DailySales");

            migrationBuilder.DropIndex(
                name: "IX_DailySales_Province_Day_Category_BrandId_GmvFen_RefundFen_Items_CommissionFen_Orders",
                table: "DailySales");

            migrationBuilder.CreateIndex(
                name: "IX_DailySales_BrandId_Day",
                table: "DailySales",
                columns: new[] { "BrandId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_DailySales_Category_Day",
                table: "DailySales",
                columns: new[] { "Category", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_DailySales_Province_Day",
                table: "DailySales",
                columns: new[] { "Province", "Day" });
        }
    }
}
