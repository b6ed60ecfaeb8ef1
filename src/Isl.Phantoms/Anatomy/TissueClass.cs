namespace Isl.Phantoms.Anatomy;

/// <summary>What the head model put at a point, before lesions and acquisition.</summary>
internal enum TissueClass
{
    Air,
    Skin,
    Fat,
    SoftTissue,
    Bone,
    SinusAir,
    Orbit,
    Dura,
    ExternalCsf,
    Ventricle,
    GrayMatter,
    WhiteMatter,
    DeepGrayMatter,
    Brainstem,
    Cerebellum,
    PhysiologicCalcification,
}
