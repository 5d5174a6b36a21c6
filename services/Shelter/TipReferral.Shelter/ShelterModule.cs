using FluentValidation;
using TipReferral.PersonalData;
using TipReferral.ServiceDefaults.Access;
using TipReferral.ServiceDefaults.Consent;
using TipReferral.ServiceDefaults.EventStore;
using TipReferral.ServiceDefaults.IdentityMasking;
using TipReferral.ServiceDefaults.Messaging;
using TipReferral.ServiceDefaults.Scheduling;
using TipReferral.Shelter.Publishing;
using TipReferral.Shelter.ShelterCases;
using TipReferral.Shelter.Shelters;

namespace TipReferral.Shelter;

public static class ShelterModule
{
    public const string ServiceName = "shelter";

    public static WebApplicationBuilder AddShelter(this WebApplicationBuilder builder)
    {
        builder.AddTipReferralMarten(ServiceName, opts =>
            {
                ShelterProjection.Register(opts);
                ShelterCaseProjection.Register(opts);
                DeliveredServicesProjection.Register(opts);
            })
            .PublishIntegrationEvents<ShelterIntegrationEvents>();
        builder.AddTipReferralMessaging(ServiceName, bus =>
        {
            bus.AddConsentLedger();
            bus.AddIdentityMasking();
            bus.AddConsumer<VictimCaseRegisteredConsumer>();
            bus.AddConsumer<VictimIdentifiedConsumer>();
            bus.AddConsumer<GuardianAppointedConsumer>();
            bus.AddConsumer<VictimCaseClosedConsumer>();
            bus.AddConsumer<PersonalDataErasedConsumer>();
        });
        builder.AddTimers(typeof(ReflectionPeriodTimer));

        builder.Services.AddSingleton(ReflectionPeriodSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<ShelterCaseWriter>();
        builder.Services.AddScoped<IConsentWithdrawalHandler, ShelterReferralConsentWithdrawal>();
        builder.Services.AddValidatorsFromAssemblyContaining<ShelterCasesService>(includeInternalTypes: true);
        builder.Services.AddValidatorsFromAssemblyContaining<ReadAuditService>(includeInternalTypes: true);
        return builder;
    }

    public static WebApplication MapShelter(this WebApplication app)
    {
        app.MapTipReferralGrpcService<SheltersService>();
        app.MapTipReferralGrpcService<ShelterCasesService>();
        app.MapTipReferralGrpcService<ReadAuditService>();
        return app;
    }
}
