using System.Globalization;

namespace FormationControl.Storage;

/// <summary>
/// Instants of precious records as round-trip ISO 8601 text: exact to the tick, keeps the offset
/// they were taken in, and stays readable in any LiteDB viewer.
/// </summary>
internal static class BsonTime
{
    public static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
