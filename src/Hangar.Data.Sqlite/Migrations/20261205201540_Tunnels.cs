using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Tunnels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tunnels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    device_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    device_port = table.Column<int>(type: "INTEGER", nullable: false),
                    cidr_allowlist = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    close_reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    close_message = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    bytes_to_device = table.Column<long>(type: "INTEGER", nullable: false),
                    bytes_from_device = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tunnels", x => x.id);
                    table.ForeignKey(
                        name: "fk_tunnels_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tunnels_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tunnels_device_id",
                table: "tunnels",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_tunnels_organization_id_id",
                table: "tunnels",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tunnels_state_expires_at",
                table: "tunnels",
                columns: new[] { "state", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tunnels");
        }
    }
}
