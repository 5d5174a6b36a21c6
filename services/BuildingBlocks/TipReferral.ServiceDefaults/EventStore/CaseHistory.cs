using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Google.Protobuf.WellKnownTypes;
using JasperFx.Events;
using Marten;
using TipReferral.Contracts.Common.V1;
using TipReferral.Domain;
using TipReferral.PersonalData;

namespace TipReferral.ServiceDefaults.EventStore;

/// <summary>
/// A stream's events as audit entries, in the one format every service's history RPC
/// returns, so that the whole case's trail is a time-ordered merge of them.
/// </summary>
public static class CaseHistoryReader
{
    /// <summary>
    /// What a client of a history RPC accepts: a case's trail comes whole, and a long stay's
    /// 10,000 events are about 5 MB, over gRPC's default of 4 MB.
    /// </summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="masked">The caller may not see the person's identity: personal fields of the events are masked.</param>
    private static readonly JsonSerializerOptions MaskedDataJson = new(DataJson)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { PersonalDataJson.OmitPersonalData } },
    };

    public static async Task<CaseHistory> ReadCaseHistoryAsync(
        this IQuerySession session, string service, Guid caseId, bool masked, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(caseId, token: cancellationToken);
        if (events.Count == 0)
        {
            throw new NotFoundException("case", caseId.ToString());
        }

        var history = new CaseHistory { CaseId = caseId.ToString() };
        history.Entries.AddRange(events.Select(e => ToHistoryEntry(e, service, masked)));
        return history;
    }

    public static HistoryEntry ToHistoryEntry(IEvent e, string service, bool masked) => new()
    {
        Service = service,
        Version = e.Version,
        EventType = e.EventType.Name,
        OccurredAt = Timestamp.FromDateTimeOffset(e.Timestamp),
        Actor = new Actor
        {
            UserId = e.UserName ?? "",
            Role = Header(e, EventHeaders.ActorRole),
            Agency = Header(e, EventHeaders.ActorAgency),
            Country = Header(e, EventHeaders.ActorCountry),
        },
        Reason = e.Data is IHasReason { Reason: var reason } && !(masked && PersonalDataJson.IsPersonalData(e.EventType, nameof(IHasReason.Reason))) ? reason : "",
        CorrelationId = e.CorrelationId ?? "",
        CausationId = e.CausationId ?? "",
        DataJson = JsonSerializer.Serialize(e.Data, e.EventType, masked ? MaskedDataJson : DataJson),
    };

    internal static string Header(IEvent e, string name) =>
        e.GetHeader(name) switch
        {
            null => "",
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? "",
            var value => value.ToString() ?? "",
        };
}
