using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Firmware : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "artifacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    custom_metadata = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_artifacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_artifacts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bundles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    hash = table.Column<string>(type: "character varying(71)", maxLength: 71, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bundles", x => x.id);
                    table.ForeignKey(
                        name: "fk_bundles_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    public_key = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signing_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_signing_keys_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "artifact_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    artifact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    custom_metadata = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_artifact_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_artifact_versions_artifacts_artifact_id",
                        column: x => x.artifact_id,
                        principalTable: "artifacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_artifact_versions_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "binaries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    artifact_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    custom_metadata = table.Column<string>(type: "text", nullable: true),
                    upload_generation = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_binaries", x => x.id);
                    table.ForeignKey(
                        name: "fk_binaries_artifact_versions_artifact_version_id",
                        column: x => x.artifact_version_id,
                        principalTable: "artifact_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_binaries_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "binary_parts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    binary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_binary_parts", x => x.id);
                    table.ForeignKey(
                        name: "fk_binary_parts_binaries_binary_id",
                        column: x => x.binary_id,
                        principalTable: "binaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "binary_signatures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    binary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signing_key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signature = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_binary_signatures", x => x.id);
                    table.ForeignKey(
                        name: "fk_binary_signatures_binaries_binary_id",
                        column: x => x.binary_id,
                        principalTable: "binaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_binary_signatures_signing_keys_signing_key_id",
                        column: x => x.signing_key_id,
                        principalTable: "signing_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bundle_entries",
                columns: table => new
                {
                    bundle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    binary_id = table.Column<Guid>(type: "uuid", nullable: false),
                    custom_metadata = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bundle_entries", x => new { x.bundle_id, x.position });
                    table.ForeignKey(
                        name: "fk_bundle_entries_binaries_binary_id",
                        column: x => x.binary_id,
                        principalTable: "binaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bundle_entries_bundles_bundle_id",
                        column: x => x.bundle_id,
                        principalTable: "bundles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_artifact_versions_artifact_id_version",
                table: "artifact_versions",
                columns: new[] { "artifact_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_artifact_versions_organization_id_id",
                table: "artifact_versions",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_artifacts_organization_id_name",
                table: "artifacts",
                columns: new[] { "organization_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_binaries_artifact_version_id_target",
                table: "binaries",
                columns: new[] { "artifact_version_id", "target" },
                unique: true,
                filter: "state <> 'destroyed'");

            migrationBuilder.CreateIndex(
                name: "ix_binaries_organization_id",
                table: "binaries",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_binaries_sha256",
                table: "binaries",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_binaries_state",
                table: "binaries",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ix_binary_parts_binary_id_index",
                table: "binary_parts",
                columns: new[] { "binary_id", "index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_binary_signatures_binary_id_signing_key_id",
                table: "binary_signatures",
                columns: new[] { "binary_id", "signing_key_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_binary_signatures_signing_key_id",
                table: "binary_signatures",
                column: "signing_key_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundle_entries_binary_id",
                table: "bundle_entries",
                column: "binary_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundles_organization_id_hash",
                table: "bundles",
                columns: new[] { "organization_id", "hash" });

            migrationBuilder.CreateIndex(
                name: "ix_signing_keys_organization_id_key_id",
                table: "signing_keys",
                columns: new[] { "organization_id", "key_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signing_keys_organization_id_name",
                table: "signing_keys",
                columns: new[] { "organization_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "binary_parts");

            migrationBuilder.DropTable(
                name: "binary_signatures");

            migrationBuilder.DropTable(
                name: "bundle_entries");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "binaries");

            migrationBuilder.DropTable(
                name: "bundles");

            migrationBuilder.DropTable(
                name: "artifact_versions");

            migrationBuilder.DropTable(
                name: "artifacts");
        }
    }
}
