using System.Diagnostics.CodeAnalysis;

namespace FormationControl.Core.Quantities;

/// <summary>A threshold with a direction: "&gt;= 3.6 V", "&lt;= C/50" (also written with ≥ and ≤).</summary>
public readonly record struct QuantityBound(ComparisonOperator Operator, Quantity Quantity)
{
    /// <summary>Parses "&gt;= 3.6 V" or "&lt;= 500 mA"; the operator is required, strict &lt; and &gt; are refused.</summary>
    public static bool TryParse(string? text, out QuantityBound bound, [NotNullWhen(false)] out string? error)
    {
        bound = default;
        string trimmed = text?.Trim() ?? string.Empty;
        (ComparisonOperator op, int length)? prefix = trimmed switch
        {
            _ when trimmed.StartsWith(">=", StringComparison.Ordinal) => (ComparisonOperator.AtLeast, 2),
            _ when trimmed.StartsWith("<=", StringComparison.Ordinal) => (ComparisonOperator.AtMost, 2),
            _ when trimmed.StartsWith('≥') => (ComparisonOperator.AtLeast, 1),
            _ when trimmed.StartsWith('≤') => (ComparisonOperator.AtMost, 1),
            _ => null,
        };

        if (prefix is not { } found)
        {
            error = trimmed.StartsWith('>') || trimmed.StartsWith('<')
                ? $"\"{trimmed}\": only \">=\" and \"<=\" are supported"
                : $"\"{trimmed}\" needs a direction: write \">= {trimmed}\" or \"<= {trimmed}\"";
            return false;
        }

        if (!Quantity.TryParse(trimmed[found.length..], out var quantity, out error))
        {
            return false;
        }

        bound = new QuantityBound(found.op, quantity);
        return true;
    }

    /// <summary>"&gt;= 3.6 V".</summary>
    public override string ToString() => $"{(Operator == ComparisonOperator.AtLeast ? ">=" : "<=")} {Quantity}";
}
