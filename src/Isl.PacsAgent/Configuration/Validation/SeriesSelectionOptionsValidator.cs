using Isl.PacsAgent.Selection;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>SeriesSelection</c> section.</summary>
internal sealed class SeriesSelectionOptionsValidator : IValidateOptions<SeriesSelectionOptions>
{
    public ValidateOptionsResult Validate(string? name, SeriesSelectionOptions options)
    {
        var errors = new OptionErrors(SeriesSelectionOptions.SectionName);
        errors.RequireRange(nameof(options.MinSlices), options.MinSlices, 1, 10000);
        errors.RequireRange(nameof(options.MinSliceThicknessMm), options.MinSliceThicknessMm, 0, 100);
        errors.RequireRange(nameof(options.MaxSliceThicknessMm), options.MaxSliceThicknessMm, 0, 100);
        errors.RequireRange(nameof(options.MaxAxialTiltDegrees), options.MaxAxialTiltDegrees, 0, 45);
        if (options.MinSliceThicknessMm > options.MaxSliceThicknessMm)
        {
            errors.Add(nameof(options.MinSliceThicknessMm), $"({options.MinSliceThicknessMm}) is larger than MaxSliceThicknessMm ({options.MaxSliceThicknessMm}).");
        }

        foreach (var (key, pattern) in new[] { (nameof(options.ContrastDescriptionPattern), options.ContrastDescriptionPattern), (nameof(options.NonContrastPattern), options.NonContrastPattern) })
        {
            if (pattern.Length > 0 && SeriesSelector.Pattern(pattern) is null)
            {
                errors.Add(key, $"'{pattern}' is not a valid regular expression.");
            }
        }

        return errors.ToResult();
    }
}
