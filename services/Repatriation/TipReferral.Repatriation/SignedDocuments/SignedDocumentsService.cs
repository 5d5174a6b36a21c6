using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Marten;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;
using TipReferral.Repatriation.ReturnCases;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Grpc;
using Proto = TipReferral.Contracts.Repatriation.V1;

namespace TipReferral.Repatriation.SignedDocuments;

public sealed class ReceiveSignedDocumentValidator : AbstractValidator<Proto.ReceiveSignedDocumentRequest>
{
    public ReceiveSignedDocumentValidator() =>
        RuleFor(x => x.SignedDocument).NotEmpty().WithMessage("a compact JWS is required").MaximumLength(256 * 1024);
}

public sealed class ListRefusedDocumentsValidator : AbstractValidator<Proto.ListRefusedDocumentsRequest>;

/// <summary>
/// The bridge's entry point: a document another deployment signed is verified against the keys
/// this one trusts for the issuing country, and refused (and recorded) when tampered with or
/// signed with an unknown key. A verified document already on the case changes nothing.
/// </summary>
public sealed class SignedDocumentsService(IDocumentSession session, CaseAccess access, DocumentReceipt receipt, ICaseKeys keys) : Proto.SignedDocuments.SignedDocumentsBase
{
    public const string DocumentNotAppliedRule = "document-not-applicable-here";

    [Access(Roles.Supervisor)]
    public override async Task<Proto.ReceiveSignedDocumentResponse> ReceiveSignedDocument(Proto.ReceiveSignedDocumentRequest request, ServerCallContext context)
    {
        var document = await receipt.VerifyAsync(request.SignedDocument, access.Caller, access.Caller.Country, context.CancellationToken);
        var returnCase = await session.LoadAsync<ReturnCase>(document.CaseId, context.CancellationToken)
            ?? throw new NotFoundException("case", document.CaseId.ToString());
        access.EnsureMayReach(returnCase.Countries, returnCase.Id);
        await keys.UnlockAsync(session, [returnCase.Id], context.CancellationToken);
        var known = await session.Events.FetchStreamAsync(returnCase.Id, token: context.CancellationToken);
        if (!known.Any(e => DocumentIdOf(e.Data) == document.DocumentId))
        {
            // Applying another deployment's answers arrives with the bridge; until then only documents this deployment exchanged are known.
            throw new RuleViolationException(DocumentNotAppliedRule, $"Document {document.DocumentId} ({document.Kind}) from {document.IssuerCountry} is authentic but was not exchanged through this deployment.");
        }

        return new Proto.ReceiveSignedDocumentResponse { DocumentId = document.DocumentId.ToString(), Kind = document.Kind, IssuerCountry = document.IssuerCountry, Applied = false };
    }

    [Access(Roles.Supervisor, Roles.DataProtectionOfficer)]
    public override async Task<Proto.RefusedDocumentList> ListRefusedDocuments(Proto.ListRefusedDocumentsRequest request, ServerCallContext context)
    {
        var country = access.Caller.Country;
        var refused = await session.Query<RefusedDocument>().Where(d => d.ReceivingCountry == country).OrderByDescending(d => d.ReceivedAt).Take(200).ToListAsync(context.CancellationToken);
        var list = new Proto.RefusedDocumentList();
        list.Documents.AddRange(refused.Select(d => new Proto.RefusedDocument
        {
            Id = d.Id.ToString(),
            ReceivedAt = Timestamp.FromDateTimeOffset(d.ReceivedAt),
            Rule = d.Rule,
            Detail = d.Detail,
            ClaimedIssuerCountry = d.ClaimedIssuerCountry ?? "",
            ClaimedKeyId = d.ClaimedKeyId ?? "",
            CaseId = d.CaseId?.ToString() ?? "",
            ReceivedFrom = d.ReceivedFrom.ToProto(),
        }));
        return list;
    }

    private static Guid? DocumentIdOf(object data) => data switch
    {
        ReferralRequested requested => requested.PackageDocumentId,
        DisclosurePackageAmended amended => amended.PackageDocumentId,
        ReferralAcknowledged acknowledged => acknowledged.DocumentId,
        ReferralAccepted accepted => accepted.DocumentId,
        ReferralDeclined declined => declined.DocumentId,
        VictimHandedOver handedOver => handedOver.DocumentId,
        _ => null,
    };
}
