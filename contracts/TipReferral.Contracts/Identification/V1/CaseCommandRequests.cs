namespace TipReferral.Contracts.Identification.V1;

/// <summary>
/// A request that changes one victim case: it names the case and may carry the version it
/// was based on, so the service refuses it if the case changed since (Aborted).
/// </summary>
public interface ICaseCommandRequest
{
    string CaseId { get; }

    bool HasExpectedVersion { get; }

    long ExpectedVersion { get; }
}

public sealed partial class IdentifyFormallyRequest : ICaseCommandRequest { }

public sealed partial class AppointGuardianRequest : ICaseCommandRequest { }

public sealed partial class CorrectPersonalDetailsRequest : ICaseCommandRequest { }

public sealed partial class ResolvePossibleDuplicateRequest : ICaseCommandRequest { }

public sealed partial class CloseCaseRequest : ICaseCommandRequest { }

public sealed partial class RecordConsentRequest : ICaseCommandRequest { }

public sealed partial class WithdrawConsentRequest : ICaseCommandRequest { }

public sealed partial class ShareCaseRequest : ICaseCommandRequest { }

public sealed partial class RequestErasureRequest : ICaseCommandRequest { }

public sealed partial class DecideErasureRequest : ICaseCommandRequest { }

public sealed partial class ProtectIdentityRequest : ICaseCommandRequest { }

public sealed partial class LiftIdentityProtectionRequest : ICaseCommandRequest { }
