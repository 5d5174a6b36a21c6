using FluentValidation;
using TipReferral.Identification.Cases;
using TipReferral.Identification.Publishing;
using TipReferral.ServiceDefaults.Access;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Messaging;

namespace TipReferral.Identification;

public static class IdentificationModule
{
    public const string ServiceName = "identification";

    public static WebApplicationBuilder AddIdentification(this WebApplicationBuilder builder)
    {
        builder.AddTipReferralMarten(ServiceName, opts =>
            {
                VictimCaseProjection.Register(opts);
                NameGramsProjection.Register(opts);
                CaseReferences.Register(opts);
            })
            .PublishIntegrationEvents<IdentificationIntegrationEvents>();
        builder.AddTipReferralMessaging(ServiceName, bus =>
        {
            bus.AddIdentityMasking();
            bus.AddConsumer<WitnessIdentityProtectedRecorder>();
            bus.AddConsumer<WitnessIdentityProtectionLiftedRecorder>();
        });

        builder.Services.AddSingleton(NameIndex.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<PossibleDuplicateFinder>();
        builder.AddCaseHistorySources();
        builder.Services.AddValidatorsFromAssemblyContaining<VictimCasesService>(includeInternalTypes: true);
        builder.Services.AddValidatorsFromAssemblyContaining<ReadAuditService>(includeInternalTypes: true);
        return builder;
    }

    public static WebApplication MapIdentification(this WebApplication app)
    {
        app.MapTipReferralGrpcService<VictimCasesService>();
        app.MapTipReferralGrpcService<ReadAuditService>();
        app.MapTipReferralGrpcService<WholeCaseHistoriesService>();
        // Until the shared host wiring opens it for every service: one key ring per request.
        return app;
    }
}
