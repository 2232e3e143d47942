using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hangar.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DevicePresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "connected_at",
                table: "devices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_seen_at",
                table: "devices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "online",
                table: "devices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "presence_node",
                table: "devices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "remote_address",
                table: "devices",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_devices_online_last_seen_at",
                table: "devices",
                columns: new[] { "online", "last_seen_at" });

            migrationBuilder.CreateIndex(
                name: "ix_devices_product_id_cohort_id_online",
                table: "devices",
                columns: new[] { "product_id", "cohort_id", "online" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_devices_online_last_seen_at",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_product_id_cohort_id_online",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "connected_at",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "last_seen_at",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "online",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "presence_node",
                table: "devices");

            migrationBuilder.DropColumn(
                name: "remote_address",
                table: "devices");
        }
    }
}
