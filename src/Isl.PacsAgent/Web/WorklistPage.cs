using System.Globalization;
using Isl.PacsAgent.Configuration;

namespace Isl.PacsAgent.Web;

/// <summary>
/// The emergency worklist page served at <c>/</c>: one static HTML file (embedded <c>worklist.html</c>) whose script
/// fetches <c>api/worklist</c> every <see cref="HttpEndpointOptions.WorklistRefreshSeconds"/> and redraws the rows in
/// place, most suspicious first, each with its verdict, score, age, patient, accession, state and viewer link.
/// </summary>
public static class WorklistPage
{
    /// <summary>The page's content type.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    private const string ResourceName = "Isl.PacsAgent.Web.worklist.html";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(WorklistPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The page for <paramref name="options"/>.</summary>
    public static string Render(HttpEndpointOptions options) =>
        Template.Value.Replace("__REFRESH_SECONDS__", options.WorklistRefreshSeconds.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
