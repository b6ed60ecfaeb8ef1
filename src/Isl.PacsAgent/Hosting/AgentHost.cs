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

        var errors = AgentConfigurationCheck.Validate(configuration);
        if (errors.Count > 0)
        {
            throw new AgentConfigurationException(errors);
        }

        var http = configuration.GetSection(HttpEndpointOptions.SectionName).Get<HttpEndpointOptions>() ?? new HttpEndpointOptions();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{http.Address}:{http.Port}"));
        AddAgentServices(builder.Services, configuration);

        // The HTTP API names states and kinds ("Done", "NotAnalysed"), as the database stores them, not by number.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseEndpointAuthentication(http);
        app.MapAgentEndpoints();
        return app;
    }

    private static void AddAgentServices(IServiceCollection services, IConfiguration configuration)
    {
        AddOptions<DicomListenerOptions, DicomListenerOptionsValidator>(services, configuration, DicomListenerOptions.SectionName);
        AddOptions<OrthancSourceOptions, OrthancSourceOptionsValidator>(services, configuration, OrthancSourceOptions.SectionName);
        AddOptions<AssemblyOptions, AssemblyOptionsValidator>(services, configuration, AssemblyOptions.SectionName);
        AddOptions<SeriesSelectionOptions, SeriesSelectionOptionsValidator>(services, configuration, SeriesSelectionOptions.SectionName);
        AddOptions<ScoringOptions, ScoringOptionsValidator>(services, configuration, ScoringOptions.SectionName);
        AddOptions<DeliveryOptions, DeliveryOptionsValidator>(services, configuration, DeliveryOptions.SectionName);
        AddOptions<HttpEndpointOptions, HttpEndpointOptionsValidator>(services, configuration, HttpEndpointOptions.SectionName);
        AddOptions<StorageOptions, StorageOptionsValidator>(services, configuration, StorageOptions.SectionName);

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
        services.TryAddSingleton<IInstanceHeaderReader, DicomInstanceHeaderReader>();
        services.TryAddSingleton<IStudyScorer, ModelStudyScorer>();
        services.TryAddSingleton<IResultWriter, ReportResultWriter>();
        services.TryAddSingleton<INotAnalysedResultWriter, NotAnalysedReportWriter>();
        services.AddHttpClient();
        ResultDestinations.Register(services, configuration.GetSection(DeliveryOptions.SectionName).Get<DeliveryOptions>() ?? new DeliveryOptions());

        var assembly = configuration.GetSection(AssemblyOptions.SectionName).Get<AssemblyOptions>() ?? new AssemblyOptions();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
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
        OrthancSource.Register(services, configuration.GetSection(OrthancSourceOptions.SectionName).Get<OrthancSourceOptions>() ?? new OrthancSourceOptions());
    }

    private static void AddOptions<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
