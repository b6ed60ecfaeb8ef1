namespace Isl.Dicom.Network.Pdus;

/// <summary>The User Information item (0x50) of A-ASSOCIATE-RQ/AC.</summary>
public sealed class UserInformation
{
    private const byte MaxLengthItem = 0x51;
    private const byte ImplementationClassItem = 0x52;
    private const byte AsyncOperationsItem = 0x53;
    private const byte RoleSelectionItem = 0x54;
    private const byte ImplementationVersionItem = 0x55;

    /// <summary>The largest P-DATA-TF PDU length (variable field) the sender can receive; 0 means no limit.</summary>
    public uint MaxPduLength { get; init; }

    /// <summary>The sender's implementation class UID.</summary>
    public string? ImplementationClassUid { get; init; }

    /// <summary>The sender's implementation version name (up to 16 characters).</summary>
    public string? ImplementationVersionName { get; init; }

    /// <summary>Asynchronous operations window as proposed (invoked, performed); parsed and ignored (we run one at a time).</summary>
    public (ushort Invoked, ushort Performed)? AsynchronousOperationsWindow { get; init; }

    /// <summary>SCP/SCU role selection sub-items, as proposed.</summary>
    public IReadOnlyList<RoleSelection> RoleSelections { get; init; } = [];

    internal int ItemLength
    {
        get
        {
            var length = 8;
            if (ImplementationClassUid is not null)
            {
                length += 4 + ImplementationClassUid.Length;
            }

            foreach (var role in RoleSelections)
            {
                length += 4 + 2 + role.SopClassUid.Length + 2;
            }

            if (ImplementationVersionName is not null)
            {
                length += 4 + ImplementationVersionName.Length;
            }

            return length;
        }
    }

    internal void Write(ref PduBodyWriter writer)
    {
        writer.WriteByte(0x50);
        writer.WriteByte(0);
        writer.WriteUInt16((ushort)ItemLength);
        writer.WriteByte(MaxLengthItem);
        writer.WriteByte(0);
        writer.WriteUInt16(4);
        writer.WriteUInt32(MaxPduLength);
        if (ImplementationClassUid is not null)
        {
            writer.WriteTextItem(ImplementationClassItem, ImplementationClassUid);
        }

        foreach (var role in RoleSelections)
        {
            writer.WriteByte(RoleSelectionItem);
            writer.WriteByte(0);
            writer.WriteUInt16((ushort)(2 + role.SopClassUid.Length + 2));
            writer.WriteUInt16((ushort)role.SopClassUid.Length);
            writer.WriteAscii(role.SopClassUid);
            writer.WriteByte(role.ScuRole ? (byte)1 : (byte)0);
            writer.WriteByte(role.ScpRole ? (byte)1 : (byte)0);
        }

        if (ImplementationVersionName is not null)
        {
            writer.WriteTextItem(ImplementationVersionItem, ImplementationVersionName);
        }
    }

    internal static UserInformation Parse(ReadOnlySpan<byte> item)
    {
        var reader = new PduBodyReader(item, "User Information item");
        uint maxLength = 0;
        string? classUid = null;
        string? versionName = null;
        (ushort, ushort)? window = null;
        var roles = new List<RoleSelection>();
        while (reader.Remaining > 0)
        {
            var type = reader.ReadByte();
            reader.Skip(1);
            var length = reader.ReadUInt16();
            var value = reader.Take(length);
            var sub = new PduBodyReader(value, $"User Information sub-item 0x{type:X2}");
            switch (type)
            {
                case MaxLengthItem:
                    maxLength = sub.ReadUInt32();
                    break;
                case ImplementationClassItem:
                    classUid = PduBodyReader.DecodeText(value);
                    break;
                case ImplementationVersionItem:
                    versionName = PduBodyReader.DecodeText(value);
                    break;
                case AsyncOperationsItem:
                    window = (sub.ReadUInt16(), sub.ReadUInt16());
                    break;
                case RoleSelectionItem:
                    var uidLength = sub.ReadUInt16();
                    var uid = sub.ReadText(uidLength);
                    roles.Add(new RoleSelection(uid, sub.ReadByte() != 0, sub.ReadByte() != 0));
                    break;
                default:
                    // Extended negotiation, user identity and future items are not used by these services.
                    break;
            }
        }

        return new UserInformation
        {
            MaxPduLength = maxLength,
            ImplementationClassUid = classUid,
            ImplementationVersionName = versionName,
            AsynchronousOperationsWindow = window,
            RoleSelections = roles,
        };
    }
}
