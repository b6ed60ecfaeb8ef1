namespace Isl.Dicom.Network.Storage;

/// <summary>Where a received instance stands in the agent's pipeline.</summary>
public enum InstanceState
{
    /// <summary>Stored durably, not yet picked up.</summary>
    Received,

    /// <summary>Taken by a pipeline job.</summary>
    Processing,

    /// <summary>Processing finished.</summary>
    Processed,

    /// <summary>Processing failed (see the pipeline's own records).</summary>
    Failed,
}
