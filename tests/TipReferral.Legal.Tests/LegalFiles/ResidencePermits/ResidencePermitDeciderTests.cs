using TipReferral.Domain;
using TipReferral.Legal.LegalFiles;
using static TipReferral.Legal.Tests.LegalFiles.LegalFileFixtures;

namespace TipReferral.Legal.Tests.LegalFiles.ResidencePermits;

public sealed class ResidencePermitDeciderTests
{
    private static readonly Guid PermitId = Guid.Parse("0195f000-0000-7000-8000-0000000000c1");

    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static RecordResidencePermit Record(DateOnly? expiresOn, PermitType type = PermitType.Humanitarian, Guid? permitId = null) =>
        new(CaseId, permitId ?? PermitId, type, "Questura di Torino", "TO1234567", Today.AddDays(-10), expiresOn, Now);

    private static LegalFile WithPermit(DateOnly? expiresOn, PermitType type = PermitType.Humanitarian) => Then(WithLegalCase(), Decide(Record(expiresOn, type), WithLegalCase()));

    private static LegalFile Then(LegalFile state, IEnumerable<object> events) => events.Aggregate(state, (s, e) => LegalFileDecider.Evolve(s, e)!);

    private static RaisePermitExpiryAlert AlertOn(DateOnly day) => new(CaseId, PermitId, new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));

    [Fact]
    public void A_permit_is_recorded_once_per_authority_and_number()
    {
        var state = WithPermit(Today.AddDays(365));
        var permit = state.Permits.ShouldHaveSingleItem();
        permit.ExpiresOn.ShouldBe(Today.AddDays(365));
        permit.PermitNumber.ShouldBe("TO1234567");

        Decide(Record(Today.AddDays(365), permitId: Guid.NewGuid()), state).ShouldBeEmpty();
        Should.Throw<RuleViolationException>(() => Decide(Record(Today.AddDays(200), permitId: Guid.NewGuid()), state))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.ResidencePermits.PermitNumberAlreadyRecordedRule);
    }

    [Theory]
    [InlineData(365, new[] { 60, 30 })]
    [InlineData(60, new[] { 60, 30 })]
    [InlineData(59, new[] { 30 })]
    [InlineData(31, new[] { 30 })]
    [InlineData(30, new[] { 30 })]
    [InlineData(1, new[] { 30 })]
    [InlineData(0, new int[0])]
    public void A_permit_raises_only_the_alerts_still_ahead_and_inside_thirty_days_the_thirty_day_one_at_once(int daysLeft, int[] alerts)
    {
        WithPermit(Today.AddDays(daysLeft)).Permits.Single().ExpiryAlertsAhead.ShouldBe(alerts);
    }

    [Fact]
    public void A_permanent_permit_has_no_alerts_and_is_not_renewed()
    {
        var state = WithPermit(null, PermitType.Permanent);
        state.Permits.Single().NextExpiryAlert.ShouldBeNull();

        Should.Throw<RuleViolationException>(() => Decide(new RenewResidencePermit(CaseId, PermitId, Today, Today.AddDays(365), null, Now), state))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.ResidencePermits.PermanentPermitNotRenewedRule);
    }

    [Fact]
    public void The_sixty_day_alert_is_raised_on_its_day_then_the_thirty_day_one_each_once()
    {
        var expiresOn = Today.AddDays(90);
        var state = WithPermit(expiresOn);

        Decide(AlertOn(expiresOn.AddDays(-61)), state).ShouldBeEmpty();
        var sixty = Decide(AlertOn(expiresOn.AddDays(-60)), state).ShouldHaveSingleItem().ShouldBeOfType<ResidencePermitExpiryAlertRaised>();
        sixty.DaysBefore.ShouldBe(60);
        sixty.ExpiresOn.ShouldBe(expiresOn);
        state = Then(state, [sixty]);
        state.Permits.Single().NextExpiryAlert.ShouldBe((30, expiresOn.AddDays(-30)));

        Decide(AlertOn(expiresOn.AddDays(-59)), state).ShouldBeEmpty();
        var thirty = Decide(AlertOn(expiresOn.AddDays(-30)), state).ShouldHaveSingleItem().ShouldBeOfType<ResidencePermitExpiryAlertRaised>();
        thirty.DaysBefore.ShouldBe(30);
        state = Then(state, [thirty]);
        Decide(AlertOn(expiresOn.AddDays(-1)), state).ShouldBeEmpty();
    }

    [Fact]
    public void A_renewal_extends_the_expiry_counts_and_sets_the_alerts_anew()
    {
        var state = WithPermit(Today.AddDays(40));
        var renewed = Decide(new RenewResidencePermit(CaseId, PermitId, Today, Today.AddDays(400), "TO7654321", Now), state).ShouldHaveSingleItem();
        var permit = Then(state, [renewed]).Permits.Single();

        permit.ExpiresOn.ShouldBe(Today.AddDays(400));
        permit.Renewals.ShouldBe(1);
        permit.PermitNumber.ShouldBe("TO7654321");
        permit.ExpiryAlertsAhead.ShouldBe([60, 30]);
        Decide(new RenewResidencePermit(CaseId, PermitId, Today, Today.AddDays(400), null, Now), Then(state, [renewed])).ShouldBeEmpty();
    }

    [Fact]
    public void A_renewal_that_does_not_extend_the_expiry_is_refused()
    {
        var state = WithPermit(Today.AddDays(40));

        Should.Throw<RuleViolationException>(() => Decide(new RenewResidencePermit(CaseId, PermitId, Today, Today.AddDays(39), null, Now), state))
            .Rule.ShouldBe(TipReferral.Legal.LegalFiles.ResidencePermits.RenewalMustExtendRule);
        Should.Throw<NotFoundException>(() => Decide(new RenewResidencePermit(CaseId, Guid.NewGuid(), Today, Today.AddDays(400), null, Now), state));
    }

    [Fact]
    public void A_refused_renewal_ends_the_permits_alerts_and_a_repeat_changes_nothing()
    {
        var state = WithPermit(Today.AddDays(90));
        var refusal = new RecordResidencePermitRefusal(CaseId, PermitType.Humanitarian, "Questura di Torino", Today, "No longer eligible", PermitId, Now);

        var after = Then(state, [Decide(refusal, state).ShouldHaveSingleItem()]);

        after.PermitRefusals.ShouldHaveSingleItem().Reason.ShouldBe("No longer eligible");
        after.Permits.Single().NextExpiryAlert.ShouldBeNull();
        Decide(refusal, after).ShouldBeEmpty();
        Should.Throw<NotFoundException>(() => Decide(refusal with { PermitId = Guid.NewGuid() }, state));
    }
}
