namespace Isl.Model.Preprocessing;

/// <summary>
/// The intracranial region of one axial slice, from the image alone: what the skull encloses, bone excluded. Works on a
/// brain-windowed gray image (bone saturates, air and fat are black), so HU slices and pre-windowed 8-bit images get the
/// same mask. Steps: bone = bright pixels, closed by a small dilation so thin or partial-volume skull still encloses;
/// the interior is what the border cannot reach without crossing bone; soft tissue inside it (not air) is kept, small
/// islands (sinus mucosa, orbit fat) are dropped, and enclosed holes (a hyperdense clot as bright as bone) are filled.
/// Air above the vertex and neck slices have no enclosed interior and get an empty mask.
/// A skull that does not close — a fracture, or the thin bone where the frontal skull meets the orbital roofs — lets the
/// border flood leak in and would leave a brain slice without a mask. When the flood finds (almost) no interior, the
/// interior is taken instead as what bone encloses in at least <see cref="EnclosingRays"/> of 16 directions, and kept only
/// when it is one dominant brain-sized region (neck and face slices give scattered soft tissue and stay empty).
/// </summary>
public static class IntracranialMask
{
    /// <summary>HU at or above which a pixel counts as bone (an acute clot is 50–90 HU; thin skull at 5 mm is ≥ 150).</summary>
    public const double BoneHu = 88;

    /// <summary>
    /// HU from which a heatmap over HU windows treats a pixel as bone (and never colours it): above the densest acute
    /// clot (~90 HU), below the partial-volume bone of the skull base at model resolution.
    /// </summary>
    public const double HeatmapBoneHu = 120;

    /// <summary>HU at or below which a pixel counts as air or fat (CSF is 0–15 HU).</summary>
    public const double SoftTissueFloorHu = -14;

    /// <summary>Islands smaller than this share of the largest intracranial component are dropped.</summary>
    public const double SmallestIslandShare = 0.1;

    /// <summary>Rays (of 16) that must meet bone for a pixel to count as enclosed when the skull ring is open.</summary>
    public const int EnclosingRays = 13;

    /// <summary>Below this share of the image the flood's interior is taken as leaked, and the ray test is tried.</summary>
    public const double LeakedInteriorShare = 0.04;

    /// <summary>The ray test's largest region must cover at least this share of the image …</summary>
    public const double RescuedRegionShare = 0.12;

    /// <summary>… and at least this share of all tissue it finds.</summary>
    public const double RescuedRegionDominance = 0.85;

    // The 16 ray directions (row step, column step): the 8 neighbours and the 8 knight moves.
    private static readonly (int Dy, int Dx)[] RayDirections =
    [
        (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1), (-1, 0), (-1, 1),
        (1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2),
    ];

    /// <summary>The window in which HU slices are masked (a brain window wide enough for CSF).</summary>
    public static HuWindow MaskWindow { get; } = new(40, 120);

    /// <summary>
    /// The gray level from which a pixel of an image made with <paramref name="window"/> counts as bone
    /// (<see cref="BoneHu"/>); JPEG ringing keeps saturated bone a few levels below 1, so it never needs more than 0.9.
    /// </summary>
    public static float BoneLevel(HuWindow window) => Math.Min(0.9f, window.Apply((float)BoneHu) - 0.02f);

    /// <summary>The mask (1 inside) of an HU slice.</summary>
    public static float[] FromHu(ReadOnlySpan<float> hu, int rows, int columns)
    {
        var gray = new float[hu.Length];
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = MaskWindow.Apply(hu[i]);
        }

