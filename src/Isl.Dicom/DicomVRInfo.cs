namespace Isl.Dicom;

/// <summary>Encoding properties of each <see cref="DicomVR"/>.</summary>
public static class DicomVRInfo
{
    private const int Count = (int)DicomVR.UV + 1;
    private static readonly DicomVR[] ByCode = BuildCodeTable();

    /// <summary>True when the VR is text (padded with spaces, or NUL for UI).</summary>
    public static bool IsString(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.IS or DicomVR.LO
            or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST or DicomVR.TM or DicomVR.UC or DicomVR.UI
            or DicomVR.UR or DicomVR.UT => true,
        _ => false,
    };

    /// <summary>True when the text of this VR is decoded with the Specific Character Set (else ASCII).</summary>
    public static bool UsesSpecificCharacterSet(DicomVR vr) => vr is DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH
        or DicomVR.ST or DicomVR.UC or DicomVR.UT;

    /// <summary>True when the VR's value may hold several values separated by a backslash.</summary>
    public static bool IsMultiValuedText(DicomVR vr) => IsString(vr) && vr is not (DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR);

    /// <summary>True when Explicit VR encodes the length in 4 bytes after 2 reserved bytes.</summary>
    public static bool HasLongLength(DicomVR vr) => vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV
        or DicomVR.OW or DicomVR.SQ or DicomVR.UC or DicomVR.UN or DicomVR.UR or DicomVR.UT or DicomVR.SV or DicomVR.UV;

    /// <summary>The byte used to pad values to even length.</summary>
    public static byte PaddingByte(DicomVR vr) => vr == DicomVR.UI ? (byte)0 : IsString(vr) ? (byte)' ' : (byte)0;

    /// <summary>The size of one binary number of this VR (byte swapping unit); 1 for bytes and text.</summary>
    public static int UnitSize(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW or DicomVR.AT => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        _ => 1,
    };

    /// <summary>The two-letter code, e.g. "PN".</summary>
    public static string Code(DicomVR vr) => vr == DicomVR.None ? "??" : vr.ToString();

    /// <summary>Reads a VR from its two ASCII letters.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = first is >= (byte)'A' and <= (byte)'Z' && second is >= (byte)'A' and <= (byte)'Z'
            ? ByCode[((first - 'A') * 26) + (second - 'A')]
            : DicomVR.None;
        return vr != DicomVR.None;
    }

    /// <summary>Reads a VR from its two-letter code.</summary>
    public static bool TryParse(string? code, out DicomVR vr)
    {
        vr = DicomVR.None;
        return code is { Length: 2 } && TryParse((byte)code[0], (byte)code[1], out vr);
    }

    private static DicomVR[] BuildCodeTable()
    {
        var table = new DicomVR[26 * 26];
        for (var i = 1; i < Count; i++)
        {
            var code = ((DicomVR)i).ToString();
            table[((code[0] - 'A') * 26) + (code[1] - 'A')] = (DicomVR)i;
        }

        return table;
    }
}
