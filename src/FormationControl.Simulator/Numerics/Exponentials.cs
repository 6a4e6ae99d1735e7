namespace FormationControl.Simulator.Numerics;

/// <summary>Exponential integrals that stay accurate where the naive formula cancels.</summary>
internal static class Exponentials
{
    /// <summary>∫₀ᵗ e^(λs) ds, which is t when λ = 0.</summary>
    public static double Integral(double lambda, double t)
    {
        double x = lambda * t;
        return Math.Abs(x) < 1e-5 ? t * (1 + (x * (0.5 + (x / 6)))) : (Math.Exp(x) - 1) / lambda;
    }
}
