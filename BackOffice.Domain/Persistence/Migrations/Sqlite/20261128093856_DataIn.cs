using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailySales",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BrandId = table.Column<int>(type: "INTEGER", nullable: false),
                    Province = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GmvFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Items = table.Column<long>(type: "INTEGER", nullable: false),
                    CommissionFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Orders = table.Column<long>(type: "INTEGER", nullable: false),
                    Lines = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailySales", x => new { x.Day, x.BrandId, x.Province });
                });

            migrationBuilder.CreateTable(
                name: "ShopkeeperDailySales",
                columns: table => new
                {
                    ShopkeeperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BrandId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GmvFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Items = table.Column<long>(type: "INTEGER", nullable: false),
                    CommissionFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Orders = table.Column<long>(type: "INTEGER", nullable: false),
                    Lines = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopkeeperDailySales", x => new { x.ShopkeeperId, x.Day, x.BrandId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_OrderId",
                table: "OrderLines",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_BrandId_Day",
                table: "ShopkeeperDailySales",
                columns: new[] { "BrandId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperDailySales_Day_ShopkeeperId",
                table: "ShopkeeperDailySales",
                columns: new[] { "Day", "ShopkeeperId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "DailySales");

            migrationBuilder.DropTable(
                name: "ShopkeeperDailySales");

            migrationBuilder.DropIndex(
                name: "IX_OrderLines_OrderId",
                table: "OrderLines");
        }
    }
}
