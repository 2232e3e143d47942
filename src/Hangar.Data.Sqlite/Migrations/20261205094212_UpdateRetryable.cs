using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UpdateRetryable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "retryable",
                table: "device_updates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "retryable",
                table: "device_updates");
        }
    }
}
