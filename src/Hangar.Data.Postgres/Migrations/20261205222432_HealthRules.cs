using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HealthRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "healthy",
                table: "devices",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "health_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    metric = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    labels = table.Column<string>(type: "character varying(8192)", maxLength: 8192, nullable: false),
                    aggregation = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    @operator = table.Column<string>(name: "operator", type: "character varying(4)", maxLength: 4, nullable: true),
                    threshold = table.Column<double>(type: "double precision", nullable: true),
                    window_seconds = table.Column<int>(type: "integer", nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_health_rules_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_health_rules_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "device_health_failures",
                columns: table => new
                {
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_health_failures", x => new { x.device_id, x.rule_id });
                    table.ForeignKey(
                        name: "fk_device_health_failures_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_health_failures_health_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "health_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_health_failures_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_device_health_failures_organization_id",
                table: "device_health_failures",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_health_failures_rule_id",
                table: "device_health_failures",
                column: "rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_health_rules_organization_id_product_id_name",
                table: "health_rules",
                columns: new[] { "organization_id", "product_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_health_rules_product_id",
                table: "health_rules",
                column: "product_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "device_health_failures");

            migrationBuilder.DropTable(
                name: "health_rules");

            migrationBuilder.DropColumn(
                name: "healthy",
                table: "devices");
        }
    }
}
