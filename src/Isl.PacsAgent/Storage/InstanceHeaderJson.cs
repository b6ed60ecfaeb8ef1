using System.Text.Json;
using System.Text.Json.Serialization;
using Isl.PacsAgent.Selection;

namespace Isl.PacsAgent.Storage;

/// <summary>The catalogue's column form of an <see cref="InstanceHeader"/> (source-generated JSON, without its path: the row has it).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(InstanceHeader))]
internal sealed partial class InstanceHeaderJson : JsonSerializerContext
{
    /// <summary>The header as stored.</summary>
    public static string Write(InstanceHeader header) => JsonSerializer.Serialize(header with { Path = "" }, Default.InstanceHeader);

    /// <summary>The stored header of the file at <paramref name="path"/>.</summary>
    public static InstanceHeader Read(string json, string path) =>
        (JsonSerializer.Deserialize(json, Default.InstanceHeader) ?? throw new JsonException("empty instance header")) with { Path = path };
}
