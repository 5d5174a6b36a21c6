using static TipReferral.ServiceDefaults.Grpc.ProtoValues;
using Google.Protobuf.WellKnownTypes;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using Proto = TipReferral.Contracts.Identification.V1;

namespace TipReferral.Identification.Cases;

/// <summary>
/// Between the wire contract and the domain. Enums map by name (the proto's
/// GENDER_FEMALE is C#'s Gender.Female on both sides); a test checks every value maps.
/// </summary>
public static class ProtoMapping
{
    public static PersonDetails ToDomain(this Proto.PersonDetails person) => new(
        NullIfBlank(person.GivenName),
        NullIfBlank(person.FamilyName),
        [.. person.Aliases.Select(alias => alias.Trim()).Where(alias => alias.Length > 0)],
        ToDomain<Gender>(person.Gender),
        TryToDateOnly(person.DateOfBirth, out var born) ? born : null,
        person.HasEstimatedAgeYears ? person.EstimatedAgeYears : null,
        [.. person.Citizenships.Distinct()],
        [.. person.Languages.Distinct()]);

    public static Proto.PersonDetails ToProto(this PersonDetails person)
    {
        var proto = new Proto.PersonDetails
        {
            GivenName = person.GivenName ?? "",
            FamilyName = person.FamilyName ?? "",
            Aliases = { person.Aliases },
            Gender = ToProto<Proto.Gender>(person.Gender),
            Citizenships = { person.Citizenships },
            Languages = { person.Languages },
        };
        if (person.DateOfBirth is { } born)
        {
            proto.DateOfBirth = born.ToProto();
        }

        if (person.EstimatedAgeYears is { } age)
        {
            proto.EstimatedAgeYears = age;
        }

        return proto;
    }

    public static Proto.PossibleDuplicate ToProto(PossibleDuplicate duplicate) => new()
    {
        OtherCaseId = duplicate.OtherCaseId.ToString(),
        OtherCaseReference = duplicate.OtherCaseReference,
        Score = duplicate.Score,
        MatchedOn = { duplicate.MatchedOn },
        State = ToProto<Proto.PossibleDuplicateState>(duplicate.State),
    };

    public static ConsentRecipient ToDomain(this Proto.ConsentRecipient recipient) => new(recipient.Country, NullIfBlank(recipient.Agency));

    public static Proto.Consent ToProto(this Consent consent)
    {
        var proto = new Proto.Consent
        {
            ConsentId = consent.ConsentId.ToString(),
            Purpose = ToProto<Proto.ConsentPurpose>(consent.Purpose),
            Recipient = new Proto.ConsentRecipient { Country = consent.Recipient.Country, Agency = consent.Recipient.Agency ?? "" },
            GivenBy = ToProto<Proto.ConsentGiver>(consent.GivenBy),
            GivenAt = Timestamp.FromDateTimeOffset(consent.GivenAt),
        };
        if (consent.RecordedBy is { } recordedBy)
        {
            proto.RecordedBy = recordedBy.ToProto();
        }

        if (consent.ExpiresAt is { } expiresAt)
        {
            proto.ExpiresAt = Timestamp.FromDateTimeOffset(expiresAt);
        }

        if (consent.WithdrawnAt is { } withdrawnAt)
        {
            proto.WithdrawnAt = Timestamp.FromDateTimeOffset(withdrawnAt);
        }

        return proto;
    }

    public static Proto.ErasureState ToProto(this ErasureState erasure)
    {
        var proto = new Proto.ErasureState
        {
            Requested = true,
            RequestedAt = Timestamp.FromDateTimeOffset(erasure.RequestedAt),
            RequestedBy = erasure.RequestedBy.ToProto(),
            Erased = erasure.ErasedAt is not null,
        };
        if (erasure.ErasedAt is { } erasedAt)
        {
            proto.ErasedAt = Timestamp.FromDateTimeOffset(erasedAt);
            proto.ApprovedBy = erasure.ApprovedBy!.ToProto();
        }

        return proto;
    }

    /// <summary>The case as one caller may see it: call with <see cref="PersonalDataViews.AsSeenBy"/>'s result.</summary>
    public static Proto.VictimCaseDetails ToProto(this VictimCase victimCase, PersonalDataState personalData)
    {
        var details = new Proto.VictimCaseDetails
        {
            CaseId = victimCase.Id.ToString(),
            Reference = victimCase.Reference,
            Version = victimCase.Version,
            TraffickingStatus = ToProto<Proto.TraffickingStatus>(victimCase.Status),
            IsPresumedChild = victimCase.IsPresumedChild,
            IsClosed = victimCase.IsClosed,
            Person = victimCase.Person.ToProto(),
            IdentifiedAt = new Proto.IdentificationPlace
            {
                Place = victimCase.IdentifiedAt.Place,
                Country = victimCase.IdentifiedAt.Country,
                IdentifyingAgency = victimCase.IdentifiedAt.IdentifyingAgency,
            },
            FormsOfExploitation = { victimCase.FormsOfExploitation.Select(value => ToProto<Proto.ExploitationType>(value)) },
            IndicatorsObserved = { victimCase.IndicatorsObserved.Select(value => ToProto<Proto.ControlIndicator>(value)) },
            PossibleDuplicates = { victimCase.PossibleDuplicates.Select(ToProto) },
            RegisteredAt = Timestamp.FromDateTimeOffset(victimCase.RegisteredAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(victimCase.UpdatedAt),
            PersonalDataState = personalData,
            Consents = { victimCase.Consents.Select(ToProto) },
            IsIdentityProtected = victimCase.Protection is not null,
        };
        if (victimCase.Erasure is { } erasure)
        {
            details.Erasure = erasure.ToProto();
        }

        if (victimCase.DecidingOrganisation is { } organisation)
        {
            details.DecidingOrganisation = new Proto.Organisation { Name = organisation.Name, Kind = ToProto<Proto.OrganisationKind>(organisation.Kind) };
        }

        if (victimCase.Guardian is { } guardian)
        {
            details.Guardian = new Proto.Guardian { FullName = guardian.FullName, Organisation = guardian.Organisation, Contact = guardian.Contact ?? "" };
        }

        if (victimCase.ClosureReason is { } closure)
        {
            details.ClosureReason = ToProto<Proto.CaseClosureReason>(closure);
        }

        return details;
    }
}
