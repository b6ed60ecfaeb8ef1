using Microsoft.Extensions.Hosting;
using Quartz;

namespace Isl.PacsAgent.Hosting.Health;

/// <summary>
/// The status of every hosted service of the agent: a service that reports its own health says so; a
/// <see cref="BackgroundService"/> is running while its task runs; the Quartz scheduler while it is started and not shut down.
/// </summary>
public sealed class AgentHealth(IEnumerable<IHostedService> services, ISchedulerFactory schedulers, IHostApplicationLifetime lifetime)
{
    /// <summary>Each hosted service's status, in start order.</summary>
    public async Task<IReadOnlyList<ServiceHealth>> ReportAsync(CancellationToken cancellationToken)
    {
        var started = lifetime.ApplicationStarted.IsCancellationRequested;
        var list = new List<ServiceHealth>();
        foreach (var service in services)
        {
            var name = service.GetType().Name;
            if (service is IServiceHealthSource source)
            {
                list.Add(source.Health);
            }
            else if (service is BackgroundService background)
            {
                list.Add(Of(name, background.ExecuteTask, started));
            }
            else if (name.StartsWith("Quartz", StringComparison.Ordinal))
            {
                list.Add(await SchedulerAsync(cancellationToken).ConfigureAwait(false));
            }
            else if (!name.StartsWith("GenericWebHost", StringComparison.Ordinal))
            {
                list.Add(new ServiceHealth(name, started ? ServiceHealth.Running : ServiceHealth.Starting));
            }
        }

        return list;
    }

    private static ServiceHealth Of(string name, Task? task, bool started) => task switch
    {
        null => new ServiceHealth(name, started ? ServiceHealth.Stopped : ServiceHealth.Starting, started ? "never started" : null),
        { IsFaulted: true } => new ServiceHealth(name, ServiceHealth.Failed, task.Exception?.GetBaseException().Message),
        { IsCompleted: true } => new ServiceHealth(name, ServiceHealth.Stopped, "its loop ended"),
        _ => new ServiceHealth(name, ServiceHealth.Running),
    };

    private async Task<ServiceHealth> SchedulerAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
        return status switch
        {
            SchedulerStatus.Running => new ServiceHealth("scheduler", ServiceHealth.Running),
            SchedulerStatus.Created or SchedulerStatus.Standby when !lifetime.ApplicationStarted.IsCancellationRequested => new ServiceHealth("scheduler", ServiceHealth.Starting),
            _ => new ServiceHealth("scheduler", ServiceHealth.Stopped, $"Quartz is {status}"),
        };
    }
}
