using System.Net;

namespace Isl.Dicom.Network.Server;

/// <summary>A C-STORE answered with a failure status (nothing of it was kept), as reported to <see cref="DicomServer.InstanceRefused"/>.</summary>
/// <param name="CallingAeTitle">The sender's AE title.</param>
/// <param name="Remote">The sender's address.</param>
/// <param name="SopInstanceUid">The SOP Instance UID of the command (as sent, possibly hostile: quote, do not use as a path).</param>
/// <param name="Status">The DIMSE failure status answered.</param>
/// <param name="Reason">Why (the error comment).</param>
public sealed record RefusedInstance(string CallingAeTitle, EndPoint? Remote, string SopInstanceUid, ushort Status, string Reason);
