using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Binds and validates every configuration section at once, so a user sees all mistakes in one run.</summary>
public static class AgentConfigurationCheck
{
    /// <summary>Every problem found, each naming its key; empty when the configuration is usable.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration) => Bind(configuration).Errors;

    /// <summary>
    /// Binds every section once and validates it: the bound sections, and every problem found (each naming its key;
    /// empty when the configuration is usable — only then are the sections meaningful).
    /// </summary>
    public static (AgentConfiguration Configuration, IReadOnlyList<string> Errors) Bind(IConfiguration configuration)
    {
        var errors = new List<string>();
        var listener = Check(configuration, DicomListenerOptions.SectionName, new DicomListenerOptionsValidator(), errors);
        var orthanc = Check(configuration, OrthancSourceOptions.SectionName, new OrthancSourceOptionsValidator(), errors);
        var assembly = Check(configuration, AssemblyOptions.SectionName, new AssemblyOptionsValidator(), errors);
        var selection = Check(configuration, SeriesSelectionOptions.SectionName, new SeriesSelectionOptionsValidator(), errors);
        var scoring = Check(configuration, ScoringOptions.SectionName, new ScoringOptionsValidator(), errors);
        CheckDestinationEnums(configuration, errors);
        var delivery = Check(configuration, DeliveryOptions.SectionName, new DeliveryOptionsValidator(), errors);
        CheckEnum<HttpAuthenticationKind>(configuration.GetSection(HttpEndpointOptions.SectionName), nameof(HttpEndpointOptions.Authentication), errors);
        var http = Check(configuration, HttpEndpointOptions.SectionName, new HttpEndpointOptionsValidator(), errors);
        var storage = Check(configuration, StorageOptions.SectionName, new StorageOptionsValidator(), errors);
        return (new AgentConfiguration(listener, orthanc, assembly, selection, scoring, delivery, http, storage), errors);
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

    private static T Check<T>(IConfiguration configuration, string section, IValidateOptions<T> validator, List<string> errors)
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
            return options;
        }

        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            errors.AddRange(result.Failures);
        }

        return options;
    }
}
