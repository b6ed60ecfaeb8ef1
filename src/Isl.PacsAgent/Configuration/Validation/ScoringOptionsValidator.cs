using Isl.Model.Runtime;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Scoring</c> section.</summary>
internal sealed class ScoringOptionsValidator : IValidateOptions<ScoringOptions>
{
    public ValidateOptionsResult Validate(string? name, ScoringOptions options)
    {
        var errors = new OptionErrors(ScoringOptions.SectionName);
        if (!DeviceOption.TryParse(options.Device, out _))
        {
            errors.Add(nameof(options.Device), $"is '{options.Device}'; use {DeviceOption.Forms}.");
        }

        if (!InferenceEngines.TryParse(options.Engine, out _))
        {
            errors.Add(nameof(options.Engine), $"is '{options.Engine}'; use {InferenceEngines.Forms}.");
        }

        errors.RequireRange(nameof(options.Workers), options.Workers, 1, 64);
        errors.RequireRange(nameof(options.QueueCapacity), options.QueueCapacity, 1, 100000);
        errors.RequireRange(nameof(options.ThinSliceThicknessMm), options.ThinSliceThicknessMm, 0, 20);
        return errors.ToResult();
    }
}
