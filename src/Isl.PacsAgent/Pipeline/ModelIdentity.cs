namespace Isl.PacsAgent.Pipeline;

/// <summary>The model bundle a scorer loaded, as the start-up log, <c>/health</c> and the outputs name it.</summary>
/// <param name="Id">The bundle's model id.</param>
/// <param name="Version">The bundle's model version.</param>
/// <param name="Sha256">Hex SHA-256 of the bundle's manifest.json (which itself pins the weight files' hashes).</param>
/// <param name="Path">The bundle folder.</param>
/// <param name="Networks">What runs the networks: engine and execution provider or device (e.g. <c>onnx CPUExecutionProvider</c>).</param>
public sealed record ModelIdentity(string Id, string Version, string Sha256, string Path, string Networks);
