using Isl.PacsAgent.Selection;
using Isl.PacsAgent.Storage;

namespace Isl.PacsAgent.Pipeline;

/// <summary>Reads the selection attributes of spooled instances (without their pixel data).</summary>
public interface IInstanceHeaderReader
{
    /// <summary>The header of one spooled instance.</summary>
    InstanceHeader Read(StoredInstance instance);
}
