using FluentValidation;
using TipReferral.Repatriation.Counterparts;
using TipReferral.Repatriation.Publishing;
using TipReferral.Repatriation.ReturnCases;
using TipReferral.Repatriation.SignedDocuments;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Consent;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Messaging;
using TipReferral.ServiceDefaults.Scheduling;

namespace TipReferral.Repatriation;

public static class RepatriationModule
{
    public const string ServiceName = "repatriation";

    public static WebApplicationBuilder AddRepatriation(this WebApplicationBuilder builder)
    {
        builder.AddTipReferralMarten(ServiceName, opts =>
            {
                ReturnCaseProjection.Register(opts);
                ReceivingAgencyEntry.Register(opts);
                ReferralNotice.Register(opts);
                opts.Schema.For<RefusedDocument>().Index(x => x.ReceivingCountry);
            })
            .PublishIntegrationEvents<RepatriationIntegrationEvents>();
        builder.AddTipReferralMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<VictimCaseRegisteredConsumer>();
            bus.AddConsumer<VictimIdentifiedConsumer>();
            bus.AddConsumer<PersonalDataErasedConsumer>();
            bus.AddConsumer<ReflectionPeriodStartedConsumer>();
            bus.AddConsumer<ReflectionPeriodEndedConsumer>();
            bus.AddConsumer<LegalHoldPlacedConsumer>();
            bus.AddConsumer<LegalHoldReleasedConsumer>();
            bus.AddConsentLedger();
            bus.AddIdentityMasking();
        });
        builder.Services.AddScoped<IConsentWithdrawalHandler, ReferralConsentWithdrawal>();

        builder.Services.AddOptions<SignedDocumentOptions>().BindConfiguration(SignedDocumentOptions.Section);
        builder.Services.AddSingleton<ReferralDocuments>();
        builder.Services.AddSingleton<DocumentReceipt>();
        builder.Services.AddOptions<ReferralDeadlineOptions>().BindConfiguration(ReferralDeadlineOptions.Section);
        builder.Services.AddSingleton<ReferralDeadlines>();

        builder.Services.AddSingleton<IReturnCaseSideEffects, ReceivedReferrals>();
        builder.Services.AddSingleton<IReturnCaseSideEffects, AnswerDeadlineSideEffects>();
        builder.Services.AddSingleton<IReturnCaseSideEffects, FollowUpVisitSideEffects>();
        builder.Services.AddSingleton<IReturnCaseSideEffects, NoticeSideEffects>();
        builder.AddTimers(typeof(AnswerDeadlineTimer), typeof(FollowUpVisitTimer));

        builder.Services.AddSingleton<ReturnCaseWriter>();
        builder.Services.AddScoped<ReturnCaseCommands>();
        builder.Services.AddScoped<SignedAnswers>();
        builder.Services.AddValidatorsFromAssemblyContaining<ReferralsService>(includeInternalTypes: true);
        builder.Services.AddValidatorsFromAssemblyContaining<ReadAuditService>(includeInternalTypes: true);
        return builder;
    }

    public static WebApplication MapRepatriation(this WebApplication app)
    {
        app.MapTipReferralGrpcService<CounterpartsService>();
        app.MapTipReferralGrpcService<ReferralsService>();
        app.MapTipReferralGrpcService<SignedDocumentsService>();
        app.MapTipReferralGrpcService<RiskAssessmentsService>();
        app.MapTipReferralGrpcService<ChildSafeguardsService>();
        app.MapTipReferralGrpcService<TravelService>();
        app.MapTipReferralGrpcService<ReintegrationService>();
        app.MapTipReferralGrpcService<RepatriationCasesService>();
        app.MapTipReferralGrpcService<ReadAuditService>();
        return app;
    }
}
