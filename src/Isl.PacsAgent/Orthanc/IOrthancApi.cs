using Refit;

namespace Isl.PacsAgent.Orthanc;

/// <summary>The part of Orthanc's REST API the agent uses (Refit client).</summary>
public interface IOrthancApi
{
    /// <summary>The change log after sequence number <paramref name="since"/>.</summary>
    [Get("/changes")]
    Task<OrthancChanges> GetChangesAsync([Query] long since, [Query] int limit, CancellationToken cancellationToken);

    /// <summary>The latest change's sequence number (<c>/changes?last</c>).</summary>
    [Get("/changes?last")]
    Task<OrthancChanges> GetLastChangeAsync(CancellationToken cancellationToken);

    /// <summary>A study by Orthanc id.</summary>
    [Get("/studies/{id}")]
    Task<OrthancStudy> GetStudyAsync(string id, CancellationToken cancellationToken);

    /// <summary>A series by Orthanc id.</summary>
    [Get("/series/{id}")]
    Task<OrthancSeries> GetSeriesAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds resources by DICOM UID.</summary>
    [Post("/tools/lookup")]
    Task<List<OrthancLookupResult>> LookupAsync([Body] string uid, CancellationToken cancellationToken);

    /// <summary>Stores one Part 10 file.</summary>
    [Post("/instances")]
    [Headers("Content-Type: application/dicom")]
    Task<OrthancStoreResult> UploadInstanceAsync([Body] Stream file, CancellationToken cancellationToken);

    /// <summary>Sets a study's user-defined metadata (the name must be declared in Orthanc's <c>UserMetadata</c>).</summary>
    [Put("/studies/{id}/metadata/{name}")]
    Task PutStudyMetadataAsync(string id, string name, [Body] string value, CancellationToken cancellationToken);

    /// <summary>A study's metadata value.</summary>
    [Get("/studies/{id}/metadata/{name}")]
    Task<string> GetStudyMetadataAsync(string id, string name, CancellationToken cancellationToken);
}
