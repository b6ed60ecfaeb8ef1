using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Isl.Dicom;
using Isl.Dicom.Network.Client;
using Isl.PacsAgent.Hosting;
using Isl.PacsAgent.Pipeline;
using Isl.PacsAgent.Storage;
using Isl.Phantoms;
using Isl.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Isl.PacsAgent.Demo;

/// <summary>
/// The self-contained demo: generates a normal and an abnormal phantom study, starts the agent in-process on loopback
/// (embedded defaults, no Orthanc, no delivery destinations), sends both by C-STORE, waits for the triage results and
/// writes a heatmap montage per study.
/// </summary>
public static class DemoRunner
{
    /// <summary>Images per demo study (the selector's minimum is 16).</summary>
    public const int SliceCount = 20;

    /// <summary>The phantom-trained bundle the demo scores with (copied beside the app by the build; relative to it).</summary>
    public const string DemoBundlePath = "samples/models/head-ct-demo";

    /// <summary>Runs the demo into <paramref name="outputDirectory"/> with the bundle at <paramref name="bundlePath"/>, printing progress and the triage table to <paramref name="output"/>.</summary>
    public static async Task<IReadOnlyList<DemoStudyResult>> RunAsync(string outputDirectory, TextWriter output, TimeSpan timeout, CancellationToken cancellationToken, string bundlePath = DemoBundlePath)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = Path.GetFullPath(outputDirectory);
        foreach (var owned in new[] { "agent", "results", "studies" })
        {
            var path = Path.Combine(root, owned);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        Directory.CreateDirectory(root);
        var studies = new (string Label, PhantomSpec Spec)[]
        {
            ("normal", PhantomSpec.Normal(101) with { SliceCount = SliceCount }),
            ("abnormal", new PhantomSpec
            {
                Seed = 202,
                Cohort = "ABNORMAL",
                SliceCount = SliceCount,
                Lesions = [new LesionRequest(LesionType.IntraparenchymalHemorrhage, LesionSize.Large)],
            }),
        };

        await output.WriteLineAsync($"Generating {studies.Length} phantom head CT studies ({SliceCount} slices each)...").ConfigureAwait(false);
        var generated = studies.Select(s => (s.Label, Study: PhantomGenerator.Generate(s.Spec, cancellationToken))).ToList();

        var dicomPort = FreeLoopbackPort();
        var resultsRoot = Path.Combine(root, "results");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SpoolPath"] = Path.Combine(root, "agent", "spool"),
            ["Storage:DatabasePath"] = Path.Combine(root, "agent", "agent.db"),
            ["Storage:SchedulerDatabasePath"] = Path.Combine(root, "agent", "scheduler.db"),
            ["Storage:OutputPath"] = resultsRoot,
            ["Http:Address"] = "127.0.0.1",
            ["Http:Port"] = FreeLoopbackPort().ToString(CultureInfo.InvariantCulture),
            ["Dicom:Enabled"] = "true",
            ["Dicom:BindAddress"] = "127.0.0.1",
            ["Dicom:Port"] = dicomPort.ToString(CultureInfo.InvariantCulture),
            ["Dicom:AllowAnyCaller"] = "true",
            ["Assembly:StableAgeSeconds"] = "2",
            ["Delivery:PollIntervalSeconds"] = "0.2",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Scoring:BundlePath"] = bundlePath,
        };

