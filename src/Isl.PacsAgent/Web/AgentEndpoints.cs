using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Hosting.Health;
using Isl.PacsAgent.Metrics;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Worklist;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Web;

/// <summary>The agent's local HTTP API: the worklist page <c>/</c>, <c>/health</c> (503 when a hosted service is down), <c>/metrics</c>, <c>/api/worklist</c>, <c>/api/studies/{uid}</c>.</summary>
public static class AgentEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var metrics = app.ServiceProvider.GetRequiredService<AgentMetrics>();
        var queue = app.ServiceProvider.GetRequiredService<ScoringQueue>();
        metrics.ObserveQueueDepth(() => queue.Count);

        app.MapGet("/health", async (StudyStore studies, IStudyScorer scorer, AgentHealth health, CancellationToken cancellationToken) =>
        {
            var pending = studies.ListInStates(StudyState.Received, StudyState.Assembling, StudyState.Scoring, StudyState.Delivering).Count;
            var model = scorer.LoadModel() is { } m ? new { id = m.Id, version = m.Version, sha256 = m.Sha256 } : null;
            var services = await health.ReportAsync(cancellationToken).ConfigureAwait(false);
            var up = services.All(s => s.IsUp);
            var body = new { status = up ? "ok" : "degraded", model, services, pendingStudies = pending, scoringQueueDepth = queue.Count };
            return up ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = AgentMetrics.ContentType;
            await metrics.WriteAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        var http = app.ServiceProvider.GetRequiredService<IOptions<HttpEndpointOptions>>().Value;
        var page = WorklistPage.Render(http);
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Content(page, WorklistPage.ContentType);
        });
        app.MapGet("/api/worklist", (StudyStore studies, DeliveryStore deliveries) =>
            Results.Ok(WorklistOrdering.Order(studies.ListAll(), deliveries.ListDeadLetteredRevisions(), http.ViewerUrlTemplate)));
        app.MapGet("/api/studies/{studyInstanceUid}", (string studyInstanceUid, StudyStore studies) =>
            studies.Find(studyInstanceUid) is { } study
                ? Results.Ok(new { study, series = studies.ListSeriesDecisions(studyInstanceUid) })
                : Results.NotFound(new { error = $"study {studyInstanceUid} is unknown" }));
        return app;
    }
}
