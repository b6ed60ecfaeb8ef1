namespace Isl.Model.Preprocessing;

/// <summary>The effective (head) area: threshold, keep the largest 8-connected component, fill its holes.</summary>
public static class HeadMask
{
    /// <summary>Computes the mask (1 inside the head, 0 elsewhere) of a row-major image.</summary>
    public static float[] Compute(ReadOnlySpan<float> values, int rows, int columns, float threshold)
    {
        var n = rows * columns;
        if (values.Length != n)
        {
            throw new IslModelException($"Mask input has {values.Length} values, expected {rows}×{columns}.");
        }

        var foreground = new bool[n];
        for (var i = 0; i < n; i++)
        {
            foreground[i] = values[i] > threshold;
        }

        var label = new int[n];
        var queue = new int[n];
        int best = 0, bestSize = 0, next = 0;
        for (var start = 0; start < n; start++)
        {
            if (!foreground[start] || label[start] != 0)
            {
                continue;
            }

            next++;
            var size = Flood(label, queue, rows, columns, start, next, foreground, eightConnected: true);
            if (size > bestSize)
            {
                bestSize = size;
                best = next;
            }
        }

        var mask = new float[n];
        if (best == 0)
        {
            return mask;
        }

        // Background = what is reachable from the border without crossing the component (4-connected); the rest is the filled head.
        var notHead = new bool[n];
        for (var i = 0; i < n; i++)
        {
            notHead[i] = label[i] != best;
        }

        var outside = new int[n];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var i = (r * columns) + c;
                var border = r == 0 || c == 0 || r == rows - 1 || c == columns - 1;
                if (border && notHead[i] && outside[i] == 0)
                {
                    Flood(outside, queue, rows, columns, i, 1, notHead, eightConnected: false);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            mask[i] = outside[i] == 0 ? 1f : 0f;
        }

        return mask;
    }

    /// <summary>Labels with <paramref name="id"/> the unlabelled allowed pixels connected to <paramref name="start"/>; returns how many.</summary>
    internal static int Flood(int[] label, int[] queue, int rows, int columns, int start, int id, bool[] allowed, bool eightConnected)
    {
        int head = 0, tail = 0;
        queue[tail++] = start;
        label[start] = id;
        while (head < tail)
        {
            var i = queue[head++];
            int r = i / columns, c = i % columns;
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                {
                    if ((dr == 0 && dc == 0) || (!eightConnected && dr != 0 && dc != 0))
                    {
                        continue;
                    }

                    int rr = r + dr, cc = c + dc;
                    if (rr < 0 || cc < 0 || rr >= rows || cc >= columns)
                    {
                        continue;
                    }

                    var j = (rr * columns) + cc;
                    if (label[j] == 0 && allowed[j])
                    {
                        label[j] = id;
                        queue[tail++] = j;
                    }
                }
            }
        }

        return tail;
    }
}
