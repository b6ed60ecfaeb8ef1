using Microsoft.Extensions.Hosting;

namespace Isl.PacsAgent.Tests.Web;

/// <summary>A background service whose loop ends at once, as a crashed worker's would (without stopping the host).</summary>
internal sealed class EndingService : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
