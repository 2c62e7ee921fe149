using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SalesPacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShopkeeperCategoryMonthlySales");

            migrationBuilder.DropTable(
                name: "ShopkeeperMonthlySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_Category_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_Province_Day_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperDailySales");

            migrationBuilder.CreateTable(
                name: "ShopkeeperSalesPacks",
                columns: table => new
                {
                    Span = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Shopkeepers = table.Column<int>(type: "int", nullable: false),
                    GmvFen = table.Column<long>(type: "bigint", nullable: false),
                    RefundFen = table.Column<long>(type: "bigint", nullable: false),
                    Items = table.Column<long>(type: "bigint", nullable: false),
                    Data = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopkeeperSalesPacks", x => new { x.Span, x.Category, x.Start });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_Day",
                table: "ShopkeeperDailySales",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShopkeeperSalesPacks");

            migrationBuilder.DropIndex(
                name: "IX_ShopkeeperDailySales_Day",
                table: "ShopkeeperDailySales");

            migrationBuilder.CreateTable(
                name: "ShopkeeperCategoryMonthlySales",
                columns: table => new
                {
                    ShopkeeperId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CommissionFen = table.Column<long>(type: "bigint", nullable: false),
                    GmvFen = table.Column<long>(type: "bigint", nullable: false),
                    Lines = table.Column<long>(type: "bigint", nullable: false),
                    Orders = table.Column<long>(type: "bigint", nullable: false),
                    Province = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RefundFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopkeeperCategoryMonthlySales", x => new { x.ShopkeeperId, x.Month, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "ShopkeeperMonthlySales",
                columns: table => new
                {
                    ShopkeeperId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    CommissionFen = table.Column<long>(type: "bigint", nullable: false),
                    GmvFen = table.Column<long>(type: "bigint", nullable: false),
                    Lines = table.Column<long>(type: "bigint", nullable: false),
                    Orders = table.Column<long>(type: "bigint", nullable: false),
                    Province = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RefundFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopkeeperMonthlySales", x => new { x.ShopkeeperId, x.Month });
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperCategoryMonthlySales_Category_Month_ShopkeeperId_Province_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperCategoryMonthlySales",
                columns: new[] { "Category", "Month", "ShopkeeperId", "Province", "GmvFen", "RefundFen", "Orders", "CommissionFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Month_GmvFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Month", "GmvFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Month_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Month", "ShopkeeperId", "GmvFen", "RefundFen", "Orders", "CommissionFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Province_Month_GmvFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Province", "Month", "GmvFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Province_Month_ShopkeeperId_GmvFen_RefundFen_Orders_CommissionFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Province", "Month", "ShopkeeperId", "GmvFen", "RefundFen", "Orders", "CommissionFen" });
        }
    }
}
