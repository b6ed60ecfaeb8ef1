using Isl.Phantoms;

namespace Isl.Phantoms.Tests;

public sealed class PhantomSpecTests
{
    [Theory]
    [InlineData(0, null, null)]
    [InlineData(3, 0.5, null)]
    [InlineData(3, 6.0, null)]
    [InlineData(3, 5.0, 45.0)]
    public void Invalid_geometry_is_rejected_with_a_clear_message(int slices, double? spacing, double? tilt)
    {
        var spec = PhantomSpec.Normal(1) with { SliceCount = slices, SliceSpacingMm = spacing, GantryTiltDeg = tilt };

        var error = Assert.Throws<PhantomException>(() => PhantomGenerator.Generate(spec));
        Assert.Matches("Slice count|Slice spacing|Gantry tilt", error.Message);
    }

    [Fact]
    public void Edema_cannot_be_requested_alone()
    {
        var error = Assert.Throws<PhantomException>(() => PhantomGenerator.Generate(PhantomSpec.WithLesions(1, LesionType.PerilesionalEdema)));
        Assert.Contains("tumo", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sdh", LesionType.SubduralHematoma)]
    [InlineData("intraparenchymal-hemorrhage", LesionType.IntraparenchymalHemorrhage)]
    [InlineData("AcuteInfarct", LesionType.AcuteInfarct)]
    [InlineData("tumour", LesionType.Tumor)]
    public void Lesion_names_parse(string name, LesionType expected) => Assert.Equal(expected, LesionTypes.Parse(name));

    [Fact]
    public void Unknown_lesion_names_list_the_known_ones()
    {
        var error = Assert.Throws<PhantomException>(() => LesionTypes.Parse("bleed"));
        Assert.Contains("subdural-hematoma", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_abnormal_specs_carry_one_to_three_distinct_lesions()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var spec = PhantomSpec.RandomAbnormal(seed);
            Assert.InRange(spec.Lesions.Count, 1, 3);
            Assert.Equal(spec.Lesions.Count, spec.Lesions.Select(l => l.Type).Distinct().Count());
        }
    }
}
