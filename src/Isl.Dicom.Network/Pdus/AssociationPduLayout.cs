namespace Isl.Dicom.Network.Pdus;

/// <summary>The fixed part shared by A-ASSOCIATE-RQ and -AC and the walk over their variable items.</summary>
internal static class AssociationPduLayout
{
    public const int FixedLength = 68;
    public const byte ApplicationContextItem = 0x10;
    public const byte RequestContextItem = 0x20;
    public const byte AcceptContextItem = 0x21;
    public const byte AbstractSyntaxItem = 0x30;
    public const byte TransferSyntaxItem = 0x40;
    public const byte UserInformationItem = 0x50;

    public static void WriteFixed(ref PduBodyWriter writer, ushort protocolVersion, string calledAe, string callingAe)
    {
        writer.WriteUInt16(protocolVersion);
        writer.WriteZeros(2);
        writer.WriteAeTitle(calledAe);
        writer.WriteAeTitle(callingAe);
        writer.WriteZeros(32);
    }

    public static (ushort Version, string Called, string Calling) ReadFixed(ref PduBodyReader reader)
    {
        var version = reader.ReadUInt16();
        reader.Skip(2);
        var called = reader.ReadText(16);
        var calling = reader.ReadText(16);
        reader.Skip(32);
        return (version, called, calling);
    }

    /// <summary>Reads the next item header; returns its type, the value in <paramref name="value"/>.</summary>
    public static byte ReadItem(ref PduBodyReader reader, out ReadOnlySpan<byte> value)
    {
        var type = reader.ReadByte();
        reader.Skip(1);
        var length = reader.ReadUInt16();
        value = reader.Take(length);
        return type;
    }

    public static void CheckAeTitle(string aeTitle, string what)
    {
        if (aeTitle.Length is 0 or > 16 || aeTitle.Any(c => c is < ' ' or > '~' or '\\'))
        {
            throw new ArgumentException($"The {what} AE title '{aeTitle}' must be 1 to 16 printable ASCII characters without backslash.", nameof(aeTitle));
        }
    }
}
