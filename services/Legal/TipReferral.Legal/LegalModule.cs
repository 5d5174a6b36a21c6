using FluentValidation;
using TipReferral.Legal.FamilyProtection;
using Marten;
using TipReferral.Legal.LegalFiles;
using TipReferral.Legal.Publishing;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.Messaging;
using TipReferral.ServiceDefaults.Scheduling;

namespace TipReferral.Legal;

public static class LegalModule
{
    public const string ServiceName = "legal-assistance";

    public static WebApplicationBuilder AddLegalAssistance(this WebApplicationBuilder builder)
    {
        builder.AddTipReferralMarten(ServiceName, opts =>
            {
                LegalFileProjection.Register(opts);
                FamilyProtectionProjection.Register(opts);
            })
            .PublishIntegrationEvents<LegalIntegrationEvents>();
        builder.AddTipReferralMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<VictimCaseRegisteredConsumer>();
            bus.AddConsumer<VictimIdentifiedConsumer>();
            bus.AddConsumer<PersonalDataErasedConsumer>();
            bus.AddConsumer<ReflectionPeriodStartedConsumer>();
            bus.AddConsumer<ReflectionPeriodExtendedConsumer>();
            bus.AddConsumer<ReflectionPeriodEndedConsumer>();
        });

        builder.Services.AddSingleton<ILegalFileSideEffects, FamilyProtectionRequests>();
        builder.Services.ConfigureMarten(PermitExpiry.Register);
        builder.Services.AddSingleton<ILegalFileSideEffects, PermitExpirySideEffects>();
        builder.AddTimers(typeof(PermitExpiryTimer));

        builder.Services.AddSingleton<LegalFileWriter>();
        builder.Services.AddScoped<LegalFileCommands>();
        builder.Services.AddValidatorsFromAssemblyContaining<LegalCasesService>(includeInternalTypes: true);
        builder.Services.AddValidatorsFromAssemblyContaining<ReadAuditService>(includeInternalTypes: true);
        return builder;
    }

    public static WebApplication MapLegalAssistance(this WebApplication app)
    {
        app.MapTipReferralGrpcService<LegalCasesService>();
        app.MapTipReferralGrpcService<CooperationService>();
        app.MapTipReferralGrpcService<WitnessProtectionService>();
        app.MapTipReferralGrpcService<ReadAuditService>();
        app.MapTipReferralGrpcService<LegalHoldsService>();
        app.MapTipReferralGrpcService<LegalAidService>();
        app.MapTipReferralGrpcService<ResidencePermitsService>();
        app.MapTipReferralGrpcService<CompensationService>();
        return app;
    }
}
