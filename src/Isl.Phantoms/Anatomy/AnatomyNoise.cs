using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Anatomy;

/// <summary>The independent noise fields that shape one subject's folding, bone and texture.</summary>
internal sealed class AnatomyNoise
{
    public AnatomyNoise(SeededRandom random)
    {
        Surface = new PerlinNoise(random.Fork(1));
        Sulci = new PerlinNoise(random.Fork(2));
        SulciFine = new PerlinNoise(random.Fork(3));
        Cortex = new PerlinNoise(random.Fork(4));
        Texture = new PerlinNoise(random.Fork(5));
        Bone = new PerlinNoise(random.Fork(6));
        Folia = new PerlinNoise(random.Fork(7));
        AirCells = new PerlinNoise(random.Fork(8));
    }

    public PerlinNoise Surface { get; }

    public PerlinNoise Sulci { get; }

    public PerlinNoise SulciFine { get; }

    public PerlinNoise Cortex { get; }

    public PerlinNoise Texture { get; }

    public PerlinNoise Bone { get; }

    public PerlinNoise Folia { get; }

    public PerlinNoise AirCells { get; }
}
