using Isl.Dicom.Network.Dimse;

namespace Isl.Dicom.Network.Client;

/// <summary>What happened to one instance sent by C-STORE.</summary>
/// <param name="Source">The file path or a description of the data set.</param>
/// <param name="SopInstanceUid">The instance, when it could be read.</param>
/// <param name="Status">The peer's DIMSE status, when it answered.</param>
/// <param name="Error">Why the instance was not stored, when it was not.</param>
public sealed record StoreResult(string Source, string? SopInstanceUid, ushort? Status, string? Error)
{
    /// <summary>True when the peer answered success or a warning (the instance is stored).</summary>
    public bool IsStored => Status is { } status && (DimseStatus.IsSuccess(status) || DimseStatus.IsWarning(status));

    /// <inheritdoc />
    public override string ToString() => IsStored
        ? $"{Source}: stored ({DimseStatus.Describe(Status!.Value)})"
        : $"{Source}: NOT stored: {Error ?? DimseStatus.Describe(Status ?? 0xFFFF)}";
}
