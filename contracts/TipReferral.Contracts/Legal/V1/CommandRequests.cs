using TipReferral.Contracts.Common.V1;

namespace TipReferral.Contracts.Legal.V1;

public sealed partial class OpenLegalCaseRequest : ICaseCommandRequest { }

public sealed partial class ChangeLegalCaseStageRequest : ICaseCommandRequest { }

public sealed partial class RecordCooperationDecisionRequest : ICaseCommandRequest { }

public sealed partial class RequestWitnessProtectionRequest : ICaseCommandRequest { }

public sealed partial class GrantWitnessProtectionRequest : ICaseCommandRequest { }

public sealed partial class RefuseWitnessProtectionRequest : ICaseCommandRequest { }

public sealed partial class ReviewWitnessProtectionRequest : ICaseCommandRequest { }

public sealed partial class ChangeWitnessProtectionMeasuresRequest : ICaseCommandRequest { }

public sealed partial class LiftWitnessProtectionRequest : ICaseCommandRequest { }

public sealed partial class PlaceLegalHoldRequest : ICaseCommandRequest { }

public sealed partial class ReleaseLegalHoldRequest : ICaseCommandRequest { }

public sealed partial class ArrangeVideoLinkTestimonyRequest : ICaseCommandRequest { }

public sealed partial class AssignLegalAidLawyerRequest : ICaseCommandRequest { }

public sealed partial class RecordResidencePermitRequest : ICaseCommandRequest { }

public sealed partial class RenewResidencePermitRequest : ICaseCommandRequest { }

public sealed partial class RecordResidencePermitRefusalRequest : ICaseCommandRequest { }

public sealed partial class FileCompensationClaimRequest : ICaseCommandRequest { }

public sealed partial class RecordCompensationDecisionRequest : ICaseCommandRequest { }

public sealed partial class RecordCompensationPaymentRequest : ICaseCommandRequest { }
