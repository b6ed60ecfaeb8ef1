using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Configuration.Validation;

/// <summary>Checks the <c>Delivery</c> section and every destination in it.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var errors = new OptionErrors(DeliveryOptions.SectionName);
        errors.RequireRange(nameof(options.MaxAttempts), options.MaxAttempts, 1, 1000);
        errors.RequireRange(nameof(options.InitialBackoffSeconds), options.InitialBackoffSeconds, 0, 3600);
        errors.RequireRange(nameof(options.MaxBackoffSeconds), options.MaxBackoffSeconds, 0, 86400);
        errors.RequireRange(nameof(options.PollIntervalSeconds), options.PollIntervalSeconds, 0.05, 60);
        if (options.MaxBackoffSeconds < options.InitialBackoffSeconds)
        {
            errors.Add(nameof(options.MaxBackoffSeconds), $"({options.MaxBackoffSeconds}) is smaller than InitialBackoffSeconds ({options.InitialBackoffSeconds}).");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Destinations.Count; i++)
        {
            var destination = options.Destinations[i];
            var key = $"Destinations:{i}:";
            if (string.IsNullOrWhiteSpace(destination.Name))
            {
                errors.Add(key + nameof(destination.Name), "is empty; every destination needs a unique name.");
            }
            else if (!names.Add(destination.Name))
            {
                errors.Add(key + nameof(destination.Name), $"'{destination.Name}' is used twice.");
            }

            ValidateDestination(errors, key, destination);
        }

        return errors.ToResult();
    }

    private static void ValidateDestination(OptionErrors errors, string key, DeliveryDestinationOptions destination)
    {
        switch (destination.Kind)
        {
            case DeliveryDestinationKind.CStore:
                if (string.IsNullOrWhiteSpace(destination.Host))
                {
                    errors.Add(key + nameof(destination.Host), "is empty; a C-STORE destination needs the peer's host.");
                }

                errors.RequireRange(key + nameof(destination.Port), destination.Port, 1, 65535);
                errors.RequireAeTitle(key + nameof(destination.CalledAeTitle), destination.CalledAeTitle);
                if (destination.CallingAeTitle.Length > 0)
                {
                    errors.RequireAeTitle(key + nameof(destination.CallingAeTitle), destination.CallingAeTitle);
                }

                break;
            case DeliveryDestinationKind.StowRs:
            case DeliveryDestinationKind.OrthancRest:
                errors.RequireHttpUrl(key + nameof(destination.Url), destination.Url);
                ValidateAuthentication(errors, key, destination);
                break;
            default:
                errors.Add(key + nameof(destination.Kind), $"'{destination.Kind}' is not one of CStore, StowRs, OrthancRest.");
                break;
        }
    }

    private static void ValidateAuthentication(OptionErrors errors, string key, DeliveryDestinationOptions destination)
    {
        switch (destination.Authentication)
        {
            case HttpAuthenticationKind.Basic when destination.Username.Length == 0 || destination.Password.Length == 0:
                errors.Add(key + nameof(destination.Authentication), "is Basic but Username or Password is empty.");
                break;
            case HttpAuthenticationKind.Bearer when destination.Token.Length == 0:
                errors.Add(key + nameof(destination.Authentication), "is Bearer but Token is empty.");
                break;
        }
    }
}
