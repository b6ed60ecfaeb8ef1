using System.Globalization;
using System.Text.Json.Serialization;
using Isl.PacsAgent.StudyAssembly;
using Isl.PacsAgent.Configuration;
using Isl.PacsAgent.Configuration.Validation;
using Isl.PacsAgent.Delivery;
using Isl.PacsAgent.Ingest;
using Isl.PacsAgent.Metrics;
using Isl.PacsAgent.Orthanc;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Reporting;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Isl.PacsAgent.Hosting;

/// <summary>Builds the agent: configuration, validated options, stores, Quartz, workers and the HTTP endpoint.</summary>
public static class AgentHost
{
    /// <summary>Environment variables with this prefix configure the agent (<c>ISL_AGENT_Storage__SpoolPath</c>); unprefixed ones work too.</summary>
    public const string EnvironmentPrefix = "ISL_AGENT_";

    /// <summary>Builds a host; throws <see cref="AgentConfigurationException"/> listing every configuration error.</summary>
    public static WebApplication Build(AgentHostSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [.. settings.Args],
        });
        var configuration = builder.Configuration;
        if (settings.ConfigFile is not null)
        {
            if (!File.Exists(settings.ConfigFile))
            {
                throw new AgentConfigurationException([$"the configuration file '{settings.ConfigFile}' does not exist."]);
            }

            configuration.AddJsonFile(Path.GetFullPath(settings.ConfigFile), optional: false, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddCommandLine([.. settings.Args]);
        configuration.AddInMemoryCollection(settings.Overrides);

        // Bound and validated once, all sections together; the services read these very instances.
        var (agent, errors) = AgentConfigurationCheck.Bind(configuration);
        if (errors.Count > 0)
        {
            throw new AgentConfigurationException(errors);
        }

        var http = agent.Http;
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{http.Address}:{http.Port}"));
        AddAgentServices(builder.Services, agent);

        // The HTTP API names states and kinds ("Done", "NotAnalysed"), as the database stores them, not by number.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseEndpointAuthentication(http);
        app.MapAgentEndpoints();
        return app;
    }

    private static void AddAgentServices(IServiceCollection services, AgentConfiguration configuration)
    {
        services.AddSingleton(Options.Create(configuration.DicomListener));
        services.AddSingleton(Options.Create(configuration.OrthancSource));
        services.AddSingleton(Options.Create(configuration.Assembly));
        services.AddSingleton(Options.Create(configuration.SeriesSelection));
        services.AddSingleton(Options.Create(configuration.Scoring));
        services.AddSingleton(Options.Create(configuration.Delivery));
        services.AddSingleton(Options.Create(configuration.Http));
        services.AddSingleton(Options.Create(configuration.Storage));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AgentMetrics>();
        services.AddSingleton<Health.AgentHealth>();
        services.AddSingleton<AgentDatabase>();
        services.AddSingleton<StudyStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<ScoringQueue>();
        services.AddSingleton<StudyAssembler>();
        services.AddSingleton<StudyPipeline>();
        services.AddSingleton<InstanceIngest>();
        services.TryAddSingleton<IStudyScorer, ModelStudyScorer>();
        services.TryAddSingleton<IResultWriter, ReportResultWriter>();
        services.TryAddSingleton<INotAnalysedResultWriter, NotAnalysedReportWriter>();
        services.AddHttpClient();
        ResultDestinations.Register(services, configuration.Delivery);

        var assembly = configuration.Assembly;
        var storage = configuration.Storage;
        var schedulerDatabase = Path.GetFullPath(storage.SchedulerDatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(schedulerDatabase)!);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = "isl-agent");
            quartz.UseDefaultThreadPool(assembly.SchedulerThreads);
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite($"Data Source={schedulerDatabase};Pooling=True");
                store.ProvisionSchema();
            });
        });
        services.AddSingleton<DicomListenerService>();
        services.AddHostedService<ModelStartupService>(); // first: nothing is received before the model is known to work
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService(provider => provider.GetRequiredService<DicomListenerService>());
        services.AddHostedService<PendingWorkRecoveryService>();
        services.AddHostedService<ScoringWorkerService>();
        services.AddHostedService<DeliveryWorkerService>();
        OrthancSource.Register(services, configuration.OrthancSource);
    }
}
