using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BackOffice.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExportInstance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Instance",
                table: "ExportJobs",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ExportJobs_Instance_Status",
                table: "ExportJobs",
                columns: new[] { "Instance", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExportJobs_Instance_Status",
                table: "ExportJobs");

            migrationBuilder.DropColumn(
                name: "Instance",
                table: "ExportJobs");
        }
    }
}
