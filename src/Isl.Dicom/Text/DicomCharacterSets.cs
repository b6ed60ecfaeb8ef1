using System.Collections.Concurrent;
using System.Text;

namespace Isl.Dicom.Text;

/// <summary>Maps Specific Character Set (0008,0005) terms to .NET encodings.</summary>
internal static class DicomCharacterSets
{
    private static readonly ConcurrentDictionary<string, Encoding> Cache = new(StringComparer.Ordinal);
    private static readonly bool CodePagesRegistered = RegisterCodePages();

    /// <summary>The default repertoire: ASCII, decoded as Latin-1 so that no byte is ever lost.</summary>
    public static Encoding Default => Encoding.Latin1;

    public static Encoding FromSpecificCharacterSet(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        return Cache.GetOrAdd(value, Resolve);
    }

    private static Encoding Resolve(string value)
    {
        _ = CodePagesRegistered;
        var terms = value.Split('\\');
        Encoding? chosen = null;
        foreach (var rawTerm in terms)
        {
            var term = rawTerm.Trim(' ', '\0');
            if (term.Length == 0 || term is "ISO_IR 6" or "ISO 2022 IR 6")
            {
                continue;
            }

            var encoding = ForTerm(term);
            if (encoding is null)
            {
                DicomEncodingFallback.Warn($"Specific Character Set term '{term}' is not supported; text is decoded as Latin-1.");
                continue;
            }

            chosen ??= encoding;
            if (terms.Length > 1 && !ReferenceEquals(chosen, encoding))
            {
                DicomEncodingFallback.Warn($"Specific Character Set '{value}' uses ISO 2022 code extensions; text is decoded with {chosen.WebName} only.");
            }
        }

        return chosen ?? Default;
    }

    private static Encoding? ForTerm(string term)
    {
        var codePage = term switch
        {
            "ISO_IR 100" or "ISO 2022 IR 100" => 28591,
            "ISO_IR 101" or "ISO 2022 IR 101" => 28592,
            "ISO_IR 109" or "ISO 2022 IR 109" => 28593,
            "ISO_IR 110" or "ISO 2022 IR 110" => 28594,
            "ISO_IR 144" or "ISO 2022 IR 144" => 28595,
            "ISO_IR 127" or "ISO 2022 IR 127" => 28596,
            "ISO_IR 126" or "ISO 2022 IR 126" => 28597,
            "ISO_IR 138" or "ISO 2022 IR 138" => 28598,
            "ISO_IR 148" or "ISO 2022 IR 148" => 28599,
            "ISO_IR 203" or "ISO 2022 IR 203" => 28605,
            "ISO_IR 13" or "ISO 2022 IR 13" => 932,
            "ISO_IR 166" or "ISO 2022 IR 166" => 874,
            "ISO 2022 IR 87" or "ISO 2022 IR 159" => 50220,
            "ISO 2022 IR 149" => 949,
            "ISO 2022 IR 58" => 936,
            "ISO_IR 192" => 65001,
            "GB18030" => 54936,
            "GBK" => 936,
            _ => 0,
        };
        if (codePage == 0)
        {
            return null;
        }

        if (codePage == 65001)
        {
            return new UTF8Encoding(false, false);
        }

        if (codePage == 28591)
        {
            return Encoding.Latin1;
        }

        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }
}
