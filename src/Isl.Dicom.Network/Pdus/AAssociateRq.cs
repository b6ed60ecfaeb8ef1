namespace Isl.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ: the requestor's AE titles, application context, proposed presentation contexts and user information.</summary>
public sealed class AAssociateRq : Pdu
{
    /// <summary>The DICOM application context name.</summary>
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";

    /// <summary>Protocol version bit field (bit 0 = version 1).</summary>
    public ushort ProtocolVersion { get; init; } = 1;

    /// <summary>The AE title the requestor wants to reach.</summary>
    public required string CalledAeTitle { get; init; }

    /// <summary>The requestor's own AE title.</summary>
    public required string CallingAeTitle { get; init; }

    /// <summary>The application context name (normally <see cref="DicomApplicationContext"/>).</summary>
    public string ApplicationContextName { get; init; } = DicomApplicationContext;

    /// <summary>The proposed presentation contexts.</summary>
    public required IReadOnlyList<PresentationContextProposal> PresentationContexts { get; init; }

    /// <summary>The user information (max PDU length, implementation identity, roles).</summary>
    public required UserInformation UserInformation { get; init; }

    /// <inheritdoc />
    public override PduType Type => PduType.AssociateRequest;

    internal override int BodyLength
    {
        get
        {
            var length = AssociationPduLayout.FixedLength + 4 + ApplicationContextName.Length;
            foreach (var context in PresentationContexts)
            {
                length += 4 + ContextItemLength(context);
            }

            return length + 4 + UserInformation.ItemLength;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"A-ASSOCIATE-RQ {CallingAeTitle} -> {CalledAeTitle}, {PresentationContexts.Count} contexts";

    internal static AAssociateRq Parse(ReadOnlySpan<byte> body)
    {
        var reader = new PduBodyReader(body, "A-ASSOCIATE-RQ");
        var (version, called, calling) = AssociationPduLayout.ReadFixed(ref reader);
        string? applicationContext = null;
        UserInformation? userInformation = null;
        var contexts = new List<PresentationContextProposal>();
        while (reader.Remaining > 0)
        {
            var type = AssociationPduLayout.ReadItem(ref reader, out var value);
            switch (type)
            {
                case AssociationPduLayout.ApplicationContextItem:
                    applicationContext = PduBodyReader.DecodeText(value);
                    break;
                case AssociationPduLayout.RequestContextItem:
                    contexts.Add(ParseContext(value));
                    break;
                case AssociationPduLayout.UserInformationItem:
                    userInformation = UserInformation.Parse(value);
                    break;
                default:
                    throw new DicomProtocolException($"A-ASSOCIATE-RQ holds an unknown item type 0x{type:X2}.", AbortReason.UnrecognizedPduParameter);
            }
        }

        if (applicationContext is null)
        {
            throw new DicomProtocolException("A-ASSOCIATE-RQ has no application context item.", AbortReason.InvalidPduParameterValue);
        }

        return new AAssociateRq
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
            writer.WriteByte(AssociationPduLayout.RequestContextItem);
            writer.WriteByte(0);
            writer.WriteUInt16((ushort)ContextItemLength(context));
            writer.WriteByte(context.Id);
            writer.WriteZeros(3);
            writer.WriteTextItem(AssociationPduLayout.AbstractSyntaxItem, context.AbstractSyntax);
            foreach (var syntax in context.TransferSyntaxes)
            {
                writer.WriteTextItem(AssociationPduLayout.TransferSyntaxItem, syntax);
            }
        }

        UserInformation.Write(ref writer);
    }

    private static int ContextItemLength(PresentationContextProposal context) =>
        4 + 4 + context.AbstractSyntax.Length + context.TransferSyntaxes.Sum(s => 4 + s.Length);

    private static PresentationContextProposal ParseContext(ReadOnlySpan<byte> item)
    {
        var reader = new PduBodyReader(item, "Presentation Context item");
        var id = reader.ReadByte();
        reader.Skip(3);
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        while (reader.Remaining > 0)
        {
            var type = AssociationPduLayout.ReadItem(ref reader, out var value);
            switch (type)
            {
                case AssociationPduLayout.AbstractSyntaxItem:
                    abstractSyntax = PduBodyReader.DecodeText(value);
                    break;
                case AssociationPduLayout.TransferSyntaxItem:
                    transferSyntaxes.Add(PduBodyReader.DecodeText(value));
                    break;
                default:
                    throw new DicomProtocolException($"Presentation context {id} holds an unknown sub-item 0x{type:X2}.", AbortReason.UnrecognizedPduParameter);
            }
        }

        if (abstractSyntax is null || transferSyntaxes.Count == 0)
        {
            throw new DicomProtocolException($"Presentation context {id} lacks an abstract syntax or a transfer syntax.", AbortReason.InvalidPduParameterValue);
        }

        return new PresentationContextProposal(id, abstractSyntax, transferSyntaxes);
    }
}
