namespace Hangar.Contracts.Access;

/// <summary>Changes the caller's password; all their other console sessions end.</summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);
