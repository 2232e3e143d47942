using System.Diagnostics.CodeAnalysis;

namespace Hangar.Core.Firmware;

/// <summary>Where a binary is in its life: bytes arriving, bytes being checked, bytes trusted, bytes gone.</summary>
public enum BinaryState
{
    /// <summary>Parts may be uploaded.</summary>
    Uploadable,
    /// <summary>All parts are present and add up to the declared size; waiting for hashing to be requested.</summary>
    Hashable,
    /// <summary>The server is joining the parts and re-hashing the whole binary.</summary>
    Hashing,
    /// <summary>The content is stored and matches the declared SHA-256 and size; it can be signed.</summary>
    Signable,
    /// <summary>At least one valid signature is attached; it can be put in bundles.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The state is named as on the wire.")]
    Signed,
    /// <summary>The content is deleted; the record stays so bundles and audit still name it.</summary>
    Destroyed,
}
