namespace Isl.PacsAgent.Storage;

/// <summary>Where a study is in the agent's pipeline. Stored by name in the results database.</summary>
public enum StudyState
{
    /// <summary>At least one instance arrived; assembly not yet scheduled.</summary>
    Received,

    /// <summary>Waiting for the stable age (a Quartz job is pending).</summary>
    Assembling,

    /// <summary>Queued for or being scored.</summary>
    Scoring,

    /// <summary>Scored; results are being delivered.</summary>
    Delivering,

    /// <summary>Scored and every destination has the results.</summary>
    Done,

    /// <summary>No eligible series: recorded with its reason, nothing scored.</summary>
    NotAnalysed,

    /// <summary>Scoring failed, or a delivery was dead-lettered.</summary>
    Failed,
}
