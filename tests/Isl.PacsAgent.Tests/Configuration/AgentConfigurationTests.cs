using Isl.PacsAgent.Configuration.Validation;
using Isl.PacsAgent.Hosting;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Configuration;

public sealed class AgentConfigurationTests
{
    private static IConfiguration Load(Dictionary<string, string?> overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(overrides)
            .Build();

    [Fact]
    public void TheShippedDefaultsAreValid() => Assert.Empty(AgentConfigurationCheck.Validate(Load([])));

    [Fact]
    public void The_host_binds_each_section_once_and_its_services_read_that_binding()
    {
        var bad = Assert.Throws<AgentConfigurationException>(() => AgentHost.Build(new AgentHostSettings
        {
            Overrides = new Dictionary<string, string?> { ["Scoring:Workers"] = "0", ["Dicom:Port"] = "0" },
        }));
        Assert.Single(bad.Errors, e => e.Contains("Workers", StringComparison.Ordinal));
        Assert.Single(bad.Errors, e => e.Contains("Port", StringComparison.Ordinal));

        using var temp = new TempDirectory();
        using var app = AgentHost.Build(new AgentHostSettings
        {
            Overrides = new Dictionary<string, string?>
            {
                ["Scoring:Workers"] = "3",
                ["Scoring:Engine"] = "torch",
                ["Storage:DatabasePath"] = temp.Combine("agent.db"),
                ["Storage:SchedulerDatabasePath"] = temp.Combine("scheduler.db"),
                ["Storage:SpoolPath"] = temp.Combine("spool"),
                ["Storage:OutputPath"] = temp.Combine("out"),
            },
        });
        var scoring = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Isl.PacsAgent.Configuration.ScoringOptions>>().Value;
        Assert.Equal(3, scoring.Workers);
        Assert.Equal("torch", scoring.Engine);
        Assert.Same(scoring, app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Isl.PacsAgent.Configuration.ScoringOptions>>().Value);
    }

    [Fact]
    public void EveryMistakeIsReportedWithItsKey()
    {
        var errors = AgentConfigurationCheck.Validate(Load(new()
        {
            ["Dicom:AeTitle"] = "THIS_AE_TITLE_IS_TOO_LONG",
            ["Dicom:Port"] = "0",
            ["Dicom:AllowedCallers:0"] = "@1.2.3.4",
            ["Assembly:StableAgeSeconds"] = "-1",
            ["SeriesSelection:MinSliceThicknessMm"] = "8",
            ["SeriesSelection:MaxSliceThicknessMm"] = "2",
            ["Scoring:Device"] = "tpu",
            ["Scoring:Engine"] = "tensorrt",
            ["Scoring:Workers"] = "0",
            ["Scoring:ThinSliceThicknessMm"] = "-1",
            ["SeriesSelection:ContrastDescriptionPattern"] = "C(+",
            ["SeriesSelection:NonContrastPattern"] = "[no",
            ["Http:Address"] = "localhost:80",
            ["Storage:SchedulerDatabasePath"] = "data/agent.db",
            ["Delivery:Destinations:0:Name"] = "pacs",
            ["Delivery:Destinations:0:Kind"] = "StowRs",
            ["Delivery:Destinations:0:Url"] = "ftp://pacs",
            ["Delivery:Destinations:1:Name"] = "PACS",
            ["Delivery:Destinations:1:Kind"] = "CStore",
            ["Delivery:Destinations:1:Host"] = "pacs",
        }));

        string[] keys =
        [
            "Dicom:AeTitle", "Dicom:Port", "Dicom:AllowedCallers:0", "Assembly:StableAgeSeconds", "SeriesSelection:MinSliceThicknessMm",
            "Scoring:Device", "Scoring:Engine", "Scoring:Workers", "Scoring:ThinSliceThicknessMm", "SeriesSelection:ContrastDescriptionPattern",
            "SeriesSelection:NonContrastPattern", "Http:Address", "Storage:SchedulerDatabasePath", "Delivery:Destinations:0:Url",
            "Delivery:Destinations:1:Name", "Delivery:Destinations:1:CalledAeTitle",
        ];
        foreach (var key in keys)
        {
            Assert.Contains(errors, e => e.StartsWith(key + " ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("cpu", "torch")]
    [InlineData("cuda", "onnx")]
    [InlineData("cuda:3", "ONNX")]
    [InlineData("auto", "Torch")]
    public void EveryDeviceAndEngineTheScorerParsesIsValid(string device, string engine)
    {
        Assert.Empty(AgentConfigurationCheck.Validate(Load(new() { ["Scoring:Device"] = device, ["Scoring:Engine"] = engine })));
        Assert.Equal(device, Isl.Model.Runtime.DeviceOption.Parse(device).ToString());
    }

    [Fact]
    public void CredentialsNeverAppearInErrors()
    {
        var errors = AgentConfigurationCheck.Validate(Load(new()
        {
            ["Delivery:Destinations:0:Name"] = "web",
            ["Delivery:Destinations:0:Kind"] = "StowRs",
            ["Delivery:Destinations:0:Url"] = "nope://admin:s3cret-pw@pacs/dicom-web",
            ["Delivery:Destinations:1:Name"] = "web2",
            ["Delivery:Destinations:1:Kind"] = "StowRs",
            ["Delivery:Destinations:1:Url"] = "https://admin:s3cret-pw@pacs/dicom-web",
            ["Delivery:Destinations:1:Authentication"] = "Basic",
            ["Delivery:Destinations:1:Username"] = "admin",
        }));

        Assert.Contains(errors, e => e.Contains("embeds credentials", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Username or Password is empty", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("s3cret-pw", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownEnumValueIsReportedNotThrown()
    {
        var errors = AgentConfigurationCheck.Validate(Load(new()
        {
            ["Delivery:Destinations:0:Name"] = "x",
            ["Delivery:Destinations:0:Kind"] = "Carrier-Pigeon",
        }));

        Assert.Contains(errors, e => e.StartsWith("Delivery:", StringComparison.Ordinal) && e.Contains("Carrier-Pigeon", StringComparison.Ordinal));
    }

    [Fact]
    public void TheHostRefusesToBuildAndListsTheProblems()
    {
        using var temp = new TempDirectory("isl-config");
        var settings = AgentFixture.Settings(temp);
        settings["Scoring:QueueCapacity"] = "0";
        settings["Delivery:MaxAttempts"] = "0";

        var ex = Assert.Throws<AgentConfigurationException>(() => AgentFixture.Build(settings));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("Scoring:QueueCapacity", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Delivery:MaxAttempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingConfigFileIsAClearError()
    {
        var ex = Assert.Throws<AgentConfigurationException>(() => AgentHost.Build(new AgentHostSettings { ConfigFile = "/nonexistent/agent.json" }));
        Assert.Contains("/nonexistent/agent.json", ex.Message, StringComparison.Ordinal);
    }
}
