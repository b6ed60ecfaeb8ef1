using Isl.Dicom.Network.Server;
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
        errors.RequireRange(nameof(options.AssociationRequestTimeoutSeconds), options.AssociationRequestTimeoutSeconds, 1, 300);
        errors.RequireRange(nameof(options.MaxPendingConnectionsPerAddress), options.MaxPendingConnectionsPerAddress, 1, 1024);
        for (var i = 0; i < options.AllowedCallers.Count; i++)
        {
            try
            {
                AllowedPeer.Parse(options.AllowedCallers[i]);
            }
            catch (FormatException ex)
            {
                errors.Add($"AllowedCallers:{i}", $"is invalid: {ex.Message}");
            }
        }

        if (!options.AllowAnyCaller && options.AllowedCallers.Count == 0)
        {
            errors.Add(nameof(options.AllowedCallers), "is empty while AllowAnyCaller is false: no modality could store. Add CALLING_AE@IP (or CALLING_AE@*) entries or set AllowAnyCaller to true.");
        }

        return errors.ToResult();
    }
}
