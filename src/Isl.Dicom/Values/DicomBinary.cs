using System.Buffers.Binary;
using System.Globalization;

namespace Isl.Dicom.Values;

/// <summary>Reads numbers from little-endian binary values by VR.</summary>
internal static class DicomBinary
{
    public static bool IsBinaryNumber(DicomVR vr) => vr is DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.FL
        or DicomVR.FD or DicomVR.SV or DicomVR.UV or DicomVR.OW or DicomVR.OB or DicomVR.OL or DicomVR.OF or DicomVR.OD
        or DicomVR.OV or DicomVR.AT or DicomVR.UN;

    public static int Count(ReadOnlySpan<byte> data, DicomVR vr) => data.Length / Math.Max(1, DicomVRInfo.UnitSize(vr));

    public static bool TryReadDouble(ReadOnlySpan<byte> data, DicomVR vr, int index, out double value)
    {
        value = 0;
        var size = DicomVRInfo.UnitSize(vr);
        if (index < 0 || (long)(index + 1) * size > data.Length)
        {
            return false;
        }

        var at = data[(index * size)..];
        value = vr switch
        {
            DicomVR.US or DicomVR.OW or DicomVR.AT => BinaryPrimitives.ReadUInt16LittleEndian(at),
            DicomVR.SS => BinaryPrimitives.ReadInt16LittleEndian(at),
            DicomVR.UL or DicomVR.OL => BinaryPrimitives.ReadUInt32LittleEndian(at),
            DicomVR.SL => BinaryPrimitives.ReadInt32LittleEndian(at),
            DicomVR.FL or DicomVR.OF => BinaryPrimitives.ReadSingleLittleEndian(at),
            DicomVR.FD or DicomVR.OD => BinaryPrimitives.ReadDoubleLittleEndian(at),
            DicomVR.SV => BinaryPrimitives.ReadInt64LittleEndian(at),
            DicomVR.UV or DicomVR.OV => BinaryPrimitives.ReadUInt64LittleEndian(at),
            _ => at[0],
        };
        return true;
    }

    public static bool TryReadInt64(ReadOnlySpan<byte> data, DicomVR vr, int index, out long value)
    {
        value = 0;
        var size = DicomVRInfo.UnitSize(vr);
        if (index < 0 || (long)(index + 1) * size > data.Length)
        {
            return false;
        }

        var at = data[(index * size)..];
        switch (vr)
        {
            case DicomVR.US or DicomVR.OW or DicomVR.AT:
                value = BinaryPrimitives.ReadUInt16LittleEndian(at);
                return true;
            case DicomVR.SS:
                value = BinaryPrimitives.ReadInt16LittleEndian(at);
                return true;
            case DicomVR.UL or DicomVR.OL:
                value = BinaryPrimitives.ReadUInt32LittleEndian(at);
                return true;
            case DicomVR.SL:
                value = BinaryPrimitives.ReadInt32LittleEndian(at);
                return true;
            case DicomVR.SV:
                value = BinaryPrimitives.ReadInt64LittleEndian(at);
                return true;
            case DicomVR.UV or DicomVR.OV:
                var unsigned = BinaryPrimitives.ReadUInt64LittleEndian(at);
                value = (long)unsigned;
                return unsigned <= long.MaxValue;
            case DicomVR.FL or DicomVR.OF or DicomVR.FD or DicomVR.OD:
                TryReadDouble(data, vr, index, out var real);
                value = (long)Math.Round(real);
                return real == Math.Round(real) && Math.Abs(real) < 9.2e18;
            default:
                value = at[0];
                return true;
        }
    }

    public static string Format(ReadOnlySpan<byte> data, DicomVR vr)
    {
        if (vr == DicomVR.AT)
        {
            var tags = new string[data.Length / 4];
            for (var i = 0; i < tags.Length; i++)
            {
                tags[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(data[(i * 4)..]), BinaryPrimitives.ReadUInt16LittleEndian(data[((i * 4) + 2)..])).ToString();
            }

            return string.Join('\\', tags);
        }

        var count = Count(data, vr);
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = vr is DicomVR.FL or DicomVR.OF or DicomVR.FD or DicomVR.OD
                ? (TryReadDouble(data, vr, i, out var d) ? d : 0).ToString("R", CultureInfo.InvariantCulture)
                : vr is DicomVR.UV or DicomVR.OV
                    ? BinaryPrimitives.ReadUInt64LittleEndian(data[(i * 8)..]).ToString(CultureInfo.InvariantCulture)
                    : (TryReadInt64(data, vr, i, out var l) ? l : 0).ToString(CultureInfo.InvariantCulture);
        }

        return string.Join('\\', parts);
    }
}
