using System.Diagnostics;
using System.Globalization;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.PacsAgent.Tests.TestSupport;
using Isl.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Tests.Deployment;

/// <summary>
/// <c>samples/send-phantoms.sh</c> against an agent with the shipped allow-list (<c>appsettings.json</c>'s
/// <c>Dicom:AllowedCallers</c>): every generated DICOM instance is accepted, nothing else is sent, and the studies are scored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SendPhantomsScriptTests
{
    [Fact]
    public async Task SendsEveryPhantomInstanceToTheDefaultConfiguration()
    {
        var trainer = RepositoryRoot.Combine("src", "Isl.Trainer", "bin", BuildConfiguration, "net10.0", "isl-trainer.dll");
        Assert.True(File.Exists(trainer), $"{trainer} is not built (the solution build makes it)");
        using var temp = new TempDirectory("isl-send-phantoms");
        var port = FreePort.Next();
        var settings = AgentFixture.Settings(temp, stableAgeSeconds: 1, dicom: true);
        settings["Dicom:Port"] = port.ToString(CultureInfo.InvariantCulture);
        var app = AgentFixture.Build(settings, s => s.AddSingleton<IStudyScorer>(new FakeScorer()));
        await app.StartAsync();
        try
        {
            var phantoms = temp.Combine("phantoms");
            var start = new ProcessStartInfo("bash", [RepositoryRoot.Combine("samples", "send-phantoms.sh"), "localhost", port.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["TRAINER"] = $"dotnet {trainer}", ["NORMAL"] = "1", ["ABNORMAL"] = "1", ["SLICES"] = "16", ["OUT"] = phantoms },
            };
            using var script = Process.Start(start)!;
            var stdout = script.StandardOutput.ReadToEndAsync();
            var stderr = script.StandardError.ReadToEndAsync();
            await script.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var log = await stdout + await stderr;
            Assert.True(script.ExitCode == 0, $"send-phantoms.sh exited {script.ExitCode}: {log}");

            var dicomFiles = Directory.GetFiles(phantoms, "*.dcm", SearchOption.AllDirectories).Length;
            Assert.Equal(32, dicomFiles);
            Assert.NotEmpty(Directory.GetFiles(phantoms, "labels.json", SearchOption.AllDirectories)); // there, and not sent
            Assert.Contains($"sent {dicomFiles} instances", log, StringComparison.Ordinal);
            var studies = app.Services.GetRequiredService<StudyStore>();
            await AgentFixture.WaitForAsync(() => studies.ListInStates(StudyState.Done).Count == 2, TimeSpan.FromSeconds(30), "both phantom studies to be scored", () => string.Join("; ", studies.ListAll()));
            Assert.Equal(32, studies.ListAll().Sum(s => s.InstanceCount));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
