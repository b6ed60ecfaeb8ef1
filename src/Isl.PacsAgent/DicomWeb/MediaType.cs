using System.Text;

namespace Isl.PacsAgent.DicomWeb;

/// <summary>
/// A parsed Content-Type value: the media type and its parameters. Lenient: quoted values may hold ';' and '='
/// (Orthanc writes <c>type="application/octet-stream; transfer-syntax=…"</c>), names are case-insensitive,
/// and a parameter found only inside the quoted <c>type</c> is still found by <see cref="GetParameter"/>.
/// </summary>
public sealed class MediaType
{
    private readonly Dictionary<string, string> parameters;

    private MediaType(string type, Dictionary<string, string> parameters)
    {
        Type = type;
        this.parameters = parameters;
    }

    /// <summary>The media type, lower case (e.g. <c>multipart/related</c>).</summary>
    public string Type { get; }

    /// <summary>The parameters by lower-case name, unquoted.</summary>
    public IReadOnlyDictionary<string, string> Parameters => parameters;

    /// <summary>Parses a Content-Type header value; throws <see cref="DicomWebException"/> when it has no type.</summary>
    public static MediaType Parse(string value)
    {
        var pieces = SplitOutsideQuotes(value, ';');
        var type = pieces.Count > 0 ? pieces[0].Trim().ToLowerInvariant() : "";
        if (type.Length == 0 || !type.Contains('/', StringComparison.Ordinal))
        {
            throw new DicomWebException($"'{value}' is not a media type.");
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var piece in pieces.Skip(1))
        {
            var eq = piece.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = piece[..eq].Trim().ToLowerInvariant();
            parameters.TryAdd(name, Unquote(piece[(eq + 1)..].Trim()));
        }

        return new MediaType(type, parameters);
    }

    /// <summary>A parameter's value; also looks inside a quoted <c>type</c> parameter (Orthanc's quirk). Null when absent.</summary>
    public string? GetParameter(string name)
    {
        if (parameters.TryGetValue(name, out var value))
        {
            return value;
        }

        if (parameters.TryGetValue("type", out var inner) && inner.Contains(';', StringComparison.Ordinal))
        {
            return Parse(inner).GetParameter(name);
        }

        return null;
    }

    /// <summary>The <c>type</c> parameter's media type without any parameters nested in it.</summary>
    public string? RelatedType => parameters.TryGetValue("type", out var t) ? t.Split(';')[0].Trim().ToLowerInvariant() : null;

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var text = new StringBuilder();
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1)
            {
                i++;
            }

            text.Append(value[i]);
        }

        return text.ToString();
    }

    private static List<string> SplitOutsideQuotes(string value, char separator)
    {
        var pieces = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"' && (i == 0 || value[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (value[i] == separator && !quoted)
            {
                pieces.Add(value[start..i]);
                start = i + 1;
            }
        }

        pieces.Add(value[start..]);
        return pieces;
    }
}
