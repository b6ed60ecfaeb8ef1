using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Dicom</c> section.</summary>
internal sealed class DicomListenerOptionsValidator : IValidateOptions<DicomListenerOptions>
{
    public ValidateOptionsResult Validate(string? name, DicomListenerOptions options)
    {
        var errors = new OptionErrors(DicomListenerOptions.SectionName);
        if (!options.Enabled)
        {
            return errors.ToResult();
        }

        errors.RequireAeTitle(nameof(options.AeTitle), options.AeTitle);
        errors.RequireRange(nameof(options.Port), options.Port, 1, 65535);
        errors.RequireAddress(nameof(options.BindAddress), options.BindAddress);
        errors.RequireRange(nameof(options.MaxAssociations), options.MaxAssociations, 1, 1024);
        for (var i = 0; i < options.AllowedCallers.Count; i++)
        {
            var entry = options.AllowedCallers[i];
            var at = entry.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at == entry.Length - 1)
            {
                errors.Add($"AllowedCallers:{i}", $"is '{entry}'; write it as AE@IP (use * for any AE or any address).");
            }
        }

        if (!options.AllowAnyCaller && options.AllowedCallers.Count == 0)
        {
            errors.Add(nameof(options.AllowedCallers), "is empty while AllowAnyCaller is false: no modality could store. Add AE@IP entries or set AllowAnyCaller to true.");
        }

        return errors.ToResult();
    }
}
