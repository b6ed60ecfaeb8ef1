namespace Isl.PacsAgent.Storage;

/// <summary>One study as the results store knows it.</summary>
public sealed record StudyRecord
{
    /// <summary>StudyInstanceUID.</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>The pipeline state.</summary>
    public required StudyState State { get; init; }

    /// <summary>Bumped each time scoring starts; deliveries belong to one revision.</summary>
    public int Revision { get; init; }

    /// <summary>When the first instance arrived.</summary>
    public DateTimeOffset FirstReceivedUtc { get; init; }

    /// <summary>When the latest instance arrived.</summary>
    public DateTimeOffset LastInstanceUtc { get; init; }

    /// <summary>When the record last changed.</summary>
    public DateTimeOffset UpdatedUtc { get; init; }

    /// <summary>Instances received (our own outputs excluded).</summary>
    public int InstanceCount { get; init; }

    /// <summary>Patient and study attributes for the worklist.</summary>
    public StudyDemographics Demographics { get; init; } = StudyDemographics.Empty;

    /// <summary>The triage result, once scored.</summary>
    public StudyTriage? Triage { get; init; }

    /// <summary>Why the study was not analysed or failed.</summary>
    public string? Reason { get; init; }
}
