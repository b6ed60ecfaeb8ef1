using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Isl.PacsAgent.Hosting;

/// <summary>Runs <see cref="ScoringOptions.Workers"/> workers that take studies from the <see cref="ScoringQueue"/>.</summary>
internal sealed class ScoringWorkerService(ScoringQueue queue, StudyPipeline pipeline, IOptions<ScoringOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string study;
            try
            {
                study = await queue.DequeueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await pipeline.ProcessAsync(study, stoppingToken).ConfigureAwait(false);
        }
    }
}
