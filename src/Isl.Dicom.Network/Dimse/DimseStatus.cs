namespace Isl.Dicom.Network.Dimse;

/// <summary>DIMSE status codes used by these services (PS3.7 annex C, PS3.4 B.2.3) and their classification.</summary>
public static class DimseStatus
{
    /// <summary>Success.</summary>
    public const ushort Success = 0x0000;

    /// <summary>Warning: coercion of data elements.</summary>
    public const ushort WarningCoercion = 0xB000;

    /// <summary>Failure: refused, out of resources (disk low, data set too large).</summary>
    public const ushort OutOfResources = 0xA700;

    /// <summary>Failure: data set does not match SOP class.</summary>
    public const ushort DatasetDoesNotMatchSopClass = 0xA900;

    /// <summary>Failure: cannot understand (unparseable data set).</summary>
    public const ushort CannotUnderstand = 0xC000;

    /// <summary>Failure: the instance could not be stored (write failure).</summary>
    public const ushort StorageFailure = 0xC001;

    /// <summary>Failure: processing failure.</summary>
    public const ushort ProcessingFailure = 0x0110;

    /// <summary>Failure: SOP class not supported.</summary>
    public const ushort SopClassNotSupported = 0x0122;

    /// <summary>Failure: unrecognized operation.</summary>
    public const ushort UnrecognizedOperation = 0x0211;

    /// <summary>True for success.</summary>
    public static bool IsSuccess(ushort status) => status == Success;

    /// <summary>True for warnings (the instance was stored).</summary>
    public static bool IsWarning(ushort status) => status is 0x0001 or 0x0107 or 0x0116 || (status & 0xF000) == 0xB000;

    /// <summary>True for Pending (C-FIND/MOVE/GET intermediate responses).</summary>
    public static bool IsPending(ushort status) => status is 0xFF00 or 0xFF01;

    /// <summary>True when the operation failed (neither success, warning, pending nor cancel).</summary>
    public static bool IsFailure(ushort status) => !IsSuccess(status) && !IsWarning(status) && !IsPending(status) && status != 0xFE00;

    /// <summary>A short description for logs and CLI output.</summary>
    public static string Describe(ushort status) => status switch
    {
        Success => "Success",
        OutOfResources => "Refused: out of resources",
        DatasetDoesNotMatchSopClass => "Error: data set does not match SOP class",
        CannotUnderstand => "Error: cannot understand",
        StorageFailure => "Error: could not store",
        ProcessingFailure => "Processing failure",
        SopClassNotSupported => "Refused: SOP class not supported",
        UnrecognizedOperation => "Unrecognized operation",
        0xFE00 => "Cancel",
        _ when IsWarning(status) => $"Warning 0x{status:X4}",
        _ when (status & 0xFF00) == 0xA700 => $"Refused: out of resources (0x{status:X4})",
        _ when (status & 0xF000) == 0xC000 => $"Error: cannot understand (0x{status:X4})",
        _ => $"Failure 0x{status:X4}",
    };
}
