namespace Isl.PacsAgent.Tests.EndToEnd;

/// <summary>Tests that run the real agent process with the torch model: one at a time, so that two model loads do not share the cores.</summary>
[CollectionDefinition(Name)]
public sealed class RealAgentProcessCollection
{
    public const string Name = "real isl-agent process";
}
