using TipReferral.Contracts.Common.V1;

namespace TipReferral.Contracts.Repatriation.V1;

public sealed partial class RequestReferralRequest : ICaseCommandRequest { }

public sealed partial class AmendDisclosurePackageRequest : ICaseCommandRequest { }

public sealed partial class WithdrawReturnDecisionRequest : ICaseCommandRequest { }

public sealed partial class AcknowledgeReferralRequest : ICaseCommandRequest { }

public sealed partial class AcceptReferralRequest : ICaseCommandRequest { }

public sealed partial class DeclineReferralRequest : ICaseCommandRequest { }

public sealed partial class ContributeRiskAssessmentRequest : ICaseCommandRequest { }

public sealed partial class RecordFamilyTracingRequest : ICaseCommandRequest { }

public sealed partial class RecordAlternativeCareRequest : ICaseCommandRequest { }

public sealed partial class RecordBestInterestsDeterminationRequest : ICaseCommandRequest { }

public sealed partial class RecordTravelDocumentRequest : ICaseCommandRequest { }

public sealed partial class ScheduleTravelRequest : ICaseCommandRequest { }

public sealed partial class RecordDepartureRequest : ICaseCommandRequest { }

public sealed partial class ConfirmHandoverRequest : ICaseCommandRequest { }

public sealed partial class RecordReintegrationPlanRequest : ICaseCommandRequest { }

public sealed partial class ScheduleFollowUpVisitRequest : ICaseCommandRequest { }

public sealed partial class RecordFollowUpVisitRequest : ICaseCommandRequest { }

public sealed partial class CloseReturnCaseRequest : ICaseCommandRequest { }
