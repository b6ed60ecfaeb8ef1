using Isl.Testing;

namespace Isl.PacsAgent.Tests.TestSupport;

/// <summary>The Orthanc the agent tests use: DICOMweb, StableAge 1, the triage user metadata and optionally the agent as a modality.</summary>
public static class PacsOrthanc
{
    /// <summary>The user metadata the agent writes its verdict to.</summary>
    public const string MetadataName = "IslTriage";

    /// <summary>Starts it; <paramref name="agentDicomPort"/> adds the agent as modality "isl-agent" (AE ISL_AGENT).</summary>
    public static Task<OrthancProcess> StartAsync(int? agentDicomPort = null, Action<Dictionary<string, object>>? customize = null) =>
        OrthancProcess.StartAsync(new OrthancOptions
        {
            DicomWeb = true,
            StableAgeSeconds = 1,
            UserMetadata = new() { [MetadataName] = 1024 },
            Modalities = agentDicomPort is { } port ? new() { ["isl-agent"] = new object[] { "ISL_AGENT", "127.0.0.1", port } } : [],
            Customize = customize,
        });
}
