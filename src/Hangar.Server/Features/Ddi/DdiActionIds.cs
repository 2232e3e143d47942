using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Hangar.Server.Features.Ddi;

/// <summary>
/// hawkBit action ids are numbers, and SWUpdate reads them as a 32-bit int; Hangar's action is a device update row
/// (a UUID). The action id is a positive 31-bit number derived from the row's id: stable across polls and restarts,
/// without a column. A device has a handful of update rows, so two of them sharing a number is out of reach (and
/// the lookup compares the number of each of the device's rows, never a global index).
/// </summary>
internal static class DdiActionIds
{
    public static long For(Guid deviceUpdateId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(deviceUpdateId.ToByteArray(), hash);
        var number = BinaryPrimitives.ReadInt32BigEndian(hash) & int.MaxValue;
        return number == 0 ? 1 : number;
    }
}
