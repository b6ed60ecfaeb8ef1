using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Http</c> section.</summary>
internal sealed class HttpEndpointOptionsValidator : IValidateOptions<HttpEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpEndpointOptions options)
    {
        var errors = new OptionErrors(HttpEndpointOptions.SectionName);
        errors.RequireAddress(nameof(options.Address), options.Address);
        errors.RequireRange(nameof(options.Port), options.Port, 0, 65535);

        return errors.ToResult();
    }
}
