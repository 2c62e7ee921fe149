using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ShopkeeperAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ShopkeeperMonthlySales",
                columns: table => new
                {
                    ShopkeeperId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    GmvFen = table.Column<long>(type: "bigint", nullable: false),
                    RefundFen = table.Column<long>(type: "bigint", nullable: false),
                    Orders = table.Column<long>(type: "bigint", nullable: false),
                    Lines = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopkeeperMonthlySales", x => new { x.ShopkeeperId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ShopkeeperSegmentSpells",
                columns: table => new
                {
                    ShopkeeperId = table.Column<int>(type: "int", nullable: false),
                    FromDay = table.Column<DateOnly>(type: "date", nullable: false),
                    ToDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Segment = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopkeeperSegmentSpells", x => new { x.ShopkeeperId, x.FromDay });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperMonthlySales_Month_ShopkeeperId_GmvFen_RefundFen",
                table: "ShopkeeperMonthlySales",
                columns: new[] { "Month", "ShopkeeperId", "GmvFen", "RefundFen" });

            migrationBuilder.CreateIndex(
                name: "IX_ShopkeeperSegmentSpells_ShopkeeperId_FromDay_ToDay_Segment",
                table: "ShopkeeperSegmentSpells",
                columns: new[] { "ShopkeeperId", "FromDay", "ToDay", "Segment" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShopkeeperMonthlySales");

            migrationBuilder.DropTable(
                name: "ShopkeeperSegmentSpells");
        }
    }
}
