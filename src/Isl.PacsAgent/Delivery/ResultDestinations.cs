using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Orthanc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace Isl.PacsAgent.Delivery;

/// <summary>Registers one <see cref="IResultDestination"/> per configured destination.</summary>
public static class ResultDestinations
{
    /// <summary>Adds the destinations of <paramref name="options"/> to the container.</summary>
    public static void Register(IServiceCollection services, DeliveryOptions options)
    {
        services.TryAddSingleton<ICStoreSender, NetworkCStoreSender>();
        foreach (var destination in options.Destinations)
        {
            var d = destination;
            services.AddSingleton<IResultDestination>(provider => Create(provider, d));
        }
    }

    private static IResultDestination Create(IServiceProvider provider, DeliveryDestinationOptions d)
    {
        var factory = provider.GetRequiredService<IHttpClientFactory>();
        switch (d.Kind)
        {
            case DeliveryDestinationKind.StowRs:
                return new StowRsDestination(d.Name, HttpClients.Create(factory, d.Url, d.Authentication, d.Username, d.Password, d.Token));
            case DeliveryDestinationKind.OrthancRest:
                var api = RestService.For<IOrthancApi>(HttpClients.Create(factory, d.Url, d.Authentication, d.Username, d.Password, d.Token));
                var metadata = d.SetPriorityMetadata ? provider.GetRequiredService<IOptions<DeliveryOptions>>().Value.PriorityMetadataName : null;
                return new OrthancRestDestination(d.Name, api, metadata);
            default:
                var calling = d.CallingAeTitle.Length > 0 ? d.CallingAeTitle : provider.GetRequiredService<IOptions<DicomListenerOptions>>().Value.AeTitle;
                return new CStoreDestination(d.Name, d.Host, d.Port, calling, d.CalledAeTitle, provider.GetRequiredService<ICStoreSender>());
        }
    }
}
