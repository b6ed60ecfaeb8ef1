namespace Isl.PacsAgent.Selection;

/// <summary>The attributes of one instance that series selection looks at (read without pixel data).</summary>
public sealed record InstanceHeader
{
    /// <summary>SOPInstanceUID.</summary>
    public required string SopInstanceUid { get; init; }

    /// <summary>SeriesInstanceUID.</summary>
    public required string SeriesInstanceUid { get; init; }

    /// <summary>The Part 10 file.</summary>
    public string Path { get; init; } = "";

    /// <summary>SOPClassUID.</summary>
    public string SopClassUid { get; init; } = "";

    /// <summary>Modality.</summary>
    public string Modality { get; init; } = "";

    /// <summary>BodyPartExamined.</summary>
    public string BodyPartExamined { get; init; } = "";

    /// <summary>SeriesDescription.</summary>
    public string SeriesDescription { get; init; } = "";

    /// <summary>StudyDescription.</summary>
    public string StudyDescription { get; init; } = "";

    /// <summary>ProtocolName.</summary>
    public string ProtocolName { get; init; } = "";

    /// <summary>Contrast/Bolus Agent (0018,0010), empty when absent: a non-empty value means a contrast-enhanced acquisition.</summary>
    public string ContrastBolusAgent { get; init; } = "";

    /// <summary>FilterType (0018,1160), e.g. GE's <c>HEAD FILTER</c> (the bowtie filter chosen for a head scan).</summary>
    public string FilterType { get; init; } = "";

    /// <summary>ImageType values (e.g. ORIGINAL, PRIMARY, AXIAL).</summary>
    public IReadOnlyList<string> ImageType { get; init; } = [];

    /// <summary>ImageOrientationPatient (six direction cosines), if present.</summary>
    public IReadOnlyList<double>? ImageOrientationPatient { get; init; }

    /// <summary>ImagePositionPatient (three coordinates), if present.</summary>
    public IReadOnlyList<double>? ImagePositionPatient { get; init; }

    /// <summary>SliceThickness in mm, if present.</summary>
    public double? SliceThickness { get; init; }

    /// <summary>InstanceNumber, if present.</summary>
    public int? InstanceNumber { get; init; }

    /// <summary>SeriesNumber, if present.</summary>
    public int? SeriesNumber { get; init; }

    /// <summary>NumberOfFrames (1 for single-frame images).</summary>
    public int NumberOfFrames { get; init; } = 1;

    /// <summary>True when the instance is an output of this agent (it never triggers scoring).</summary>
    public bool IsOwnOutput { get; init; }
}
