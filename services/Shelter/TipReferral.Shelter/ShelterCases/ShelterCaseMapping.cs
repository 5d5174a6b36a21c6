using Google.Protobuf.WellKnownTypes;
using TipReferral.Contracts.Common.V1;
using TipReferral.ServiceDefaults.Grpc;
using Proto = TipReferral.Contracts.Shelter.V1;

namespace TipReferral.Shelter.ShelterCases;

/// <summary>Between the shelter contract and the domain; a test checks every enum value maps.</summary>
public static class ShelterCaseMapping
{
    public static EmergencyException? ToDomain(Proto.EmergencyException? exception) =>
        exception is null ? null : new EmergencyException(exception.Reason.Trim());

    public static Proto.Placement ToProto(this Placement placement)
    {
        var proto = new Proto.Placement
        {
            ShelterId = placement.ShelterId.ToString(),
            ShelterName = placement.ShelterName,
            Group = ProtoValues.ToProto<Proto.ResidentGroup>(placement.Group),
            AdmittedAt = Timestamp.FromDateTimeOffset(placement.AdmittedAt),
            EmergencyException = placement.EmergencyException,
        };
        if (placement.LeftAt is { } leftAt)
        {
            proto.LeftAt = Timestamp.FromDateTimeOffset(leftAt);
        }

        if (placement.LeftBecause is { } because)
        {
            proto.LeftBecause = ProtoValues.ToProto<Proto.DischargeReason>(because);
        }

        return proto;
    }

    public static Proto.ReflectionPeriod ToProto(this ReflectionPeriod period)
    {
        var proto = new Proto.ReflectionPeriod { State = ProtoValues.ToProto<Proto.ReflectionPeriodState>(period.State) };
        if (period.StartedAt is { } startedAt)
        {
            proto.StartedAt = Timestamp.FromDateTimeOffset(startedAt);
        }

        if (period.EndsAt is { } endsAt)
        {
            proto.EndsAt = Timestamp.FromDateTimeOffset(endsAt);
        }

        if (period.EndedAt is { } endedAt)
        {
            proto.EndedAt = Timestamp.FromDateTimeOffset(endedAt);
        }

        return proto;
    }

    public static Proto.ShelterCaseDetails ToProto(this ShelterCase shelterCase, IEnumerable<DeliveredService> services, DateTimeOffset now)
    {
        var proto = new Proto.ShelterCaseDetails
        {
            CaseId = shelterCase.Id.ToString(),
            CaseReference = shelterCase.Reference,
            Country = shelterCase.Country,
            IsPresumedChild = shelterCase.IsPresumedChild,
            GuardianAppointed = shelterCase.GuardianAppointed,
            FormallyIdentified = shelterCase.FormallyIdentified,
            ClosedInIdentification = shelterCase.ClosedInIdentification,
            Status = ProtoValues.ToProto<Proto.PlacementStatus>(shelterCase.Status),
            ReferredToShelterId = shelterCase.ReferredTo?.ToString() ?? "",
            ReflectionPeriod = shelterCase.ReflectionPeriod.ToProto(),
            SafetyPlanReviewOverdue = SafetyPlans.ReviewOverdue(shelterCase, now),
            PersonalData = shelterCase.PersonalDataErased ? PersonalDataState.Erased : PersonalDataState.Present,
            Version = shelterCase.Version,
        };
        if (shelterCase.CurrentPlacement is { } current)
        {
            proto.CurrentPlacement = current.ToProto();
        }

        proto.NeedsAssessments.AddRange(shelterCase.NeedsAssessments.Select(a =>
        {
            var assessment = new Proto.NeedsAssessment { AssessedOn = a.AssessedOn.ToProto(), Notes = a.Notes, RecordedBy = a.RecordedBy.ToProto() };
            assessment.Needs.AddRange(a.Needs.Select(need => ProtoValues.ToProto<Proto.NeedArea>(need)));
            return assessment;
        }));
        proto.SafetyPlans.AddRange(shelterCase.SafetyPlans.Select(p => new Proto.SafetyPlan
        {
            AgreedOn = p.AgreedOn.ToProto(),
            ReviewBy = p.ReviewBy.ToProto(),
            Measures = p.Measures,
            RecordedBy = p.RecordedBy.ToProto(),
        }));
        proto.Services.AddRange(services.Select(s => new Proto.ServiceDelivered
        {
            Kind = ProtoValues.ToProto<Proto.ServiceKind>(s.Kind),
            DeliveredOn = s.DeliveredOn.ToProto(),
            Provider = s.Provider,
            Notes = s.Notes,
            RecordedBy = s.RecordedBy.ToProto(),
        }));
        return proto;
    }
}
