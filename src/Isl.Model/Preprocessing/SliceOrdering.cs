namespace Isl.Model.Preprocessing;

/// <summary>Orders slices along the slice normal (not by InstanceNumber); works for tilted gantries and uneven spacing.</summary>
public static class SliceOrdering
{
    /// <summary>Returns the items sorted by position along the first slice's normal; orientations must agree.</summary>
    public static IReadOnlyList<T> Order<T>(IEnumerable<T> items, Func<T, SliceGeometry> geometryOf)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return list;
        }

        var normal = geometryOf(list[0]).Normal();
        foreach (var item in list)
        {
            var n = geometryOf(item).Normal();
            var dot = (n[0] * normal[0]) + (n[1] * normal[1]) + (n[2] * normal[2]);
            if (dot < 0.999)
            {
                throw new IslModelException("Slices of the stack have different orientations; select one series with one orientation.");
            }
        }

        return list.OrderBy(item => geometryOf(item).Along(normal)).ToList();
    }
}
