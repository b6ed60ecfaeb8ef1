using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Tests.EndToEnd;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;

namespace Isl.PacsAgent.Tests.Hosting;

/// <summary>The model bundle is explicit, loaded and validated when <c>isl-agent run</c> starts, and named in its log and <c>/health</c>.</summary>
[Trait("Category", "Integration")]
[Collection(ModelScoringCollection.Name)]
public sealed class ModelStartupTests
{
    private static readonly string DemoBundle = RepositoryRoot.Combine("samples", "models", "head-ct-demo");

    [Fact]
    public async Task RunStopsWithOneLineAndANonZeroExitWhenTheBundleIsMissing()
    {
        using var temp = new TempDirectory("isl-no-bundle");
        var result = await RunAsync(temp, temp.Combine("no-such-bundle"));

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains($"No model bundle at {temp.Combine("no-such-bundle")}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunStopsWithOneLineWhenTheBundleCannotScoreDicom()
    {
        using var temp = new TempDirectory("isl-gray-bundle");
        var bundle = temp.Combine("gray");
        Directory.CreateDirectory(bundle);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Combine("samples", "models", "head-ct-png")))
        {
            File.Copy(file, Path.Combine(bundle, Path.GetFileName(file)));
        }

        // A gray bundle that does not record the HU window of its images (whatever the shipped one records by now).
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(bundle, "manifest.json")))!;
        manifest["preprocessing"]!.AsObject().Remove("sourceWindow");
        await File.WriteAllTextAsync(Path.Combine(bundle, "manifest.json"), manifest.ToJsonString());

        var result = await RunAsync(temp, bundle);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains("cannot score DICOM", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("torch", "cuda")]
    [InlineData("onnx", "cuda")]
    [InlineData("onnx", "cuda:1")]
    public async Task RunStopsWithOneLineWhenCudaIsAskedForAndThisCpuBuildHasNone(string engine, string device)
    {
        using var temp = new TempDirectory("isl-no-cuda");
        var result = await RunAsync(temp, DemoBundle, device, engine);

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(Lines(result.StdErr));
        Assert.Contains($"Device '{device}' was asked for", line, StringComparison.Ordinal);
        Assert.Contains(engine == "onnx" ? "-p:IslOnnxBackend=cuda" : "-p:IslTorchBackend=cuda", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStartLogAndHealthNameTheModelAndTheLogNamesAddressesSourcesAndDestinations()
    {
        using var temp = new TempDirectory("isl-model-health");
        var dicomPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var configuration = AgentProcess.Configuration(temp.Combine("agent"), dicomPort, httpPort, stableAgeSeconds: 2);
        AgentProcess.AddOrthancDestination(configuration, new Uri("http://127.0.0.1:1/"));
        using var agent = await AgentProcess.StartAsync(temp.Combine("agent.json"), configuration);

        using var health = JsonDocument.Parse(await agent.Http.GetStringAsync(new Uri("health", UriKind.Relative)));
        var model = health.RootElement.GetProperty("model");
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(DemoBundle, "manifest.json"))));
        Assert.Equal("isl-head-ct-demo", model.GetProperty("id").GetString());
        Assert.Equal("1.0.0", model.GetProperty("version").GetString());
        Assert.Equal(sha, model.GetProperty("sha256").GetString());

        await AgentFixture.WaitForAsync(() => agent.Log.Contains("isl-agent started", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the start log", () => agent.Log);
        var log = agent.Log;
        Assert.Contains($"Model isl-head-ct-demo 1.0.0 (manifest SHA-256 {sha})", log, StringComparison.Ordinal);
        Assert.Contains("networks run in onnx CPUExecutionProvider", log, StringComparison.Ordinal);
        Assert.Contains($"DICOM ISL_AGENT on 127.0.0.1:{dicomPort}", log, StringComparison.Ordinal);
        Assert.Contains($"HTTP http://127.0.0.1:{httpPort}/", log, StringComparison.Ordinal);
        Assert.Contains("sources: C-STORE from any caller", log, StringComparison.Ordinal);
        Assert.Contains("destinations: orthanc (OrthancRest http://127.0.0.1:1/)", log, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultBundleIsConfiguredBesideTheAppAndTheBuildPutsBundlesThere()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        Assert.Equal("samples/models/head-ct", settings.RootElement.GetProperty("Scoring").GetProperty("BundlePath").GetString());

        var demo = ModelStudyScorer.ResolveBundlePath("samples/models/head-ct-demo");
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "samples", "models", "head-ct-demo"), demo);
        Assert.True(File.Exists(Path.Combine(demo, "manifest.json")), "the build copies the demo bundle beside the agent");
        Assert.Equal(Path.GetFullPath("/abs/bundle"), ModelStudyScorer.ResolveBundlePath("/abs/bundle"));
    }

    private static async Task<ToolResult> RunAsync(TempDirectory temp, string bundlePath, string device = "cpu", string engine = "torch")
    {
        var configuration = AgentProcess.Configuration(temp.Combine("agent"), FreePort.Next(), FreePort.Next(), stableAgeSeconds: 2);
        configuration["Dicom"] = new Dictionary<string, object> { ["Enabled"] = false };
        configuration["Scoring"] = new Dictionary<string, object> { ["BundlePath"] = bundlePath, ["Device"] = device, ["Engine"] = engine };
        var path = temp.Combine("agent.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(configuration));
        return ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "isl-agent.dll"), "run", "--config", path], TimeSpan.FromSeconds(60), temp.Path);
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