        return Compute(gray, rows, columns, MaskWindow);
    }

    /// <summary>The mask (1 inside) of a gray image made with <paramref name="window"/> (null: assume <see cref="MaskWindow"/>).</summary>
    public static float[] Compute(ReadOnlySpan<float> gray, int rows, int columns, HuWindow? window)
    {
        var n = rows * columns;
        if (gray.Length != n)
        {
            throw new IslModelException($"Mask input has {gray.Length} values, expected {rows}×{columns}.");
        }

        var w = window ?? MaskWindow;

        var boneLevel = BoneLevel(w);
        var tissueLevel = Math.Max(0.02f, w.Apply((float)SoftTissueFloorHu));
        var radius = Math.Max(1, (int)Math.Round(Math.Max(rows, columns) / 256.0));
        var bone = new bool[n];
        for (var i = 0; i < n; i++)
        {
            bone[i] = gray[i] >= boneLevel;
        }

        var closedBone = Dilate(bone, rows, columns, radius);
        var open = new bool[n];
        for (var i = 0; i < n; i++)
        {
            open[i] = !closedBone[i];
        }

        var flooded = FloodFromBorder(open, rows, columns);
        var interior = new bool[n];
        for (var i = 0; i < n; i++)
        {
            interior[i] = open[i] && !flooded[i];
        }

        var (kept, _, _) = Tissue(interior, open, bone, gray, tissueLevel, rows, columns, radius);
        if (kept.Count(k => k) < LeakedInteriorShare * n)
        {
            var (rescued, largest, total) = Tissue(Enclosed(closedBone, open, rows, columns), open, bone, gray, tissueLevel, rows, columns, radius);
            if (largest >= RescuedRegionShare * n && largest >= RescuedRegionDominance * total)
            {
                kept = rescued;
            }
        }

        var notKept = new bool[n];
        for (var i = 0; i < n; i++)
        {
            notKept[i] = !kept[i];
        }

        var reachable = FloodFromBorder(notKept, rows, columns);
        var mask = new float[n];
        for (var i = 0; i < n; i++)
        {
            mask[i] = kept[i] || !reachable[i] ? 1f : 0f;
        }

        return mask;
    }

    // Intracranial tissue from an interior: grown back by what the closing took from its edge (never bone, never open
    // pixels outside the interior), above the soft-tissue floor, small islands dropped; with the largest component's
    // and all tissue's pixel counts.
    private static (bool[] Kept, int Largest, int Total) Tissue(bool[] interior, bool[] open, bool[] bone, ReadOnlySpan<float> gray, float tissueLevel, int rows, int columns, int radius)
    {
        var n = interior.Length;
        var grown = Dilate(interior, rows, columns, radius);
        var tissue = new bool[n];
        for (var i = 0; i < n; i++)
        {
            tissue[i] = grown[i] && !bone[i] && !(open[i] && !interior[i]) && gray[i] > tissueLevel;
        }

        return KeepLargeComponents(tissue, rows, columns);
    }

    // Open pixels from which at least EnclosingRays of the 16 rays meet a blocking (bone) pixel before the image border.
    // One sweep per direction: a pixel's ray meets bone when it is bone or the next pixel along the ray's does.
    private static bool[] Enclosed(bool[] blocking, bool[] open, int rows, int columns)
    {
        var n = blocking.Length;
        var count = new byte[n];
        var hit = new bool[n];
        foreach (var (dy, dx) in RayDirections)
        {
            // Visit pixels so that the next one along the ray (r + dy, c + dx) is already done.
            var rowOrder = dy > 0 ? Enumerable.Range(0, rows).Reverse() : Enumerable.Range(0, rows);
            foreach (var r in rowOrder)
            {
                for (var k = 0; k < columns; k++)
                {
                    var c = dy == 0 && dx > 0 ? columns - 1 - k : k;
                    int nr = r + dy, nc = c + dx;
                    var i = (r * columns) + c;
                    hit[i] = blocking[i] || (nr >= 0 && nr < rows && nc >= 0 && nc < columns && hit[(nr * columns) + nc]);
                    count[i] += hit[i] ? (byte)1 : (byte)0;
                }
            }
        }

        var enclosed = new bool[n];
        for (var i = 0; i < n; i++)
        {
            enclosed[i] = open[i] && count[i] >= EnclosingRays;
        }

        return enclosed;
    }

    private static bool[] Dilate(bool[] source, int rows, int columns, int radius)
    {
        var horizontal = new bool[source.Length];
        for (var r = 0; r < rows; r++)
        {
            var run = -1;
            for (var c = 0; c < columns; c++)
            {
                if (source[(r * columns) + c])
                {
                    run = c;
                }

                horizontal[(r * columns) + c] = run >= 0 && c - run <= radius;
            }

            run = -1;
            for (var c = columns - 1; c >= 0; c--)
            {
                if (source[(r * columns) + c])
                {
                    run = c;
                }

                horizontal[(r * columns) + c] |= run >= 0 && run - c <= radius;
            }
        }

        var result = new bool[source.Length];
        for (var c = 0; c < columns; c++)
        {
            var run = -1;
            for (var r = 0; r < rows; r++)
            {
                if (horizontal[(r * columns) + c])
                {
                    run = r;
                }

                result[(r * columns) + c] = run >= 0 && r - run <= radius;
            }

            run = -1;
            for (var r = rows - 1; r >= 0; r--)
            {
                if (horizontal[(r * columns) + c])
                {
                    run = r;
                }

                result[(r * columns) + c] |= run >= 0 && run - r <= radius;
            }
        }

        return result;
    }

    // 4-connected flood over allowed pixels from every allowed border pixel.
    private static bool[] FloodFromBorder(bool[] allowed, int rows, int columns)
    {
        var label = new int[allowed.Length];
        var queue = new int[allowed.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var i = (r * columns) + c;
                var border = r == 0 || c == 0 || r == rows - 1 || c == columns - 1;
                if (border && allowed[i] && label[i] == 0)
                {
                    HeadMask.Flood(label, queue, rows, columns, i, 1, allowed, eightConnected: false);
                }
            }
        }

        return label.Select(l => l != 0).ToArray();
    }

    private static (bool[] Kept, int Largest, int Total) KeepLargeComponents(bool[] foreground, int rows, int columns)
    {
        var n = foreground.Length;
        var label = new int[n];
        var queue = new int[n];
        var sizes = new List<int> { 0 };
        for (var start = 0; start < n; start++)
        {
            if (foreground[start] && label[start] == 0)
            {
                sizes.Add(HeadMask.Flood(label, queue, rows, columns, start, sizes.Count, foreground, eightConnected: true));
            }
        }

        var largest = sizes.Max();
        var kept = new bool[n];
        if (largest == 0)
        {
            return (kept, 0, 0);
        }

        for (var i = 0; i < n; i++)
        {
            kept[i] = label[i] != 0 && sizes[label[i]] >= SmallestIslandShare * largest;
        }

        return (kept, largest, sizes.Sum());
    }
}
