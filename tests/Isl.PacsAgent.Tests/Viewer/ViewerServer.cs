using System.Net;
using Isl.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Isl.PacsAgent.Tests.Viewer;

/// <summary>
/// Serves the prebuilt OHIF viewer on loopback with an <c>app-config.js</c> whose DICOMweb data source is this server's
/// <c>/dicom-web</c>, which it forwards to Orthanc, splitting OHIF's comma-separated <c>includefield</c> into one
/// parameter per tag (Orthanc's DICOMweb plugin 1.7 rejects the comma form with "Unknown DICOM tag").
/// </summary>
public sealed class ViewerServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _orthanc;

    private ViewerServer(WebApplication app, HttpClient orthanc, int port)
    {
        _app = app;
        _orthanc = orthanc;
        Root = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The viewer's address (the study list).</summary>
    public Uri Root { get; }

    /// <summary>The app-config.js the viewer gets: one DICOMweb source at <c>/dicom-web</c> on the same origin.</summary>
    public const string AppConfig = """
        window.config = {
          routerBasename: '/',
          showStudyList: true,
          extensions: [],
          modes: [],
          showWarningMessageForCrossOrigin: false,
          showCPUFallbackMessage: false,
          showLoadingIndicator: true,
          investigationalUseDialog: { option: 'never' },
          defaultDataSourceName: 'orthanc',
          dataSources: [{
            namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
            sourceName: 'orthanc',
            configuration: {
              friendlyName: 'Orthanc (isl-agent test)',
              name: 'orthanc',
              wadoUriRoot: '/dicom-web',
              qidoRoot: '/dicom-web',
              wadoRoot: '/dicom-web',
              qidoSupportsIncludeField: true,
              imageRendering: 'wadors',
              thumbnailRendering: 'wadors',
              enableStudyLazyLoad: true,
              supportsFuzzyMatching: false,
              supportsWildcard: true,
              omitQuotationForMultipartRequest: true,
              bulkDataURI: { enabled: true },
            },
          }],
        };
        """;

    /// <summary>Starts it in front of <paramref name="orthancDicomWebRoot"/> (ending in <c>/dicom-web/</c>).</summary>
    public static async Task<ViewerServer> StartAsync(string distDirectory, Uri orthancDicomWebRoot)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = distDirectory, WebRootPath = distDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var orthanc = new HttpClient { BaseAddress = orthancDicomWebRoot, Timeout = TimeSpan.FromSeconds(60) };
        var files = new PhysicalFileProvider(distDirectory);

        app.MapGet("/app-config.js", () => Results.Text(AppConfig, "application/javascript"));
        app.Map("/dicom-web/{**rest}", (HttpContext context, string? rest) => ForwardAsync(context, orthanc, rest ?? ""));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        app.MapFallback(async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"));
        });
        await app.StartAsync();
        return new ViewerServer(app, orthanc, port);
    }

    /// <summary>The query string with every <c>includefield=a,b</c> split into <c>includefield=a&amp;includefield=b</c>.</summary>
    public static string SplitIncludeField(QueryString query)
    {
        var parts = new List<string>();
        foreach (var pair in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value))
        {
            foreach (var value in pair.Value)
            {
                var values = string.Equals(pair.Key, "includefield", StringComparison.OrdinalIgnoreCase)
                    ? (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [value ?? ""];
                parts.AddRange(values.Select(v => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(v)}"));
            }
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static async Task ForwardAsync(HttpContext context, HttpClient orthanc, string rest)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), rest + SplitIncludeField(context.Request.QueryString));
        foreach (var accept in context.Request.Headers.Accept)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await orthanc.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type)
        {
            context.Response.Headers.ContentType = type.ToString();
        }

        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _orthanc.Dispose();
    }
}
