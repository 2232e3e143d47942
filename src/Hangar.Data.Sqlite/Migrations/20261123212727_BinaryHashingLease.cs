using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BinaryHashingLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "hashing_lease_expires_at",
                table: "binaries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "hashing_lease_owner",
                table: "binaries",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "hashing_lease_expires_at",
                table: "binaries");

            migrationBuilder.DropColumn(
                name: "hashing_lease_owner",
                table: "binaries");
        }
    }
}
