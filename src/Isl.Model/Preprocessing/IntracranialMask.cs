namespace Isl.Model.Preprocessing;

/// <summary>
/// The intracranial region of one axial slice, from the image alone: what the skull encloses, bone excluded. Works on a
/// brain-windowed gray image (bone saturates, air and fat are black), so HU slices and pre-windowed 8-bit images get the
/// same mask. Steps: bone = bright pixels, closed by a small dilation so thin or partial-volume skull still encloses;
/// the interior is what the border cannot reach without crossing bone; soft tissue inside it (not air) is kept, small
/// islands (sinus mucosa, orbit fat) are dropped, and enclosed holes (a hyperdense clot as bright as bone) are filled.
/// Air above the vertex and neck slices have no enclosed interior and get an empty mask.
/// </summary>
public static class IntracranialMask
{
    /// <summary>HU at or above which a pixel counts as bone (an acute clot is 50–90 HU; thin skull at 5 mm is ≥ 150).</summary>
    public const double BoneHu = 88;

    /// <summary>HU at or below which a pixel counts as air or fat (CSF is 0–15 HU).</summary>
    public const double SoftTissueFloorHu = -14;

    /// <summary>Islands smaller than this share of the largest intracranial component are dropped.</summary>
    public const double SmallestIslandShare = 0.1;

    /// <summary>The window in which HU slices are masked (a brain window wide enough for CSF).</summary>
    public static HuWindow MaskWindow { get; } = new(40, 120);

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

        // JPEG ringing keeps saturated bone a few levels below 1, so bone never needs more than 0.9.
        var boneLevel = Math.Min(0.9f, w.Apply((float)BoneHu) - 0.02f);
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

        var outside = FloodFromBorder(open, rows, columns);
        var interior = new bool[n];
        for (var i = 0; i < n; i++)
        {
            interior[i] = open[i] && !outside[i];
        }

        // Give back what the closing took from the interior's edge, but never bone itself.
        var grown = Dilate(interior, rows, columns, radius);
        var tissue = new bool[n];
        for (var i = 0; i < n; i++)
        {
            tissue[i] = grown[i] && !bone[i] && !outside[i] && gray[i] > tissueLevel;
        }

        var kept = KeepLargeComponents(tissue, rows, columns);
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

    private static bool[] KeepLargeComponents(bool[] foreground, int rows, int columns)
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
            return kept;
        }

        for (var i = 0; i < n; i++)
        {
            kept[i] = label[i] != 0 && sizes[label[i]] >= SmallestIslandShare * largest;
        }

        return kept;
    }
}
