using TipReferral.Contracts.Common.V1;

namespace TipReferral.Contracts.Shelter.V1;

public sealed partial class ReferToShelterRequest : ICaseCommandRequest { }

public sealed partial class AdmitToShelterRequest : ICaseCommandRequest { }

public sealed partial class TransferToShelterRequest : ICaseCommandRequest { }

public sealed partial class DischargeFromShelterRequest : ICaseCommandRequest { }

public sealed partial class RecordNeedsAssessmentRequest : ICaseCommandRequest { }

public sealed partial class RecordSafetyPlanRequest : ICaseCommandRequest { }

public sealed partial class RecordServiceDeliveredRequest : ICaseCommandRequest { }

public sealed partial class ExtendReflectionPeriodRequest : ICaseCommandRequest { }

public sealed partial class EndReflectionPeriodEarlyRequest : ICaseCommandRequest { }

/// <summary>A request that changes one shelter of the registry, optionally based on the version it saw.</summary>
public interface IShelterCommandRequest
{
    string ShelterId { get; }

    bool HasExpectedVersion { get; }

    long ExpectedVersion { get; }
}

public sealed partial class ChangeShelterCapacityRequest : IShelterCommandRequest { }

public sealed partial class CloseShelterRequest : IShelterCommandRequest { }

public sealed partial class ReopenShelterRequest : IShelterCommandRequest { }
