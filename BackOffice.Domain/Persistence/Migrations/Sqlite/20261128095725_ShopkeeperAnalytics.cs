using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.Sqlite
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
                    ShopkeeperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GmvFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Orders = table.Column<long>(type: "INTEGER", nullable: false),
                    Lines = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShopkeeperMonthlySales", x => new { x.ShopkeeperId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ShopkeeperSegmentSpells",
                columns: table => new
                {
                    ShopkeeperId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
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
