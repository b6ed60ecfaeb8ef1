using Isl.PacsAgent.Metrics;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Worklist;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Web;

/// <summary>The agent's local HTTP API: <c>/health</c>, <c>/metrics</c>, <c>/api/worklist</c>, <c>/api/studies/{uid}</c>.</summary>
public static class AgentEndpoints
{
    /// <summary>The Prometheus text exposition content type.</summary>
    public const string PrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var metrics = app.ServiceProvider.GetRequiredService<AgentMetrics>();
        var queue = app.ServiceProvider.GetRequiredService<ScoringQueue>();
        metrics.ObserveQueueDepth(() => queue.Count);

        app.MapGet("/health", (StudyStore studies, IStudyScorer scorer) =>
        {
            var pending = studies.ListInStates(StudyState.Received, StudyState.Assembling, StudyState.Scoring, StudyState.Delivering).Count;
            var model = scorer.LoadModel() is { } m ? new { id = m.Id, version = m.Version, sha256 = m.Sha256 } : null;
            return Results.Ok(new { status = "ok", model, pendingStudies = pending, scoringQueueDepth = queue.Count });
        });
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = PrometheusContentType;
            await using var writer = new StringWriter();
            metrics.WritePrometheus(writer);
            await context.Response.WriteAsync(writer.ToString()).ConfigureAwait(false);
        });
        app.MapGet("/api/worklist", (StudyStore studies) => Results.Ok(WorklistOrdering.Order(studies.ListAll())));
        app.MapGet("/api/studies/{studyInstanceUid}", (string studyInstanceUid, StudyStore studies) =>
            studies.Find(studyInstanceUid) is { } study
                ? Results.Ok(new { study, series = studies.ListSeriesDecisions(studyInstanceUid) })
                : Results.NotFound(new { error = $"study {studyInstanceUid} is unknown" }));
        return app;
    }
}
