namespace Isl.PacsAgent.Ingest;

/// <summary>What ingest did with an instance.</summary>
public enum IngestOutcome
{
    /// <summary>Catalogued; its study will be (re)assembled.</summary>
    Accepted,

    /// <summary>Its SOP Instance UID was already catalogued.</summary>
    Duplicate,

    /// <summary>An output of this agent; ignored so that it never triggers scoring.</summary>
    OwnOutput,
}
