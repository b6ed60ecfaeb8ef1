using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Ingest:Orthanc</c> section.</summary>
internal sealed class OrthancSourceOptionsValidator : IValidateOptions<OrthancSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, OrthancSourceOptions options)
    {
        var errors = new OptionErrors(OrthancSourceOptions.SectionName);
        errors.RequireRange(nameof(options.StableAgeSeconds), options.StableAgeSeconds, 0, 86400);
        if (!options.Enabled)
        {
            return errors.ToResult();
        }

        errors.RequireHttpUrl(nameof(options.BaseUrl), options.BaseUrl);
        if (Uri.TryCreate(options.DicomWebPath, UriKind.Absolute, out _) || options.DicomWebPath.StartsWith('/'))
        {
            errors.Add(nameof(options.DicomWebPath), $"is '{options.DicomWebPath}'; it must be relative to BaseUrl, e.g. dicom-web/.");
        }

        errors.RequireRange(nameof(options.PollIntervalSeconds), options.PollIntervalSeconds, 0.1, 3600);
        errors.RequireRange(nameof(options.BatchSize), options.BatchSize, 1, 10000);
        if (options.Username.Length > 0 && options.Password.Length == 0)
        {
            errors.Add(nameof(options.Password), "is empty while Username is set.");
        }

        return errors.ToResult();
    }
}
