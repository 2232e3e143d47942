using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hangar.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Telemetry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "device_heartbeats",
                columns: table => new
                {
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    document = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_heartbeats", x => x.device_id);
                    table.ForeignKey(
                        name: "fk_device_heartbeats_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_heartbeats_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "leases",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    holder = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leases", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "telemetry_series",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    labels = table.Column<string>(type: "character varying(8192)", maxLength: 8192, nullable: false),
                    unit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telemetry_series", x => x.id);
                    table.ForeignKey(
                        name: "fk_telemetry_series_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_telemetry_series_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "telemetry_points",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    series_id = table.Column<long>(type: "bigint", nullable: false),
                    time = table.Column<long>(type: "bigint", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    received_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telemetry_points", x => x.id);
                    table.ForeignKey(
                        name: "fk_telemetry_points_telemetry_series_series_id",
                        column: x => x.series_id,
                        principalTable: "telemetry_series",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "telemetry_rollups",
                columns: table => new
                {
                    series_id = table.Column<long>(type: "bigint", nullable: false),
                    resolution = table.Column<int>(type: "integer", nullable: false),
                    bucket = table.Column<long>(type: "bigint", nullable: false),
                    min = table.Column<double>(type: "double precision", nullable: false),
                    max = table.Column<double>(type: "double precision", nullable: false),
                    sum = table.Column<double>(type: "double precision", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    last = table.Column<double>(type: "double precision", nullable: false),
                    last_time = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telemetry_rollups", x => new { x.series_id, x.resolution, x.bucket });
                    table.ForeignKey(
                        name: "fk_telemetry_rollups_telemetry_series_series_id",
                        column: x => x.series_id,
                        principalTable: "telemetry_series",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_device_heartbeats_organization_id",
                table: "device_heartbeats",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_points_received_at",
                table: "telemetry_points",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_points_series_id_time",
                table: "telemetry_points",
                columns: new[] { "series_id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_rollups_resolution_bucket",
                table: "telemetry_rollups",
                columns: new[] { "resolution", "bucket" });

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_series_device_id_name_labels",
                table: "telemetry_series",
                columns: new[] { "device_id", "name", "labels" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_series_organization_id_name",
                table: "telemetry_series",
                columns: new[] { "organization_id", "name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "device_heartbeats");

            migrationBuilder.DropTable(
                name: "leases");

            migrationBuilder.DropTable(
                name: "telemetry_points");

            migrationBuilder.DropTable(
                name: "telemetry_rollups");

            migrationBuilder.DropTable(
                name: "telemetry_series");
        }
    }
}
