using System.Diagnostics.CodeAnalysis;
using System.Text;
using FormationControl.Core.Profiles;

namespace FormationControl.Core.Json;

/// <summary>Reads the one file a loader is handed, as strict UTF-8 (a BOM is allowed and dropped).</summary>
internal static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out ProfileDiagnostic? error)
    {
        text = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = new ProfileDiagnostic(path, 1, 1, JsonPath.Root, $"cannot read the file: {e.Message}");
            return false;
        }

        int start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = new LineMap(bytes).At(start + Math.Max(e.Index, 0));
            error = new ProfileDiagnostic(path, at.Line, at.Column, JsonPath.Root, "the file is not valid UTF-8 text");
            return false;
        }

        error = null;
        return true;
    }
}
