using Google.Protobuf.WellKnownTypes;
using TipReferral.Contracts.Common.V1;
using TipReferral.Contracts.Identification.V1;
using TipReferral.Identification.Cases;

namespace TipReferral.Identification.Tests.Cases.GettingWholeCaseHistory;

/// <summary>How the services' parts of a case's history become one trail.</summary>
public sealed class CaseHistoryMergeTests
{
    private static readonly DateTimeOffset Registered = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Entries_of_every_service_are_in_time_order_then_by_service_then_by_version()
    {
        var identification = SourceAnswer.Included("identification", [Entry("identification", 1, 0), Entry("identification", 2, 30)]);
        var shelter = SourceAnswer.Included("shelter", [Entry("shelter", 1, 10), Entry("shelter", 2, 30), Entry("shelter", 3, 30)]);
        var legal = SourceAnswer.Included("legal-assistance", [Entry("legal-assistance", 1, 10), Entry("legal-assistance", 2, 20)]);

        var history = CaseHistoryMerge.Merge("c", [identification, shelter, legal]);

        history.Entries.Select(e => $"{e.Service}#{e.Version}").ShouldBe(
        [
            "identification#1", "legal-assistance#1", "shelter#1", "legal-assistance#2", "identification#2", "shelter#2", "shelter#3",
        ]);
    }

    [Fact]
    public void Every_source_is_listed_in_the_order_asked_and_the_trail_is_complete_when_each_was_included_or_never_heard_of_the_case()
    {
        var history = CaseHistoryMerge.Merge("c",
        [
            SourceAnswer.Included("identification", [Entry("identification", 1, 0)]),
            SourceAnswer.Without("repatriation", HistorySourceState.NotFound, "no record"),
            SourceAnswer.Included("shelter", []),
        ]);

        history.Sources.Select(s => (s.Service, s.State)).ShouldBe(
            [("identification", HistorySourceState.Included), ("repatriation", HistorySourceState.NotFound), ("shelter", HistorySourceState.Included)]);
        history.Complete.ShouldBeTrue();
    }

    [Theory]
    [InlineData(HistorySourceState.Denied)]
    [InlineData(HistorySourceState.Unavailable)]
    public void A_source_that_refused_or_did_not_answer_makes_the_trail_partial_and_adds_no_entries(HistorySourceState state)
    {
        var history = CaseHistoryMerge.Merge("c",
        [
            SourceAnswer.Included("identification", [Entry("identification", 1, 0)]),
            SourceAnswer.Without("legal-assistance", state, "why"),
        ]);

        history.Complete.ShouldBeFalse();
        history.Sources.Single(s => s.Service == "legal-assistance").Detail.ShouldBe("why");
        history.Entries.ShouldAllBe(e => e.Service == "identification");
    }

    private static HistoryEntry Entry(string service, long version, int minutesAfterRegistration) => new()
    {
        Service = service,
        Version = version,
        EventType = "Something",
        OccurredAt = Timestamp.FromDateTimeOffset(Registered.AddMinutes(minutesAfterRegistration)),
    };
}
