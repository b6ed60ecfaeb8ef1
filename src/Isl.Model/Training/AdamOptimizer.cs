using Isl.Model.Runtime;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Isl.Model.Training;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) over a fixed list of parameters, with moments that are saved and restored with a checkpoint.
/// </summary>
/// <remarks>
/// Written here instead of using TorchSharp's optimizer because that one's step passes primitive Scalars to native code
/// that the garbage collector may free mid-call (see <see cref="TorchScalars"/>); every scalar here is cached or disposed
/// after use.
/// </remarks>
public sealed class AdamOptimizer : IDisposable
{
    private const int FormatVersion = 1;
    private readonly Parameter[] parameters;
    private readonly Tensor[] firstMoments;
    private readonly Tensor[] secondMoments;

    /// <summary>Creates the optimizer; parameters that do not require gradients are left alone.</summary>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (learningRate <= 0 || beta1 is < 0 or >= 1 || beta2 is < 0 or >= 1 || epsilon <= 0)
        {
            throw new IslModelException($"Adam needs a positive learning rate and epsilon and betas in [0, 1); got lr {learningRate}, betas ({beta1}, {beta2}), eps {epsilon}.");
        }

        this.parameters = parameters.Where(p => p.requires_grad).ToArray();
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        using var noGrad = no_grad();
        firstMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        secondMoments = this.parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Step size.</summary>
    public double LearningRate { get; set; }

    /// <summary>Decay of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>Denominator guard.</summary>
    public double Epsilon { get; }

    /// <summary>Updates applied so far (drives the bias correction).</summary>
    public long Steps { get; private set; }

    /// <summary>Zeroes the gradients of the parameters.</summary>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var parameter in parameters)
        {
            parameter.grad?.zero_();
        }
    }

    /// <summary>One update from the current gradients; parameters without a gradient are skipped.</summary>
    public void Step()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Steps++;
        var correction1 = 1 - Math.Pow(Beta1, Steps);
        var correction2 = 1 - Math.Pow(Beta2, Steps);
        using var stepSize = TorchScalars.Temporary(-LearningRate / correction1);
        using var rootCorrection2 = TorchScalars.Temporary(1 / Math.Sqrt(correction2));
        for (var i = 0; i < parameters.Length; i++)
        {
            var gradient = parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            firstMoments[i].mul_(TorchScalars.Real(Beta1)).add_(gradient, TorchScalars.Real(1 - Beta1));
            secondMoments[i].mul_(TorchScalars.Real(Beta2)).addcmul_(gradient, gradient, TorchScalars.Real(1 - Beta2));
            var denominator = secondMoments[i].sqrt().mul_(rootCorrection2).add_(TorchScalars.Real(Epsilon), TorchScalars.One);
            parameters[i].addcdiv_(firstMoments[i], denominator, stepSize);
        }
    }

    /// <summary>Writes the step count and both moments of every parameter to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(FormatVersion);
        writer.Write(Steps);
        writer.Write(parameters.Length);
        foreach (var moment in firstMoments.Concat(secondMoments))
        {
            var values = moment.to(CPU).contiguous().data<float>().ToArray();
            writer.Write(values.Length);
            foreach (var value in values)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>Restores what <see cref="Save"/> wrote; a file for other parameters is a clear error and changes nothing.</summary>
    public void Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new IslModelException($"The optimizer state {path} is missing.");
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        try
        {
            if (reader.ReadInt32() != FormatVersion)
            {
                throw new IslModelException($"{path} is not an optimizer state of format {FormatVersion}.");
            }

            var steps = reader.ReadInt64();
            if (reader.ReadInt32() != parameters.Length)
            {
                throw new IslModelException($"{path} holds the optimizer state of a different network (parameter count differs).");
            }

            var moments = firstMoments.Concat(secondMoments).ToArray();
            var loaded = new float[moments.Length][];
            for (var m = 0; m < moments.Length; m++)
            {
                var count = reader.ReadInt32();
                if (count != moments[m].numel())
                {
                    throw new IslModelException($"{path} holds the optimizer state of a different network (a parameter has {count} values, expected {moments[m].numel()}).");
                }

                loaded[m] = new float[count];
                for (var k = 0; k < count; k++)
                {
                    loaded[m][k] = reader.ReadSingle();
                }
            }

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            for (var m = 0; m < moments.Length; m++)
            {
                moments[m].copy_(tensor(loaded[m]).reshape(moments[m].shape).to(moments[m].device));
            }

            Steps = steps;
        }
        catch (EndOfStreamException e)
        {
            throw new IslModelException($"{path} is truncated: {e.Message}", e);
        }
    }

    /// <summary>Restores <paramref name="path"/> when it exists; checkpoints written before optimizer state was saved resume with fresh moments.</summary>
    public void LoadIfPresent(string path)
    {
        if (File.Exists(path))
        {
            Load(path);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var moment in firstMoments.Concat(secondMoments))
        {
            moment.Dispose();
        }
    }
}
