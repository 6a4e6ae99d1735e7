namespace FormationControl.Simulator.Numerics;

/// <summary>Exponential helpers that stay accurate where the naive formulas cancel.</summary>
internal static class Exponentials
{
    /// <summary>e^x − 1, accurate for small |x|.</summary>
    public static double ExpMinusOne(double x) =>
        Math.Abs(x) < 1e-5 ? x * (1 + (x * (0.5 + (x / 6)))) : Math.Exp(x) - 1;

    /// <summary>∫₀ᵗ e^(λs) ds, which is t when λ = 0.</summary>
    public static double Integral(double lambda, double t)
    {
        double x = lambda * t;
        return Math.Abs(x) < 1e-5 ? t * (1 + (x * (0.5 + (x / 6)))) : (Math.Exp(x) - 1) / lambda;
    }
}
