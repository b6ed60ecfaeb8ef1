using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Assembly</c> section.</summary>
internal sealed class AssemblyOptionsValidator : IValidateOptions<AssemblyOptions>
{
    public ValidateOptionsResult Validate(string? name, AssemblyOptions options)
    {
        var errors = new OptionErrors(AssemblyOptions.SectionName);
        errors.RequireRange(nameof(options.StableAgeSeconds), options.StableAgeSeconds, 0, 86400);
        foreach (var (caller, seconds) in options.StableAgeSecondsByCaller)
        {
            errors.RequireAeTitle($"{nameof(options.StableAgeSecondsByCaller)}:{caller} (key)", caller);
            errors.RequireRange($"{nameof(options.StableAgeSecondsByCaller)}:{caller}", seconds, 0, 86400);
        }

        errors.RequireRange(nameof(options.SchedulerThreads), options.SchedulerThreads, 1, 64);
        return errors.ToResult();
    }
}
