using System.Text.Json.Serialization.Metadata;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TipReferral.PersonalData;

public static class PersonalDataRegistration
{
    /// <summary>
    /// Registers the key-encryption key, the cipher, <see cref="ICaseKeys"/> and the JSON
    /// contract customisation. Marten must still be told to use them:
    /// <see cref="UsePersonalDataProtection"/>.
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, KeyEncryptionKey kek)
    {
        services.AddSingleton(kek);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPersonalDataCipher, AesGcmCipher>();
        services.TryAddSingleton<PersonalDataJson>();
        services.TryAddSingleton<ICaseKeys, CaseKeys>();
        return services;
    }

    /// <summary>
    /// Makes Marten's System.Text.Json serializer (configured before this call, whatever its
    /// settings) encrypt every [PersonalData] property, registers <see cref="CaseDataKey"/>, and
    /// refuses a save that would append personal data to a case other than the write subject.
    /// </summary>
    public static StoreOptions UsePersonalDataProtection(this StoreOptions options, PersonalDataJson personalData)
    {
        if (options.Serializer() is not SystemTextJsonSerializer serializer)
        {
            throw new InvalidOperationException("Personal-data protection works with Marten's System.Text.Json serializer; call UseSystemTextJsonForSerialization first.");
        }

        serializer.Configure(json =>
            json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(personalData.Modify));
        options.Schema.For<CaseDataKey>();
        options.Listeners.Add(new OneCasePerSession());
        return options;
    }

    /// <summary>Opens a <see cref="PersonalDataScope"/> around each request, so handlers can unlock case keys into it.</summary>
    public static IApplicationBuilder UsePersonalDataScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            using var scope = PersonalDataScope.Begin();
            await next(context);
        });
}
