using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hangar.Data.Sqlite;

/// <summary>Used only by <c>dotnet ef</c> to build the model when adding a migration.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<HangarDbContext>
{
    public HangarDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<HangarDbContext>();
        builder.UseHangarSqlite("Data Source=design-time.db");
        return new HangarDbContext(builder.Options);
    }
}
