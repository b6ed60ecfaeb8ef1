using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Binds and validates every configuration section at once, so a user sees all mistakes in one run.</summary>
public static class AgentConfigurationCheck
{
    /// <summary>Every problem found, each naming its key; empty when the configuration is usable.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        Check(configuration, DicomListenerOptions.SectionName, new DicomListenerOptionsValidator(), errors);
        Check(configuration, OrthancSourceOptions.SectionName, new OrthancSourceOptionsValidator(), errors);
        Check(configuration, AssemblyOptions.SectionName, new AssemblyOptionsValidator(), errors);
        Check(configuration, SeriesSelectionOptions.SectionName, new SeriesSelectionOptionsValidator(), errors);
        Check(configuration, ScoringOptions.SectionName, new ScoringOptionsValidator(), errors);
        CheckDestinationEnums(configuration, errors);
        Check(configuration, DeliveryOptions.SectionName, new DeliveryOptionsValidator(), errors);
        CheckEnum<HttpAuthenticationKind>(configuration.GetSection(HttpEndpointOptions.SectionName), nameof(HttpEndpointOptions.Authentication), errors);
        Check(configuration, HttpEndpointOptions.SectionName, new HttpEndpointOptionsValidator(), errors);
        Check(configuration, StorageOptions.SectionName, new StorageOptionsValidator(), errors);
        return errors;
    }

    /// <summary>The binder silently drops a list item whose enum value does not parse; name such values instead.</summary>
    private static void CheckDestinationEnums(IConfiguration configuration, List<string> errors)
    {
        foreach (var destination in configuration.GetSection(DeliveryOptions.SectionName).GetSection("Destinations").GetChildren())
        {
            CheckEnum<DeliveryDestinationKind>(destination, nameof(DeliveryDestinationOptions.Kind), errors);
            CheckEnum<HttpAuthenticationKind>(destination, nameof(DeliveryDestinationOptions.Authentication), errors);
        }
    }

    private static void CheckEnum<TEnum>(IConfigurationSection section, string key, List<string> errors)
        where TEnum : struct, Enum
    {
        var value = section[key];
        if (value is not null && (!Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)))
        {
            errors.Add($"{section.Path}:{key} is '{value}'; it must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private static void Check<T>(IConfiguration configuration, string section, IValidateOptions<T> validator, List<string> errors)
        where T : class, new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"{section}: {ex.Message}");
            return;
        }

        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            errors.AddRange(result.Failures);
        }
    }
}
