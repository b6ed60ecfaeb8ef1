namespace Isl.Model.Drn;

/// <summary>The non-weight state of a DRN checkpoint.</summary>
/// <param name="Steps">Steps done.</param>
/// <param name="Center">Centre c, once fitted.</param>
public sealed record DrnCheckpointState(int Steps, float[]? Center);
