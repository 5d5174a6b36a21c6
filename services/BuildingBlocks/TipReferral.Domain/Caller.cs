namespace TipReferral.Domain;

/// <summary>
/// Who is acting, as the token says: every stored event is stamped with it, and rules
/// that depend on who acts read it from the command, never from ambient state.
/// </summary>
public sealed record Caller(string UserId, string Role, string Agency, string Country);
