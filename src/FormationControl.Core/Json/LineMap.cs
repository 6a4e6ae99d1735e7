using System.Text;

namespace FormationControl.Core.Json;

/// <summary>Turns byte offsets in a UTF-8 buffer into 1-based lines and UTF-16 columns.</summary>
internal sealed class LineMap
{
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];

    public LineMap(byte[] utf8)
    {
        _utf8 = utf8;
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public SourceLocation At(long byteOffset)
    {
        int offset = (int)Math.Clamp(byteOffset, 0, _utf8.Length);
        int line = _lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return Locate(line, offset - _lineStarts[line]);
    }

    /// <summary>From a 0-based line and byte position in that line, as <see cref="System.Text.Json.JsonException"/> reports them.</summary>
    public SourceLocation At(long zeroBasedLine, long bytePositionInLine)
    {
        int line = (int)Math.Clamp(zeroBasedLine, 0, _lineStarts.Count - 1);
        return Locate(line, (int)Math.Clamp(bytePositionInLine, 0, _utf8.Length - _lineStarts[line]));
    }

    private SourceLocation Locate(int line, int bytesIntoLine) =>
        new(line + 1, Encoding.UTF8.GetCharCount(_utf8, _lineStarts[line], bytesIntoLine) + 1);
}
