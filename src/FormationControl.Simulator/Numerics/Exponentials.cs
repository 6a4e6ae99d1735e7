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

    /// <summary>∫₀ᵗ e^(λs) ds given e^(λt) already computed (the exponential is usually shared with other terms).</summary>
    public static double Integral(double lambda, double t, double expLambdaT)
    {
        double x = lambda * t;
        return Math.Abs(x) < 1e-5 ? t * (1 + (x * (0.5 + (x / 6)))) : (expLambdaT - 1) / lambda;
    }

    /// <summary>
    /// (e^(a·t) − e^(b·t)) / (a − b) given both exponentials, which is ∫₀ᵗ e^(a·s)·e^(b·(t−s)) ds: the response at t of
    /// a first-order lag with rate −b to the forcing e^(a·s). Stays accurate when a and b are close (or equal).
    /// </summary>
    public static double Difference(double a, double expAT, double b, double expBT, double t)
    {
        double x = (a - b) * t;
        if (Math.Abs(x) < 1e-4)
        {
            // e^((a+b)t/2)·t·sinh(x/2)/(x/2), by its series.
            return Math.Sqrt(expAT * expBT) * t * (1 + (x * x / 24));
        }

        return (expAT - expBT) / (a - b);
    }
}
