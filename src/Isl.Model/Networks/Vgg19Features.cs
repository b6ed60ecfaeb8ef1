using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Isl.Model.Networks;

/// <summary>
/// torchvision's VGG-19 feature extractor (state-dict keys features.N.weight/bias), frozen, for the perceptual and style
/// losses when a user supplies ImageNet weights in TorchSharp format. Returns relu1_1…relu5_1 (perceptual) and
/// relu2_2, relu3_4, relu4_4, relu5_2 (style), as EdgeConnect.
/// </summary>
public sealed class Vgg19Features : Module<Tensor, Tensor>
{
    private static readonly int[] Configuration = [64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512, 512, 0, 512, 512, 512, 512, 0];
    private static readonly int[] PerceptualLayers = [1, 6, 11, 20, 29];
    private static readonly int[] StyleLayers = [8, 17, 26, 31];
    private readonly Sequential features;
    private readonly List<Module<Tensor, Tensor>> layers = [];
    private readonly Tensor mean;
    private readonly Tensor std;

    /// <summary>Creates the (randomly initialised) network.</summary>
    public Vgg19Features() : base("Vgg19Features")
    {
        var named = new List<(string, Module<Tensor, Tensor>)>();
        var channels = 3;
        foreach (var width in Configuration)
        {
            if (width == 0)
            {
                named.Add(($"{named.Count}", MaxPool2d(2, 2)));
                continue;
            }

            named.Add(($"{named.Count}", new AlignedConv2d(channels, width, 3, padding: 1)));
            named.Add(($"{named.Count}", ReLU()));
            channels = width;
        }

        layers.AddRange(named.Select(n => n.Item2));
        features = Sequential(named);
        mean = tensor(new[] { 0.485f, 0.456f, 0.406f }).reshape(1, 3, 1, 1);
        std = tensor(new[] { 0.229f, 0.224f, 0.225f }).reshape(1, 3, 1, 1);
        RegisterComponents();
    }

    /// <summary>Loads torchvision VGG-19 weights saved in TorchSharp format; extra keys (the classifier) are ignored.</summary>
    public static Vgg19Features FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new IslModelException($"VGG-19 weights file not found: {path}");
        }

        var network = new Vgg19Features();
        try
        {
            var loaded = new Dictionary<string, bool>();
            network.load(path, strict: false, loadedParameters: loaded);
            var missing = network.state_dict().Keys.Where(k => k.StartsWith("features.", StringComparison.Ordinal) && !(loaded.TryGetValue(k, out var ok) && ok)).ToList();
            if (missing.Count > 0)
            {
                throw new IslModelException($"{path} lacks VGG-19 feature weights such as {missing[0]}.");
            }
        }
        catch (Exception e) when (e is not IslModelException)
        {
            network.Dispose();
            throw new IslModelException($"{path} is not a TorchSharp VGG-19 weights file: {e.Message}", e);
        }

        foreach (var p in network.parameters())
        {
            p.requires_grad = false;
        }

        network.eval();
        return network;
    }

    /// <summary>Runs all feature layers.</summary>
    public override Tensor forward(Tensor input) => features.forward(Normalize(input));

    /// <summary>Perceptual (relu1_1…relu5_1) and style (relu2_2, relu3_4, relu4_4, relu5_2) activations of images in [0, 1].</summary>
    public (IReadOnlyList<Tensor> Perceptual, IReadOnlyList<Tensor> Style) Activations(Tensor images)
    {
        var x = Normalize(images);
        var perceptual = new List<Tensor>();
        var style = new List<Tensor>();
        for (var i = 0; i <= PerceptualLayers[^1]; i++)
        {
            x = layers[i].forward(x);
            if (PerceptualLayers.Contains(i))
            {
                perceptual.Add(x);
            }

            if (StyleLayers.Contains(i))
            {
                style.Add(x);
            }
        }

        for (var i = PerceptualLayers[^1] + 1; i <= StyleLayers[^1]; i++)
        {
            x = layers[i].forward(x);
        }

        style.Add(x);
        return (perceptual, style);
    }

    private Tensor Normalize(Tensor images)
    {
        var rgb = images.shape[1] switch
        {
            3 => images,
            1 => images.expand(-1, 3, -1, -1),
            _ => images.mean([1L], keepdim: true).expand(-1, 3, -1, -1),
        };
        return (rgb - mean.to(images.device)) / std.to(images.device);
    }
}
