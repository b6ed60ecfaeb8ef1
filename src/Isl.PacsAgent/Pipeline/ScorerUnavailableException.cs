namespace Isl.PacsAgent.Pipeline;

/// <summary>No model is available to score with; the study is recorded as failed with this message.</summary>
public sealed class ScorerUnavailableException(string message) : InvalidOperationException(message);
