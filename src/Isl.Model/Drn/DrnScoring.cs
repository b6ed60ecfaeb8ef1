using Isl.Model.Runtime;
using Isl.Model.Networks;
using static TorchSharp.torch;

namespace Isl.Model.Drn;

/// <summary>Embedding and distance helpers shared by training and scoring.</summary>
public static class DrnScoring
{
    /// <summary>Embeddings [N, D] in eval mode without gradients, <paramref name="batchSize"/> inputs at a time.</summary>
    public static Tensor Embed(DrnEncoder encoder, Tensor inputs, Device device, int batchSize)
    {
        encoder.eval();
        using var noGrad = no_grad();
        var parts = new List<Tensor>();
        for (long start = 0; start < inputs.shape[0]; start += batchSize)
        {
            var count = Math.Min(batchSize, inputs.shape[0] - start);
            parts.Add(encoder.forward(inputs.narrow(0, start, count).to(device)));
        }

        return cat(parts, 0);
    }

    /// <summary>‖h − c‖ per row.</summary>
    public static double[] Distances(Tensor embeddings, Tensor center)
    {
        using var scope = NewDisposeScope();
        var d = (embeddings - center.to(embeddings.device)).Squared().sum([1L]).sqrt().to(CPU);
        return d.data<float>().ToArray().Select(v => (double)v).ToArray();
    }
}
