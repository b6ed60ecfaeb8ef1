namespace Isl.Dicom.Network.Storage;

/// <summary>A study that has received nothing for a while (ready for assembly).</summary>
/// <param name="StudyInstanceUid">The study.</param>
/// <param name="InstanceCount">Instances of the study in the queried state.</param>
/// <param name="LastReceivedAt">When its latest instance arrived.</param>
public sealed record IdleStudy(string StudyInstanceUid, int InstanceCount, DateTimeOffset LastReceivedAt);
