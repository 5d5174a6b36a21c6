namespace TipReferral.Contracts.Common.V1;

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
