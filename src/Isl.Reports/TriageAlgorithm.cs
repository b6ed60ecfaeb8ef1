namespace Isl.Reports;

/// <summary>Identifies the algorithm and the trained model that produced a triage result.</summary>
/// <param name="Name">The algorithm's name (e.g. "ISL head CT triage").</param>
/// <param name="Version">The algorithm (software) version.</param>
/// <param name="ModelId">The trained model's identifier (e.g. the bundle name).</param>
/// <param name="ModelVersion">The trained model's version; part of every output UID.</param>
public sealed record TriageAlgorithm(string Name, string Version, string ModelId, string ModelVersion);
