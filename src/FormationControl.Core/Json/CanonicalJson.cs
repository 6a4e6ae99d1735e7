using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FormationControl.Core.Json;

/// <summary>
/// Writes a resolved model as compact JSON with a fixed property order and shortest round-trip numbers,
/// and hashes it. Whitespace, key order and unit spelling of the source never reach this text.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Lowercase hex SHA-256 of the UTF-8 text.</summary>
    public static string Sha256Hex(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>Writes a number (or null); -0 is written as 0 so that it cannot change a hash.</summary>
    public static void WriteCanonicalNumber(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is not { } v)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteNumber(name, v == 0 ? 0 : v);
    }
}
