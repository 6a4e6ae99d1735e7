namespace FormationControl.Core.Grading;

/// <summary>The JSON names and display units of <see cref="GradeInput"/>s.</summary>
public static class GradeInputNames
{
    /// <summary>Every input in the order recipes, reports and handoffs list them.</summary>
    public static IReadOnlyList<GradeInput> All { get; } =
        [GradeInput.Capacity, GradeInput.CoulombicEfficiency, GradeInput.Dcir, GradeInput.Acir, GradeInput.KValue, GradeInput.Ocv];

    /// <summary>"capacity", "coulombicEfficiency", "dcir", "acir", "kValue", "ocv".</summary>
    public static string Of(GradeInput input) => input switch
    {
        GradeInput.Capacity => "capacity",
        GradeInput.CoulombicEfficiency => "coulombicEfficiency",
        GradeInput.Dcir => "dcir",
        GradeInput.Acir => "acir",
        GradeInput.KValue => "kValue",
        GradeInput.Ocv => "ocv",
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
    };

    /// <summary>The unit values of the input are held in: "Ah", "%", "Ohm", "mV/day", "V".</summary>
    public static string UnitOf(GradeInput input) => input switch
    {
        GradeInput.Capacity => "Ah",
        GradeInput.CoulombicEfficiency => "%",
        GradeInput.Dcir or GradeInput.Acir => "Ohm",
        GradeInput.KValue => "mV/day",
        GradeInput.Ocv => "V",
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
    };

    /// <summary>The input called <paramref name="name"/> in recipes.</summary>
    public static bool TryParse(string name, out GradeInput input)
    {
        foreach (var candidate in All)
        {
            if (Of(candidate) == name)
            {
                input = candidate;
                return true;
            }
        }

        input = default;
        return false;
    }
}
