namespace Isl.PacsAgent.Tests.EndToEnd;

/// <summary>
/// Tests that score with the torch model (the real agent process, or the demo's in-process agent): one at a time, so
/// that two model loads and inferences do not share the two cores and stretch each other towards their time bounds.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ModelScoringCollection
{
    public const string Name = "torch model scoring";
}
