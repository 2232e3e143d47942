using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DevicesAndIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ca_verification_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ca_verification_codes", x => x.id);
                    table.ForeignKey(
                        name: "fk_ca_verification_codes_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    archived = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                    table.ForeignKey(
                        name: "fk_products_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cohorts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohorts", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohorts_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cohorts_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ca_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    spki_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    issuer = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    not_before = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    not_after = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    pem = table.Column<string>(type: "character varying(16384)", maxLength: 16384, nullable: false),
                    chain_pem = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    jitp_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    jitp_product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    jitp_cohort_id = table.Column<Guid>(type: "uuid", nullable: true),
                    jitp_tags = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    jitp_target = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    jitp_description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ca_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_ca_certificates_cohorts_jitp_cohort_id",
                        column: x => x.jitp_cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ca_certificates_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ca_certificates_products_jitp_product_id",
                        column: x => x.jitp_product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "devices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identifier = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: true),
                    target = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    quarantined = table.Column<bool>(type: "boolean", nullable: false),
                    last_connected_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reported_release_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reported_bundle_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reported_release_version = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_devices", x => x.id);
                    table.ForeignKey(
                        name: "fk_devices_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_devices_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_devices_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "device_certificates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    spki_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    issuer = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    not_before = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    not_after = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    pem = table.Column<string>(type: "character varying(16384)", maxLength: 16384, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ca_certificate_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_device_certificates_ca_certificates_ca_certificate_id",
                        column: x => x.ca_certificate_id,
                        principalTable: "ca_certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_device_certificates_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_certificates_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "device_tags",
                columns: table => new
                {
                    device_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_tags", x => new { x.device_id, x.value });
                    table.ForeignKey(
                        name: "fk_device_tags_devices_device_id",
                        column: x => x.device_id,
                        principalTable: "devices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_device_tags_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ca_certificates_jitp_cohort_id",
                table: "ca_certificates",
                column: "jitp_cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_ca_certificates_jitp_product_id",
                table: "ca_certificates",
                column: "jitp_product_id");

            migrationBuilder.CreateIndex(
                name: "ix_ca_certificates_organization_id",
                table: "ca_certificates",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_ca_certificates_spki_hash",
                table: "ca_certificates",
                column: "spki_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ca_certificates_subject",
                table: "ca_certificates",
                column: "subject");

            migrationBuilder.CreateIndex(
                name: "ix_ca_verification_codes_code_hash",
                table: "ca_verification_codes",
                column: "code_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ca_verification_codes_organization_id",
                table: "ca_verification_codes",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_organization_id_product_id_name",
                table: "cohorts",
                columns: new[] { "organization_id", "product_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_product_id",
                table: "cohorts",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_certificates_ca_certificate_id",
                table: "device_certificates",
                column: "ca_certificate_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_certificates_device_id",
                table: "device_certificates",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_certificates_fingerprint",
                table: "device_certificates",
                column: "fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_device_certificates_organization_id",
                table: "device_certificates",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_tags_organization_id_value",
                table: "device_tags",
                columns: new[] { "organization_id", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_devices_cohort_id",
                table: "devices",
                column: "cohort_id");

            migrationBuilder.CreateIndex(
                name: "ix_devices_organization_id_identifier",
                table: "devices",
                columns: new[] { "organization_id", "identifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_devices_product_id",
                table: "devices",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_products_organization_id_name",
                table: "products",
                columns: new[] { "organization_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ca_verification_codes");

            migrationBuilder.DropTable(
                name: "device_certificates");

            migrationBuilder.DropTable(
                name: "device_tags");

            migrationBuilder.DropTable(
                name: "ca_certificates");

            migrationBuilder.DropTable(
                name: "devices");

            migrationBuilder.DropTable(
                name: "cohorts");

            migrationBuilder.DropTable(
                name: "products");
        }
    }
}
