namespace TipReferral.Legal.LegalFiles;

/// <summary>A victim case the identification service registered: from now on proceedings can be linked to it.</summary>
public sealed record OpenLegalFile(Guid CaseId, string Reference, string Country, bool IsPresumedChild, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record NotePersonalDataErased(Guid CaseId, DateTimeOffset Now) : LegalFileCommand(CaseId, Now);

public sealed record LegalFileOpened(Guid CaseId, string Reference, string Country, bool IsPresumedChild, DateTimeOffset OpenedAt);

/// <summary>The identification service erased the person's data; this service destroyed its key with it.</summary>
public sealed record PersonalDataErased(Guid CaseId, DateTimeOffset ErasedAt);

/// <summary>What the legal-assistance service takes from the identification service's facts about a case. Each is idempotent.</summary>
public static class IdentificationFacts
{
    public static IReadOnlyList<object> Decide(OpenLegalFile command, LegalFile? state) =>
        state is not null ? [] : [new LegalFileOpened(command.CaseId, command.Reference, command.Country, command.IsPresumedChild, command.Now)];

    public static IReadOnlyList<object> Decide(NotePersonalDataErased command, LegalFile state) =>
        state.PersonalDataErased ? [] : [new PersonalDataErased(command.CaseId, command.Now)];
}
