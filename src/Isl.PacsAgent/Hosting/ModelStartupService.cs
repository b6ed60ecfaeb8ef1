using System.Globalization;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Logging;
using Isl.PacsAgent.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Hosting;

/// <summary>
/// The first hosted service: loads and validates the model bundle before the agent receives anything (a missing or
/// unusable bundle stops the start, never a study), and once everything runs logs what the agent runs with: the model,
/// its DICOM and HTTP addresses, its sources and destinations.
/// </summary>
internal sealed class ModelStartupService(
    IStudyScorer scorer,
    IHostApplicationLifetime lifetime,
    DicomListenerService listener,
    IOptions<DicomListenerOptions> dicom,
    IOptions<HttpEndpointOptions> http,
    IOptions<OrthancSourceOptions> orthanc,
    IOptions<DeliveryOptions> delivery,
    ILogger<ModelStartupService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var model = scorer.LoadModel();
        if (model is not null)
        {
            AgentLog.ModelLoaded(logger, model.Id, model.Version, model.Sha256, model.Path, model.Networks);
        }

        lifetime.ApplicationStarted.Register(LogStarted);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void LogStarted()
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var dicomAddress = dicom.Value.Enabled ? string.Create(CultureInfo.InvariantCulture, $"{dicom.Value.AeTitle} on {dicom.Value.BindAddress}:{listener.Port}") : "off";
        var authentication = http.Value.Authentication == HttpAuthenticationKind.None ? "no authentication" : $"{http.Value.Authentication} authentication";
        var httpUrl = string.Create(CultureInfo.InvariantCulture, $"http://{http.Value.Address}:{http.Value.Port}/ (worklist page, {authentication})");
        var destinations = delivery.Value.Destinations.Count == 0 ? "none" : string.Join(", ", delivery.Value.Destinations);
        var sources = Sources();
        AgentLog.Started(logger, dicomAddress, httpUrl, sources, destinations);
    }

    private string Sources()
    {
        var sources = new List<string>();
        if (dicom.Value.Enabled)
        {
            sources.Add(dicom.Value.AllowAnyCaller ? "C-STORE from any caller" : $"C-STORE from {string.Join(", ", dicom.Value.AllowedCallers)}");
        }

        if (orthanc.Value.Enabled)
        {
            sources.Add($"Orthanc changes at {orthanc.Value.BaseUrl}");
        }

        return sources.Count == 0 ? "none" : string.Join("; ", sources);
    }
}
