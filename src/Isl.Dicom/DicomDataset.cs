using System.Collections;
using System.Text;
using Isl.Dicom.Text;

namespace Isl.Dicom;

/// <summary>
/// A DICOM dataset: elements ordered by tag, with typed accessors. Private elements are kept verbatim.
/// Text is decoded with the dataset's Specific Character Set (inherited by sequence items).
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomElement>
{
    private readonly List<DicomElement> _elements;

    /// <summary>Creates an empty dataset.</summary>
    public DicomDataset() => _elements = [];

    /// <summary>Creates a dataset holding the given elements (any order; later duplicates replace earlier ones).</summary>
    public DicomDataset(IEnumerable<DicomElement> elements)
        : this()
    {
        ArgumentNullException.ThrowIfNull(elements);
        foreach (var element in elements)
        {
            Add(element);
        }
    }

    private DicomDataset(List<DicomElement> elements, Encoding? inherited)
    {
        _elements = elements;
        InheritedEncoding = inherited;
    }

    /// <summary>The number of elements at this level.</summary>
    public int Count => _elements.Count;

    /// <summary>The character set inherited from an enclosing dataset (sequence items), if any.</summary>
    internal Encoding? InheritedEncoding { get; set; }

    /// <summary>The encoding used for text of this dataset.</summary>
    internal Encoding TextEncoding
    {
        get
        {
            var index = IndexOf(DicomTags.SpecificCharacterSet);
            if (index >= 0)
            {
                var element = _elements[index];
                return DicomCharacterSets.FromSpecificCharacterSet(Encoding.ASCII.GetString(element.Data.Span));
            }

            return InheritedEncoding ?? DicomCharacterSets.Default;
        }
    }

    /// <summary>True when an element with this tag is present at this level.</summary>
    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    /// <summary>Removes the element with this tag; returns whether it was present.</summary>
    public bool Remove(DicomTag tag)
    {
        var index = IndexOf(tag);
        if (index < 0)
        {
            return false;
        }

        _elements.RemoveAt(index);
        return true;
    }

    /// <summary>Removes every element whose tag matches the predicate.</summary>
    public int RemoveAll(Func<DicomTag, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return _elements.RemoveAll(e => predicate(e.Tag));
    }

    /// <summary>A deep copy (sequences copied; value bytes, which are never mutated, shared).</summary>
    public DicomDataset Clone()
    {
        var copy = new List<DicomElement>(_elements.Count);
        foreach (var element in _elements)
        {
            copy.Add(element.DeepClone());
        }

        return new DicomDataset(copy, InheritedEncoding);
    }

    /// <summary>The element with this tag, or throws <see cref="DicomDataException"/>.</summary>
    public DicomElement GetElement(DicomTag tag) =>
        TryGetElement(tag, out var element) ? element : throw Missing(tag);

    /// <summary>The element with this tag, if present.</summary>
    public bool TryGetElement(DicomTag tag, out DicomElement element)
    {
        var index = IndexOf(tag);
        element = index >= 0 ? _elements[index] : null!;
        return index >= 0;
    }

    /// <summary>Adds an element, replacing one with the same tag. Returns this dataset.</summary>
    public DicomDataset Add(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (_elements.Count == 0 || _elements[^1].Tag.Value < element.Tag.Value)
        {
            _elements.Add(element);
            return this;
        }

        var index = IndexOf(element.Tag);
        if (index >= 0)
        {
            _elements[index] = element;
        }
        else
        {
            _elements.Insert(~index, element);
        }

        return this;
    }

    /// <inheritdoc/>
    public IEnumerator<DicomElement> GetEnumerator() => _elements.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Appends an element read from a stream; out-of-order tags are inserted in place.</summary>
    internal void AddRead(DicomElement element) => Add(element);

    /// <summary>Gives sequence items the character set of their enclosing dataset (unless they declare their own).</summary>
    internal void PropagateEncoding()
    {
        Encoding? encoding = null;
        foreach (var element in _elements)
        {
            if (!element.IsSequence)
            {
                continue;
            }

            encoding ??= TextEncoding;
            foreach (var item in element.Items)
            {
                item.InheritedEncoding = encoding;
                item.PropagateEncoding();
            }
        }
    }

    internal static DicomDataException Missing(DicomTag tag) =>
        new($"The element {tag} {DicomDictionary.Default.GetKeyword(tag)} is not present.");

    private int IndexOf(DicomTag tag)
    {
        var value = tag.Value;
        int low = 0, high = _elements.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var current = _elements[mid].Tag.Value;
            if (current == value)
            {
                return mid;
            }

            if (current < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }
}
