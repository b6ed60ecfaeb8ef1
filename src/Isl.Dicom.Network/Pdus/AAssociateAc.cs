namespace Isl.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-AC: the acceptor's answer to each proposed presentation context and its user information.</summary>
public sealed class AAssociateAc : Pdu
{
    /// <summary>Protocol version bit field (bit 0 = version 1).</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    /// <summary>The called AE title, echoed from the request.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>The calling AE title, echoed from the request.</summary>
    public required string CallingAeTitle { get; init; }

    /// <summary>The application context name.</summary>
    public string ApplicationContextName { get; init; } = AAssociateRq.DicomApplicationContext;

    /// <summary>One result per proposed presentation context.</summary>
    public required IReadOnlyList<PresentationContextResult> PresentationContexts { get; init; }

    /// <summary>The acceptor's user information.</summary>
    public required UserInformation UserInformation { get; init; }

    /// <inheritdoc />
    public override PduType Type => PduType.AssociateAccept;

    internal override int BodyLength =>
        AssociationPduLayout.FixedLength + 4 + ApplicationContextName.Length
        + PresentationContexts.Sum(c => 4 + 4 + 4 + c.TransferSyntax.Length)
        + 4 + UserInformation.ItemLength;

    /// <inheritdoc />
    public override string ToString() => $"A-ASSOCIATE-AC {CalledAeTitle} -> {CallingAeTitle}, {PresentationContexts.Count(c => c.IsAccepted)}/{PresentationContexts.Count} contexts accepted";

    internal static AAssociateAc Parse(ReadOnlySpan<byte> body)
    {
        var reader = new PduBodyReader(body, "A-ASSOCIATE-AC");
        var (version, called, calling) = AssociationPduLayout.ReadFixed(ref reader);
        var applicationContext = AAssociateRq.DicomApplicationContext;
        UserInformation? userInformation = null;
        var contexts = new List<PresentationContextResult>();
        while (reader.Remaining > 0)
        {
            var type = AssociationPduLayout.ReadItem(ref reader, out var value);
            switch (type)
            {
                case AssociationPduLayout.ApplicationContextItem:
                    applicationContext = PduBodyReader.DecodeText(value);
                    break;
                case AssociationPduLayout.AcceptContextItem:
                    contexts.Add(ParseContext(value));
                    break;
                case AssociationPduLayout.UserInformationItem:
                    userInformation = UserInformation.Parse(value);
                    break;
                default:
                    throw new DicomProtocolException($"A-ASSOCIATE-AC holds an unknown item type 0x{type:X2}.", AbortReason.UnrecognizedPduParameter);
            }
        }

        return new AAssociateAc
        {
            ProtocolVersion = version,
            CalledAeTitle = called,
            CallingAeTitle = calling,
            ApplicationContextName = applicationContext,
            PresentationContexts = contexts,
            UserInformation = userInformation ?? new UserInformation(),
        };
    }

    internal override void WriteBody(ref PduBodyWriter writer)
    {
        AssociationPduLayout.WriteFixed(ref writer, ProtocolVersion, CalledAeTitle, CallingAeTitle);
        writer.WriteTextItem(AssociationPduLayout.ApplicationContextItem, ApplicationContextName);
        foreach (var context in PresentationContexts)
        {
            writer.WriteByte(AssociationPduLayout.AcceptContextItem);
            writer.WriteByte(0);
            writer.WriteUInt16((ushort)(4 + 4 + context.TransferSyntax.Length));
            writer.WriteByte(context.Id);
            writer.WriteByte(0);
            writer.WriteByte((byte)context.Result);
            writer.WriteByte(0);
            writer.WriteTextItem(AssociationPduLayout.TransferSyntaxItem, context.TransferSyntax);
        }

        UserInformation.Write(ref writer);
    }

    private static PresentationContextResult ParseContext(ReadOnlySpan<byte> item)
    {
        var reader = new PduBodyReader(item, "Presentation Context (AC) item");
        var id = reader.ReadByte();
        reader.Skip(1);
        var result = (PresentationContextResultCode)reader.ReadByte();
        reader.Skip(1);
        var transferSyntax = string.Empty;
        while (reader.Remaining > 0)
        {
            var type = AssociationPduLayout.ReadItem(ref reader, out var value);
            if (type == AssociationPduLayout.TransferSyntaxItem)
            {
                transferSyntax = PduBodyReader.DecodeText(value);
            }
        }

        return new PresentationContextResult(id, result, transferSyntax);
    }
}
