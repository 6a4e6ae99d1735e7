using System.Diagnostics.CodeAnalysis;
using FormationControl.Core.Text;

namespace FormationControl.Core.Quantities;

/// <summary>
/// Reads "&lt;number&gt; &lt;unit&gt;" ("4.2 V", "500mA", "1.5e-3 Ah"), "&lt;number&gt;C" and "C/&lt;number&gt;" C-rates.
/// Numbers use the invariant culture (a dot as decimal separator); the space before the unit is optional.
/// </summary>
internal static class QuantityParser
{
    public static bool TryParse(string? text, out Quantity quantity, [NotNullWhen(false)] out string? error)
    {
        quantity = default;
        string trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "empty quantity; write a number and a unit, e.g. \"4.2 V\"";
            return false;
        }

        if (trimmed[0] == 'C' && trimmed.AsSpan(1).TrimStart().StartsWith("/"))
        {
            return TryParseRateDivisor(trimmed, out quantity, out error);
        }

        int numberLength = ScanNumber(trimmed);
        if (numberLength == 0)
        {
            error = $"\"{trimmed}\" does not start with a number; write e.g. \"4.2 V\", \"500 mA\" or \"C/10\"";
            return false;
        }

        string number = trimmed[..numberLength];
        string symbol = trimmed[numberLength..].TrimStart();
        if (symbol.Length == 0)
        {
            error = $"\"{trimmed}\" has no unit; write e.g. \"{trimmed} V\" or \"{trimmed} A\"";
            return false;
        }

        if (!UnitTable.TryFind(symbol, out var unit))
        {
            error = $"unknown unit '{symbol}' in \"{trimmed}\"{SpellingSuggestion.Hint(symbol, UnitTable.Symbols)}";
            return false;
        }

        double value = DecimalArithmetic.Scale(number, unit.Scale);
        if (!double.IsFinite(value))
        {
            error = $"\"{trimmed}\" is out of range";
            return false;
        }

        quantity = new Quantity(value, unit.Dimension);
        error = null;
        return true;
    }

    private static bool TryParseRateDivisor(string text, out Quantity quantity, [NotNullWhen(false)] out string? error)
    {
        quantity = default;
        string divisor = text[(text.IndexOf('/', StringComparison.Ordinal) + 1)..].Trim();
        int length = ScanNumber(divisor);
        if (length == 0 || length != divisor.Length)
        {
            error = $"\"{text}\" is not a C-rate; write C/<number>, e.g. \"C/10\"";
            return false;
        }

        double value = DecimalArithmetic.Scale(divisor, 1m);
        if (!(value > 0) || !double.IsFinite(value))
        {
            error = $"\"{text}\": the divisor of a C-rate must be a positive number";
            return false;
        }

        quantity = new Quantity(DecimalArithmetic.Divide(1, value), Dimension.CRate);
        error = null;
        return true;
    }

    /// <summary>Length of the leading number: sign, digits with an optional fraction, optional exponent; 0 if none.</summary>
    private static int ScanNumber(string s)
    {
        int i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        int digits = CountDigits(s, ref i);
        if (i < s.Length && s[i] == '.')
        {
            i++;
            digits += CountDigits(s, ref i);
        }

        if (digits == 0)
        {
            return 0;
        }

        // An exponent only when digits follow, so that a unit could never be eaten by mistake.
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < s.Length && s[j] is '+' or '-')
            {
                j++;
            }

            if (CountDigits(s, ref j) > 0)
            {
                i = j;
            }
        }

        return i;
    }

    private static int CountDigits(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }
}
