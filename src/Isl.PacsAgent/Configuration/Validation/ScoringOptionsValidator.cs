using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Scoring</c> section.</summary>
internal sealed partial class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        var errors = new OptionErrors(ScoringOptions.SectionName);
        if (!DevicePattern().IsMatch(options.Device))
        {
            errors.Add(nameof(options.Device), $"is '{options.Device}'; use cpu, cuda, cuda:N or auto.");
        }

        errors.RequireRange(nameof(options.Workers), options.Workers, 1, 64);
        errors.RequireRange(nameof(options.QueueCapacity), options.QueueCapacity, 1, 100000);
        errors.RequireRange(nameof(options.ThinSliceThicknessMm), options.ThinSliceThicknessMm, 0, 20);
        return errors.ToResult();
    }

    [GeneratedRegex("^(cpu|auto|cuda(:[0-9]+)?)$")]
    private static partial Regex DevicePattern();
}
