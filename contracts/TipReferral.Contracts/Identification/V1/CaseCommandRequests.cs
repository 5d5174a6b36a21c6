using TipReferral.Contracts.Common.V1;

namespace TipReferral.Contracts.Identification.V1;

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

public sealed partial class RevealProtectedIdentityRequest : ICaseCommandRequest { }
