using System.Text.Json;
using System.Text.Json.Serialization;

namespace Isl.Trainer.Data;

/// <summary>The JSON settings of the trainer's files (camelCase, indented, enums as strings).</summary>
public static class SliceCacheJson
{
    /// <summary>The shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
