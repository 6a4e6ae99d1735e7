namespace FormationControl.Simulator.Population;

/// <summary>
/// Standard normal numbers from a seeded <see cref="Random"/> by the Box–Muller transform, each uniform pair
/// giving two normals. Owns its generator: no shared state, so a seed always gives the same sequence.
/// </summary>
internal sealed class GaussianSource(int seed)
{
    private readonly Random _uniform = new(seed);
    private double _spare;
    private bool _hasSpare;

    /// <summary>A uniform number in [0, 1) from the same generator (taken in draw order with the normals).</summary>
    public double NextUniform() => _uniform.NextDouble();

    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        // 1 − U lies in (0, 1], so the logarithm is finite.
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _uniform.NextDouble()));
        double angle = 2.0 * Math.PI * _uniform.NextDouble();
        _spare = radius * Math.Sin(angle);
        _hasSpare = true;
        return radius * Math.Cos(angle);
    }
}
