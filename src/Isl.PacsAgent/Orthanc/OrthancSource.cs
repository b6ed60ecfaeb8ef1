using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Isl.PacsAgent.Orthanc;

/// <summary>Registers the Orthanc change-feed ingest when <c>Ingest:Orthanc:Enabled</c> is true.</summary>
public static class OrthancSource
{
    /// <summary>The HTTP client name of the source.</summary>
    public const string ClientName = "orthanc-source";

    /// <summary>Adds the Refit client, the DICOMweb client and the polling service.</summary>
    public static void Register(IServiceCollection services, OrthancSourceOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }

        var authentication = options.Username.Length > 0 ? HttpAuthenticationKind.Basic : HttpAuthenticationKind.None;
        services.AddSingleton(provider => RestService.For<IOrthancApi>(
            HttpClients.Create(provider.GetRequiredService<IHttpClientFactory>(), options.BaseUrl, authentication, options.Username, options.Password, "")));
        services.AddSingleton(provider => new DicomWeb.DicomWebClient(
            HttpClients.Create(provider.GetRequiredService<IHttpClientFactory>(), new Uri(new Uri(Slash(options.BaseUrl)), options.DicomWebPath).ToString(), authentication, options.Username, options.Password, "")));
        services.AddHostedService<OrthancChangeFeedService>();
    }

    private static string Slash(string url) => url.EndsWith('/') ? url : url + "/";
}
