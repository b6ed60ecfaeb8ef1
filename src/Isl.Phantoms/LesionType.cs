namespace Isl.Phantoms;

/// <summary>The disorders the generator can put into a head.</summary>
public enum LesionType
{
    /// <summary>Intraparenchymal hemorrhage: a hyperdense clot (55–90 HU) in the brain.</summary>
    IntraparenchymalHemorrhage,

    /// <summary>Subdural hematoma: a hyperdense crescent along the convexity.</summary>
    SubduralHematoma,

    /// <summary>Epidural hematoma: a biconvex hyperdense lens under the skull.</summary>
    EpiduralHematoma,

    /// <summary>Subarachnoid hemorrhage: blood in sulci, fissures and cisterns.</summary>
    SubarachnoidHemorrhage,

    /// <summary>Acute infarct: a hypodense (12–25 HU) vascular territory with sulcal effacement.</summary>
    AcuteInfarct,

    /// <summary>Tumour with perilesional edema and mass effect (midline shift).</summary>
    Tumor,

    /// <summary>Hydrocephalus: enlarged ventricles with effaced sulci.</summary>
    Hydrocephalus,

    /// <summary>Pathological calcification (100–1000 HU focus).</summary>
    Calcification,

    /// <summary>Vasogenic edema around a tumour; produced with <see cref="Tumor"/>, never requested alone.</summary>
    PerilesionalEdema,
}
