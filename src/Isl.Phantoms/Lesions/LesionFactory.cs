using Isl.Phantoms.Anatomy;
using Isl.Phantoms.Mathematics;

namespace Isl.Phantoms.Lesions;

/// <summary>Turns lesion requests into placed lesions: size, side and location drawn from the seed.</summary>
internal static class LesionFactory
{
    public static IReadOnlyList<Lesion> Create(IReadOnlyList<LesionRequest> requests, SeededRandom random, CranialCavity cavity)
    {
        var lesions = new List<Lesion>();
        for (var i = 0; i < requests.Count; i++)
        {
            var rng = random.Fork(i + 1);
            var size = requests[i].Size ?? rng.Pick(new[] { LesionSize.Small, LesionSize.Medium, LesionSize.Medium, LesionSize.Large });
            var side = rng.Chance(0.5) ? 1.0 : -1.0;
            var sideName = side > 0 ? "left" : "right";
            foreach (var lesion in CreateOne(requests[i].Type, size, side, sideName, rng, cavity))
            {
                lesions.Add(lesion);
            }
        }

        for (var i = 0; i < lesions.Count; i++)
        {
            lesions[i].MaskValue = i + 1;
            if (lesions[i] is PerilesionalEdema)
            {
                lesions[i].ParentMaskValue = i;
            }
        }

        return lesions;
    }

    private static IEnumerable<Lesion> CreateOne(LesionType type, LesionSize size, double side, string sideName, SeededRandom rng, CranialCavity cavity)
    {
        switch (type)
        {
            case LesionType.IntraparenchymalHemorrhage:
            {
                var (name, center) = rng.Pick(new (string, Point3)[]
                {
                    ("basal ganglia", new(side * 22, 4, 1)), ("thalamus", new(side * 11, -15, 5)),
                    ("frontal lobe", new(side * 28, 40, 24)), ("parietal lobe", new(side * 32, -34, 34)),
                    ("temporal lobe", new(side * 44, 2, -18)), ("cerebellar hemisphere", new(side * 24, -52, -40)),
                });
                yield return new IntraparenchymalHemorrhage(size, $"{sideName} {name}", Clamp(center, size, 18), rng);
                break;
            }

            case LesionType.SubduralHematoma:
            {
                var (name, direction) = rng.Pick(new (string, Point3)[]
                {
                    ("frontoparietal convexity", new(side, 0.1, 0.45)), ("frontal convexity", new(side * 0.65, 0.7, 0.35)),
                    ("temporoparietal convexity", new(side, -0.3, 0.2)),
                });
                yield return new ExtraAxialHematoma(type, size, $"{sideName} {name}", direction, cavity, rng);
                break;
            }

            case LesionType.EpiduralHematoma:
            {
                var (name, direction) = rng.Pick(new (string, Point3)[]
                {
                    ("temporal", new(side, 0.15, 0.05)), ("frontal", new(side * 0.5, 0.8, 0.3)),
                    ("parietal", new(side * 0.7, -0.3, 0.65)), ("occipital", new(side * 0.35, -0.9, 0.25)),
                });
                yield return new ExtraAxialHematoma(type, size, $"{sideName} {name}", direction, cavity, rng);
                break;
            }

            case LesionType.SubarachnoidHemorrhage:
            {
                var (name, center) = rng.Pick(new (string, Point3)[]
                {
                    ($"{sideName} sylvian fissure", new(side * 42, 6, -4)), ($"{sideName} frontal convexity", new(side * 40, 35, 40)),
                    ($"{sideName} parietal convexity", new(side * 42, -35, 45)), ("anterior interhemispheric fissure", new(0, 35, 30)),
                    ("basal cisterns", new(0, 2, -14)),
                });
                yield return new SubarachnoidHemorrhage(size, name, center, rng);
                break;
            }

            case LesionType.AcuteInfarct:
                yield return Infarct(size, side, sideName, rng);
                break;

            case LesionType.Tumor:
            {
                var (name, center) = rng.Pick(new (string, Point3)[]
                {
                    ("frontal lobe", new(side * 28, 36, 22)), ("parietal lobe", new(side * 30, -30, 32)),
                    ("temporal lobe", new(side * 40, 0, -12)), ("occipital lobe", new(side * 24, -56, 10)),
                });
                var tumor = new Tumor(size, $"{sideName} {name}", Clamp(center, size, 20), rng);
                yield return tumor;
                yield return new PerilesionalEdema(tumor, rng);
                break;
            }

            case LesionType.Hydrocephalus:
                yield return new Hydrocephalus(size, rng);
                break;

            case LesionType.Calcification:
            {
                var (name, center) = rng.Pick(new (string, Point3)[]
                {
                    ("basal ganglia", new(side * 22, 5, 1)), ("frontal lobe", new(side * 30, 40, 26)),
                    ("parietal lobe", new(side * 40, -30, 36)), ("cerebellar hemisphere", new(side * 25, -50, -40)),
                });
                yield return new Calcification(size, $"{sideName} {name}", center, rng);
                break;
            }

            default:
                throw new PhantomException($"Lesion type {type} cannot be requested directly.");
        }
    }

    private static AcuteInfarct Infarct(LesionSize size, double side, string sideName, SeededRandom rng)
    {
        if (size == LesionSize.Small && rng.Chance(0.5))
        {
            var (name, center) = rng.Pick(new (string, Point3)[]
            {
                ("lentiform nucleus (lacunar)", new(side * 22, 3, 2)), ("internal capsule (lacunar)", new(side * 16, -2, 6)),
                ("thalamus (lacunar)", new(side * 10, -15, 5)),
            });
            return new AcuteInfarct(size, $"{sideName} {name}", center, new Point3(side, 0, 0), 0, 6.5, rng);
        }

        var halfAngle = size switch { LesionSize.Small => 11.0, LesionSize.Medium => 21.0, _ => 36.0 };
        var (territory, apex, axis) = rng.Pick(new (string, Point3, Point3)[]
        {
            ("MCA territory", new(side * 16, 4, 4), new(side, 0.05, 0.15)),
            ("PCA territory", new(side * 10, -22, 2), new(side * 0.35, -1, 0.05)),
            ("ACA territory", new(side * 5, 10, 14), new(side * 0.12, 0.6, 0.8)),
        });
        return new AcuteInfarct(size, $"{sideName} {territory}", apex, axis, halfAngle, 0, rng);
    }

    /// <summary>Pulls a large lesion's centre inward so it stays inside the cavity.</summary>
    private static Point3 Clamp(Point3 center, LesionSize size, double largeRadius)
    {
        if (size != LesionSize.Large)
        {
            return center;
        }

        var pull = Math.Min(1, 0.9 - (largeRadius / 200));
        return new Point3(center.X * pull, center.Y * pull, center.Z);
    }
}
