using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Releases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "release_graph_stamp",
                table: "cohorts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "bundle_overrides",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    bundle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bundle_overrides", x => x.id);
                    table.ForeignKey(
                        name: "fk_bundle_overrides_bundles_bundle_id",
                        column: x => x.bundle_id,
                        principalTable: "bundles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bundle_overrides_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "releases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    bundle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    next_release_id = table.Column<Guid>(type: "uuid", nullable: true),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    disabled = table.Column<bool>(type: "boolean", nullable: false),
                    schedule_date = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    phase_mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    phase_value = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    phase_tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    phase_claim_count = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    version_requirement = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    halt_failure_rate = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    halt_minimum_devices = table.Column<int>(type: "integer", nullable: true),
                    halted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    halt_reason = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    rollback_of_release_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_releases", x => x.id);
                    table.ForeignKey(
                        name: "fk_releases_bundles_bundle_id",
                        column: x => x.bundle_id,
                        principalTable: "bundles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_releases_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_releases_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_releases_releases_next_release_id",
                        column: x => x.next_release_id,
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_releases_releases_rollback_of_release_id",
                        column: x => x.rollback_of_release_id,
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "bundle_override_devices",
                columns: table => new
                {
                    bundle_override_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bundle_override_devices", x => new { x.bundle_override_id, x.device_id });
                    table.ForeignKey(
                        name: "fk_bundle_override_devices_bundle_overrides_bundle_override_id",
                        column: x => x.bundle_override_id,
                        principalTable: "bundle_overrides",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bundle_override_devices_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bundle_override_devices_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "device_updates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    release_id = table.Column<Guid>(type: "uuid", nullable: true),
                    bundle_override_id = table.Column<Guid>(type: "uuid", nullable: true),
                    bundle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: true),
                    log_tail = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    reason = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    offered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_device_updates_bundle_overrides_bundle_override_id",
                        column: x => x.bundle_override_id,
                        principalTable: "bundle_overrides",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_updates_bundles_bundle_id",
                        column: x => x.bundle_id,
                        principalTable: "bundles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_device_updates_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_updates_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_device_updates_releases_release_id",
                        column: x => x.release_id,
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "phase_claims",
                columns: table => new
                {
                    release_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claimed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_phase_claims", x => new { x.release_id, x.device_id });
                    table.ForeignKey(
                        name: "fk_phase_claims_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_phase_claims_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_phase_claims_releases_release_id",
                        column: x => x.release_id,
                        principalTable: "releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "device_update_reports",
                columns: table => new
                {
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_update_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    progress = table.Column<int>(type: "integer", nullable: true),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_update_reports", x => new { x.device_id, x.report_id });
                    table.ForeignKey(
                        name: "fk_device_update_reports_device_updates_device_update_id",
                        column: x => x.device_update_id,
                        principalTable: "device_updates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_update_reports_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_update_reports_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bundle_override_devices_device_id",
                table: "bundle_override_devices",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundle_override_devices_organization_id",
                table: "bundle_override_devices",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundle_overrides_bundle_id",
                table: "bundle_overrides",
                column: "bundle_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundle_overrides_organization_id_name",
                table: "bundle_overrides",
                columns: new[] { "organization_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_device_update_reports_device_update_id",
                table: "device_update_reports",
                column: "device_update_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_update_reports_organization_id",
                table: "device_update_reports",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_updates_bundle_id",
                table: "device_updates",
                column: "bundle_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_updates_bundle_override_id_state",
                table: "device_updates",
                columns: new[] { "bundle_override_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_device_updates_device_id_bundle_override_id",
                table: "device_updates",
                columns: new[] { "device_id", "bundle_override_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_device_updates_device_id_release_id",
                table: "device_updates",
                columns: new[] { "device_id", "release_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_device_updates_organization_id",
                table: "device_updates",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_updates_release_id_state",
                table: "device_updates",
                columns: new[] { "release_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_phase_claims_device_id",
                table: "phase_claims",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_phase_claims_organization_id",
                table: "phase_claims",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_releases_bundle_id",
                table: "releases",
                column: "bundle_id");

            migrationBuilder.CreateIndex(
                name: "ix_releases_cohort_id_name",
                table: "releases",
                columns: new[] { "cohort_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_releases_next_release_id",
                table: "releases",
                column: "next_release_id");

            migrationBuilder.CreateIndex(
                name: "ix_releases_organization_id_created_at",
                table: "releases",
                columns: new[] { "organization_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_releases_rollback_of_release_id",
                table: "releases",
                column: "rollback_of_release_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bundle_override_devices");

            migrationBuilder.DropTable(
                name: "device_update_reports");

            migrationBuilder.DropTable(
                name: "phase_claims");

            migrationBuilder.DropTable(
                name: "device_updates");

            migrationBuilder.DropTable(
                name: "bundle_overrides");

            migrationBuilder.DropTable(
                name: "releases");

            migrationBuilder.DropColumn(
                name: "release_graph_stamp",
                table: "cohorts");
        }
    }
}
