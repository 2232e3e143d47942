using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hangar.Data.Postgres;

/// <summary>Used only by <c>dotnet ef</c> to build the model when adding a migration; it never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<HangarDbContext>
{
    public HangarDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<HangarDbContext>();
        builder.UseHangarPostgres("Host=localhost;Database=hangar_design");
        return new HangarDbContext(builder.Options);
    }
}
