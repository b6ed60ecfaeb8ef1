namespace Isl.Dicom.IO;

/// <summary>Guesses the encoding of a dataset from its first element header, as dcmtk does for files without meta information.</summary>
internal static class DicomSyntaxDetector
{
    public static DicomTransferSyntax Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            return DicomTransferSyntax.ImplicitVRLittleEndian;
        }

        var explicitVR = DicomVRInfo.TryParse(data[4], data[5], out _);
        var bigEndian = data[0] == 0 && data[1] != 0;
        if (bigEndian && explicitVR)
        {
            return DicomTransferSyntax.ExplicitVRBigEndian;
        }

        return explicitVR ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian;
    }

    /// <summary>The syntax to parse with: the declared one, unless the first element plainly contradicts its VR explicitness.</summary>
    public static DicomTransferSyntax Reconcile(DicomTransferSyntax declared, ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || declared.IsDeflated || declared.IsBigEndian)
        {
            return declared;
        }

        var group = (ushort)(data[0] | (data[1] << 8));
        if (group == 0xFFFE)
        {
            return declared;
        }

        // Two capital letters at bytes 4-5 are a VR; in implicit VR they would be a length of at least 0x4141 for the first element.
        var looksExplicit = DicomVRInfo.TryParse(data[4], data[5], out _);
        if (declared.IsExplicitVR && !looksExplicit)
        {
            return DicomTransferSyntax.ImplicitVRLittleEndian;
        }

        if (!declared.IsExplicitVR && looksExplicit)
        {
            return DicomTransferSyntax.ExplicitVRLittleEndian;
        }

        return declared;
    }
}
