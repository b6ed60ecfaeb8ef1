using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Http</c> section: a non-loopback address needs authentication, and the credentials it names.</summary>
internal sealed class HttpEndpointOptionsValidator : IValidateOptions<HttpEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpEndpointOptions options)
    {
        var errors = new OptionErrors(HttpEndpointOptions.SectionName);
        errors.RequireAddress(nameof(options.Address), options.Address);
        errors.RequireRange(nameof(options.Port), options.Port, 0, 65535);
        errors.RequireRange(nameof(options.WorklistRefreshSeconds), options.WorklistRefreshSeconds, 0.1, 3600);
        if (!options.IsLoopback && options.Authentication == HttpAuthenticationKind.None)
        {
            errors.Add(nameof(options.Authentication), $"is None while Address {options.Address} is reachable from other machines; set Basic (Username, Password) or Bearer (Token), or bind 127.0.0.1.");
        }

        if (options.Authentication == HttpAuthenticationKind.Basic && (options.Username.Length == 0 || options.Password.Length == 0))
        {
            errors.Add(nameof(options.Password), "and Username must both be set for Basic authentication.");
        }

        if (options.Authentication == HttpAuthenticationKind.Bearer && options.Token.Length < 16)
        {
            errors.Add(nameof(options.Token), "must be set (at least 16 characters) for Bearer authentication.");
        }

        if (options.ViewerUrlTemplate.Length > 0)
        {
            if (!options.ViewerUrlTemplate.Contains("{StudyInstanceUID}", StringComparison.Ordinal))
            {
                errors.Add(nameof(options.ViewerUrlTemplate), $"is '{options.ViewerUrlTemplate}'; it must contain {{StudyInstanceUID}} where the study's UID goes.");
            }
            else if (!options.ViewerUrlTemplate.StartsWith('/'))
            {
                errors.RequireHttpUrl(nameof(options.ViewerUrlTemplate), options.ViewerUrlTemplate.Replace("{StudyInstanceUID}", "1.2", StringComparison.Ordinal));
            }
        }

        return errors.ToResult();
    }
}
