using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DdiTargetsAndGatewayTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ddi_gateway_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_used_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ddi_gateway_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_ddi_gateway_tokens_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ddi_gateway_tokens_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ddi_targets",
                columns: table => new
                {
                    device_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organization_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    token_created_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    token_last_used_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attributes = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    attributes_updated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attributes_requested = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ddi_targets", x => x.device_id);
                    table.ForeignKey(
                        name: "fk_ddi_targets_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ddi_targets_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ddi_gateway_tokens_created_by",
                table: "ddi_gateway_tokens",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_ddi_gateway_tokens_organization_id_id",
                table: "ddi_gateway_tokens",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ddi_gateway_tokens_token_hash",
                table: "ddi_gateway_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ddi_targets_organization_id",
                table: "ddi_targets",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_ddi_targets_token_hash",
                table: "ddi_targets",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ddi_gateway_tokens");

            migrationBuilder.DropTable(
                name: "ddi_targets");
        }
    }
}
