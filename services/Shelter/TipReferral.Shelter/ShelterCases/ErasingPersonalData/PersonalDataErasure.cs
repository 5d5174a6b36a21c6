namespace TipReferral.Shelter.ShelterCases;

/// <summary>The identification service erased the person's data lawfully: this service destroys its own key of the case.</summary>
public sealed record NotePersonalDataErased(Guid CaseId, DateTimeOffset Now) : ShelterCaseCommand(CaseId, Now);

public sealed record PersonalDataErased(Guid CaseId, DateTimeOffset ErasedAt);
