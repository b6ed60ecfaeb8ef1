using System.Globalization;

namespace Isl.Model.Runtime;

/// <summary>
/// Where the networks run: <c>cpu</c>, <c>cuda</c> (the first GPU), <c>cuda:N</c> (GPU N) or <c>auto</c> (a GPU when the
/// engine has one, else the CPU). <see cref="Parse"/> is the one parser of this text everywhere (agent, trainer, bench).
/// </summary>
/// <param name="Kind">CPU, CUDA or automatic.</param>
/// <param name="Index">The CUDA device ordinal (0 unless <c>cuda:N</c>).</param>
public readonly record struct DeviceOption(DeviceKind Kind, int Index = 0)
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string Forms = "cpu, cuda, cuda:N or auto";

    /// <summary>A GPU when present, else the CPU (also the default value).</summary>
    public static DeviceOption Auto => new(DeviceKind.Auto);

    /// <summary>Always the CPU.</summary>
    public static DeviceOption Cpu => new(DeviceKind.Cpu);

    /// <summary>Always CUDA device 0; fails clearly when it is unavailable.</summary>
    public static DeviceOption Cuda => new(DeviceKind.Cuda);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>, <c>gpu</c> or <c>auto</c> (case-insensitive); throws <see cref="IslModelException"/> otherwise.</summary>
    public static DeviceOption Parse(string? text)
        => TryParse(text, out var device) ? device : throw new IslModelException($"Unknown device '{text}': use {Forms}.");

    /// <summary>Parses like <see cref="Parse"/> without throwing.</summary>
    public static bool TryParse(string? text, out DeviceOption device)
    {
        var value = text?.Trim().ToLowerInvariant() ?? "";
        switch (value)
        {
            case "auto":
                device = Auto;
                return true;
            case "cpu":
                device = Cpu;
                return true;
            case "cuda" or "gpu":
                device = Cuda;
                return true;
        }

        const string prefix = "cuda:";
        if (value.StartsWith(prefix, StringComparison.Ordinal)
            && value.Length > prefix.Length
            && value[prefix.Length..].All(char.IsAsciiDigit)
            && int.TryParse(value[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            device = new DeviceOption(DeviceKind.Cuda, index);
            return true;
        }

        device = default;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DeviceKind.Cpu => "cpu",
        DeviceKind.Cuda => Index == 0 ? "cuda" : string.Create(CultureInfo.InvariantCulture, $"cuda:{Index}"),
        _ => "auto",
    };
}
