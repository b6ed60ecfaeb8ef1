namespace Isl.Dicom.Network.Storage;

/// <summary>The index of instances received into the spool; the agent's study assembly queries it.</summary>
public interface IReceivedInstanceIndex
{
    /// <summary>Records (or re-records) an instance. A duplicate SOP Instance UID replaces the row and returns it to <see cref="InstanceState.Received"/>.</summary>
    Task RecordAsync(ReceivedInstance instance, CancellationToken cancellationToken = default);

    /// <summary>The instance with this SOP Instance UID, or null.</summary>
    Task<ReceivedInstance?> FindAsync(string sopInstanceUid, CancellationToken cancellationToken = default);

    /// <summary>All instances of a study, ordered by series then arrival.</summary>
    Task<IReadOnlyList<ReceivedInstance>> GetStudyInstancesAsync(string studyInstanceUid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Studies that have instances in <paramref name="state"/> and whose latest arrival (any state) is at least
    /// <paramref name="idleFor"/> before <paramref name="now"/>, oldest first.
    /// </summary>
    Task<IReadOnlyList<IdleStudy>> GetIdleStudiesAsync(TimeSpan idleFor, DateTimeOffset now, InstanceState state = InstanceState.Received, CancellationToken cancellationToken = default);

    /// <summary>Moves every instance of a study that is in <paramref name="from"/> (any state when null) to <paramref name="to"/>; returns how many moved.</summary>
    Task<int> SetStudyStateAsync(string studyInstanceUid, InstanceState to, InstanceState? from = null, CancellationToken cancellationToken = default);

    /// <summary>Number of instances in the index.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
