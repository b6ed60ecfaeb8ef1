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
        Check(configuration, DeliveryOptions.SectionName, new DeliveryOptionsValidator(), errors);
        Check(configuration, HttpEndpointOptions.SectionName, new HttpEndpointOptionsValidator(), errors);
        Check(configuration, StorageOptions.SectionName, new StorageOptionsValidator(), errors);
        return errors;
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
