namespace Hangar.Storage;

/// <summary>Recognises "the disk is full" among I/O errors, whatever the platform.</summary>
public static class OutOfSpace
{
    // On Unix .NET puts the errno in HResult; on Windows it is an HRESULT built from the Win32 error.
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);
    private const int ErrorDiskFull = unchecked((int)0x80070070);

    public static bool Is(Exception exception) =>
        exception is IOException { HResult: Enospc or Edquot or ErrorHandleDiskFull or ErrorDiskFull };
}
