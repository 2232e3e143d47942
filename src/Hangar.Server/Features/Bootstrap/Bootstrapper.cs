using System.Security.Cryptography;
using Hangar.Core.Access;
using Hangar.Data;
using Hangar.Data.Access;
using Hangar.Data.Organizations;
using Hangar.Data.System;
using Hangar.Server.Features.Access;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hangar.Server.Features.Bootstrap;

/// <summary>
/// On the first start of an installation, creates the bootstrap organization, its owner and a first API key, and
/// prints the owner's password and the key once. A marker row makes it happen exactly once, even when several
/// nodes start together against one PostgreSQL database.
/// </summary>
internal sealed class Bootstrapper(
    IServiceProvider services,
    IOptions<BootstrapOptions> options,
    BootstrapOutput output,
    TimeProvider time,
    ILogger<Bootstrapper> logger) : IHostedService
{
    private const string MarkerKey = "bootstrap.completed";
    private const string PasswordAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HangarDbContext>();
        if (await db.SystemSettings.AnyAsync(s => s.Key == MarkerKey, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 24);
        var organization = new Organization { Id = Guid.CreateVersion7(now), Name = settings.OrganizationName, CreatedAt = now, UpdatedAt = now };
        var ownerEmail = settings.OwnerEmail.ToLowerInvariant();
        var owner = await db.Users.SingleOrDefaultAsync(u => u.Email == ownerEmail, cancellationToken);
        var newOwner = owner is null;
        owner ??= new User
        {
            Id = Guid.CreateVersion7(now),
            Email = ownerEmail,
            Name = settings.OwnerName,
            PasswordHash = scope.ServiceProvider.GetRequiredService<PasswordHasher>().Hash(password),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var (key, secret) = ApiKeyFactory.Create(organization.Id, owner.Id, "bootstrap key", Role.Owner, null, now);

        db.Organizations.Add(organization);
        if (newOwner)
        {
            db.Users.Add(owner);
        }

        db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(now), OrganizationId = organization.Id, UserId = owner.Id, Role = Role.Owner, CreatedAt = now, UpdatedAt = now });
        db.ApiKeys.Add(key);
        db.SystemSettings.Add(new SystemSetting { Key = MarkerKey, Value = organization.Id.ToString(), UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            logger.LogInformation("Another node bootstrapped this installation first");
            return;
        }

        logger.LogInformation("Bootstrapped organization {OrganizationId} with owner {OwnerEmail}", organization.Id, owner.Email);
        await PrintAsync(organization, owner.Email, newOwner ? password : null, secret);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintAsync(Organization organization, string email, string? password, string apiKey)
    {
        var writer = output.Writer;
        await writer.WriteLineAsync("""

            ================================================================
             Hangar is set up. These credentials are shown ONCE; store them.
            ================================================================
            """);
        await writer.WriteLineAsync($" organization: {organization.Name} ({organization.Id})");
        await writer.WriteLineAsync($" owner email:  {email}");
        await writer.WriteLineAsync(password is null ? " owner password: (unchanged: the user already existed)" : $" owner password: {password}");
        await writer.WriteLineAsync($" api key:      {apiKey}");
        await writer.WriteLineAsync("================================================================\n");
        await writer.FlushAsync();
    }
}
