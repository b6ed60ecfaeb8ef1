namespace Isl.Dicom.Tests.Corpus;

/// <summary>What happened to one corpus file.</summary>
internal enum CorpusOutcomeKind
{
    RoundTripped,
    ClearError,
    Failure,
}

/// <summary>The outcome of checking one file against dcmtk.</summary>
internal sealed record CorpusOutcome(string File, CorpusOutcomeKind Kind, string Detail)
{
    public override string ToString() => $"{Kind,-12} {File}: {Detail}";
}
