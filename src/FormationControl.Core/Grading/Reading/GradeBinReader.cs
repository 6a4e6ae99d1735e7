using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Grading.Reading;

/// <summary>Reads one bin; its edges are in Ah or in percent of the recipe's nominal capacity.</summary>
internal static class GradeBinReader
{
    public static readonly string[] Fields = ["grade", "minCapacity", "maxCapacity"];

    /// <summary>The bin resolved to Ah, or null if anything is wrong.</summary>
    public static GradeBin? Read(JsonSourceNode node, double? nominalCapacityAh, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(node, "a bin", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        string? grade = ReadString(fields.Required("grade"), diagnostics);
        double? min = ReadEdge(fields.Required("minCapacity"), nominalCapacityAh, diagnostics);
        var maxNode = fields.Required("maxCapacity");
        double? max = ReadEdge(maxNode, nominalCapacityAh, diagnostics);
        if (min is { } lo && max is { } hi && hi <= lo)
        {
            diagnostics.Report(maxNode!, $"must be above minCapacity ({Quantity.Format(lo, Dimension.Capacity)})");
        }

        return diagnostics.Count > before ? null : new GradeBin(grade!, min!.Value, max!.Value);
    }

    private static double? ReadEdge(JsonSourceNode? node, double? nominalCapacityAh, DiagnosticList diagnostics)
    {
        if (ReadQuantity(node, diagnostics, Dimension.Capacity, Dimension.Percent) is not { } quantity)
        {
            return null;
        }

        double ah = quantity.Value;
        if (quantity.Dimension == Dimension.Percent)
        {
            if (nominalCapacityAh is not { } nominal)
            {
                diagnostics.Report(node!, $"\"{quantity}\" is a percentage of nominalCapacity, which is missing or invalid");
                return null;
            }

            ah = DecimalArithmetic.Multiply(DecimalArithmetic.Divide(quantity.Value, 100), nominal);
        }

        if (ah < 0)
        {
            diagnostics.Report(node!, "a capacity cannot be negative");
            return null;
        }

        return ah;
    }
}
