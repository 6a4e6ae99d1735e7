namespace FormationControl.Core.Grading;

/// <summary>The distribution of every input over a lot: what rules relative to the lot compare with.</summary>
public sealed class LotStatistics
{
    private readonly Dictionary<GradeInput, InputStatistics> _byInput;

    private LotStatistics(Dictionary<GradeInput, InputStatistics> byInput) => _byInput = byInput;

    /// <summary>No cells: every relative rule fails for want of a reference.</summary>
    public static LotStatistics Empty { get; } = new([]);

    /// <summary>The statistics of the measured values of each input over <paramref name="cells"/>.</summary>
    public static LotStatistics Of(IReadOnlyCollection<GradeInputs> cells)
    {
        var byInput = new Dictionary<GradeInput, InputStatistics>();
        foreach (var input in GradeInputNames.All)
        {
            if (InputStatistics.Of(cells.Select(c => c.Get(input)).OfType<double>()) is { } statistics)
            {
                byInput[input] = statistics;
            }
        }

        return new LotStatistics(byInput);
    }

    /// <summary>The statistics of <paramref name="input"/>, if any cell of the lot has it.</summary>
    public bool TryGet(GradeInput input, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InputStatistics? statistics) =>
        _byInput.TryGetValue(input, out statistics);

    /// <summary>Inputs that have statistics, in <see cref="GradeInputNames.All"/> order.</summary>
    public IEnumerable<(GradeInput Input, InputStatistics Statistics)> Inputs =>
        GradeInputNames.All.Where(_byInput.ContainsKey).Select(i => (i, _byInput[i]));
}
