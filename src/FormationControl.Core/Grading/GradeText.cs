using System.Globalization;

namespace FormationControl.Core.Grading;

/// <summary>Numbers in grade reasons: shortest round-trip text, so an edge case shows the exact value compared.</summary>
internal static class GradeText
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
