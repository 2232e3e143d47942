using Hangar.Data;
using Hangar.Data.System;
using Hangar.Server.Hosting.Database;
using Microsoft.EntityFrameworkCore;

namespace Hangar.Server.Hosting.Secrets;

/// <summary>
/// Key material shared by every node through the database, sealed by the <see cref="KeyEncryptionKey"/>. Creating
/// is first-writer-wins: the name is the primary key, so of two nodes creating one secret at once the second insert
/// fails and that node reads the first one's value. Synchronous on purpose: its callers (the TLS handshake's
/// certificate, the data-protection key ring, a constructor) are, and each reads a secret rarely.
/// </summary>
internal sealed class ServerSecrets(IServiceScopeFactory scopes, KeyEncryptionKey key, TimeProvider time)
{
    /// <summary>The secret's value, or null when no node has stored it yet.</summary>
    public byte[]? Find(string name)
    {
        using var scope = scopes.CreateScope();
        var row = Db(scope).ServerSecrets.AsNoTracking().SingleOrDefault(s => s.Name == name);
        return row is null ? null : Unseal(row);
    }

    /// <summary>The stored value, or <paramref name="create"/>'s when there is none yet and this node's insert wins.</summary>
    public byte[] GetOrAdd(string name, Func<byte[]> create)
    {
        if (Find(name) is { } existing)
        {
            return existing;
        }

        var value = create();
        return TryAdd(name, value) ? value : Find(name) ?? throw new InvalidOperationException($"The secret {name} vanished while it was being created.");
    }

    /// <summary>False when the secret exists already (then nothing is written).</summary>
    public bool TryAdd(string name, byte[] value)
    {
        using var scope = scopes.CreateScope();
        var db = Db(scope);
        var now = time.GetUtcNow().UtcDateTime;
        db.ServerSecrets.Add(new ServerSecret { Name = name, Value = key.Seal(name, value), KeyId = key.Id, CreatedAt = now, UpdatedAt = now });
        try
        {
            db.SaveChanges();
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces the value only if it is still <paramref name="expected"/> (what this node last read), so of two nodes
    /// renewing a secret at once one wins; false when another node changed it first.
    /// </summary>
    public bool TryReplace(string name, byte[] expected, byte[] replacement)
    {
        using var scope = scopes.CreateScope();
        var db = Db(scope);
        var row = db.ServerSecrets.SingleOrDefault(s => s.Name == name);
        if (row is null || !Unseal(row).AsSpan().SequenceEqual(expected))
        {
            return false;
        }

        var previous = row.Value;
        var sealedValue = key.Seal(name, replacement);
        var now = time.GetUtcNow().UtcDateTime;
        return db.ServerSecrets.Where(s => s.Name == name && s.Value == previous)
            .ExecuteUpdate(s => s.SetProperty(x => x.Value, sealedValue).SetProperty(x => x.KeyId, key.Id).SetProperty(x => x.UpdatedAt, now)) == 1;
    }

    /// <summary>Every secret whose name starts with <paramref name="prefix"/>, by name.</summary>
    public IReadOnlyList<(string Name, byte[] Value)> List(string prefix)
    {
        using var scope = scopes.CreateScope();
        return [.. Db(scope).ServerSecrets.AsNoTracking().Where(s => s.Name.StartsWith(prefix)).OrderBy(s => s.Name).AsEnumerable()
            .Select(s => (s.Name, Unseal(s)))];
    }

    private byte[] Unseal(ServerSecret row)
    {
        if (row.KeyId != key.Id)
        {
            throw new InvalidOperationException(
                $"The secret {row.Name} in the database was sealed with key-encryption key {row.KeyId}, but this node's key ({key.Path}) is {key.Id}. " +
                $"Every node of an installation needs the same {SecretsOptions.Section}:KeyFile.");
        }

        return key.Unseal(row.Name, row.Value);
    }

    private static HangarDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<HangarDbContext>();
}
