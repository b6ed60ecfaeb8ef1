using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Storage;

/// <summary>An instance of a study as catalogued by the results store.</summary>
/// <param name="SeriesInstanceUid">SeriesInstanceUID.</param>
/// <param name="SopInstanceUid">SOPInstanceUID.</param>
/// <param name="Path">The Part 10 file in the spool.</param>
/// <param name="Header">Its selection attributes as catalogued at receipt; null for a row an older agent wrote without them.</param>
public sealed record StoredInstance(string SeriesInstanceUid, string SopInstanceUid, string Path, InstanceHeader? Header = null);