        var app = AgentHost.Build(new AgentHostSettings { Overrides = settings });
        await using (app.ConfigureAwait(false))
        {
            app.Services.GetRequiredService<IStudyScorer>().LoadModel();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Agent started in-process: DICOM 127.0.0.1:{dicomPort}, HTTP http://127.0.0.1:{settings["Http:Port"]}/").ConfigureAwait(false);
            var store = app.Services.GetRequiredService<StudyStore>();
            var client = new DicomClient(new DicomClientOptions { Host = "127.0.0.1", Port = dicomPort, CalledAeTitle = "ISL_AGENT" });
            var clock = Stopwatch.StartNew();
            foreach (var (label, study) in generated)
            {
                var items = Enumerable.Range(0, study.SliceCount)
                    .Select(i => StoreItem.FromDataset(study.CreateDataset(i), DicomTransferSyntax.ExplicitVRLittleEndian, $"{label} slice {i + 1}"));
                var stored = await client.StoreAsync(items, cancellationToken).ConfigureAwait(false);
                var failed = stored.Where(r => !r.IsStored).ToList();
                if (failed.Count > 0)
                {
                    throw new DemoFailedException($"The agent refused {failed.Count} of the {label} study's images: {failed[0]}");
                }

                await output.WriteLineAsync($"Sent the {label} study by C-STORE ({stored.Count} images, {study.Identity.StudyInstanceUid}).").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"Waiting for the agent to assemble and score both studies (at most {timeout.TotalSeconds:0} s)...").ConfigureAwait(false);
            var results = new List<DemoStudyResult>();
            foreach (var (label, study) in generated)
            {
                var record = await WaitForResultAsync(store, study.Identity.StudyInstanceUid, label, clock, timeout, cancellationToken).ConfigureAwait(false);
                var totalSeconds = clock.Elapsed.TotalSeconds;
                var files = ResultFiles.List(resultsRoot, record.StudyInstanceUid, record.Revision);
                var heatmaps = files.Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "sc").Select(f => DicomFile.Open(f).Dataset)
                    .OrderBy(ds => ds.TryGetInt32(DicomTags.InstanceNumber, out var number) ? number : int.MaxValue)
                    .ToList();
                string? montage = null;
                if (heatmaps.Count > 0)
                {
                    montage = Path.Combine(root, $"heatmaps-{label}.png");
                    HeatmapMontage.WritePng(montage, heatmaps);
                }

                var triage = record.Triage!;
                results.Add(new DemoStudyResult(label, record.StudyInstanceUid, study.SliceCount, triage.Score, triage.Threshold, triage.Flag, triage.ScoringSeconds, totalSeconds, files, montage));
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await WriteReportAsync(output, results, root).ConfigureAwait(false);
            return results;
        }
    }

    private static async Task<StudyRecord> WaitForResultAsync(StudyStore store, string studyInstanceUid, string label, Stopwatch clock, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = store.Find(studyInstanceUid);
            switch (record?.State)
            {
                case StudyState.Done when record.Triage is not null:
                    return record;
                case StudyState.Failed or StudyState.NotAnalysed:
                    throw new DemoFailedException($"The agent did not score the {label} study: {record.State} ({record.Reason}).");
            }

            if (clock.Elapsed > timeout)
            {
                throw new DemoFailedException($"Timed out after {timeout.TotalSeconds:0} s waiting for the {label} study's result (state: {record?.State.ToString() ?? "not received"}).");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteReportAsync(TextWriter output, IReadOnlyList<DemoStudyResult> results, string root)
    {
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"study",-9} {"slices",6} {"score",8} {"threshold",9} {"flag",-9} {"model s",7} {"total s",7}")).ConfigureAwait(false);
        foreach (var r in results)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r.Label,-9} {r.Slices,6} {r.Score,8:0.0000} {r.Threshold,9:0.0000} {r.Flag,-9} {r.ScoringSeconds,7:0.00} {r.TotalSeconds,7:0.0}")).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        foreach (var r in results)
        {
            var sr = r.ResultFiles.Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == "sr");
            await output.WriteLineAsync($"{r.Label}: {sr} SR + {r.ResultFiles.Count - sr} heatmap SC files under {Path.Combine(root, "results", r.StudyInstanceUid)}").ConfigureAwait(false);
            if (r.MontagePath is not null)
            {
                await output.WriteLineAsync($"{r.Label}: heatmap montage {r.MontagePath}").ConfigureAwait(false);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
