namespace TipReferral.Domain;

// Informed consent, per purpose and recipient (DOMAIN.md). The identification service keeps
// the record; every service that shares a person's data checks it with the same rules.

/// <summary>Why a person's data may be shared (HTCDS consent purposes).</summary>
public enum ConsentPurpose { ShelterReferral, CrossBorderReferral, ProsecutionCooperation, Statistics }

/// <summary>Who gave the consent: the person, or for a child the appointed guardian.</summary>
public enum ConsentGiver { Person, Guardian }

/// <summary>Who may receive the data: an agency of a country, or (no agency) any agency of it.</summary>
public sealed record ConsentRecipient(string Country, string? Agency)
{
    public bool Covers(string country, string agency) =>
        string.Equals(Country, country, StringComparison.Ordinal)
        && (Agency is null || string.Equals(Agency, agency.Trim(), StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Agency is null ? $"any agency in {Country}" : $"{Agency} ({Country})";
}

public sealed record Consent(
    Guid ConsentId,
    ConsentPurpose Purpose,
    ConsentRecipient Recipient,
    ConsentGiver GivenBy,
    DateTimeOffset GivenAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? WithdrawnAt,
    Caller? RecordedBy)
{
    // RecordedBy is null in other services' ledgers: who recorded a consent stays with the identification service.

    public bool IsValidAt(DateTimeOffset now) => WithdrawnAt is null && (ExpiresAt is null || ExpiresAt > now);
}

public static class ConsentRules
{
    public const string ConsentRequiredRule = "consent-required";

    /// <summary>The valid consent that covers sharing for <paramref name="purpose"/> with the recipient, if any.</summary>
    public static Consent? FindValid(IEnumerable<Consent> consents, ConsentPurpose purpose, string country, string agency, DateTimeOffset now) =>
        consents.FirstOrDefault(c => c.Purpose == purpose && c.IsValidAt(now) && c.Recipient.Covers(country, agency));

    /// <summary>
    /// Refuses, naming the missing consent, to share without a valid consent for the purpose
    /// and recipient: the check every service makes before it shares a person's data.
    /// </summary>
    public static Consent Require(IEnumerable<Consent> consents, ConsentPurpose purpose, string country, string agency, DateTimeOffset now) =>
        FindValid(consents, purpose, country, agency, now)
        ?? throw new RuleViolationException(
            ConsentRequiredRule,
            $"There is no valid consent for {purpose} to {new ConsentRecipient(country, agency)}: it was never given, has expired or was withdrawn.");
}
