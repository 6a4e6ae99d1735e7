namespace FormationControl.Simulator.Numerics;

/// <summary>
/// Eigenvalues of M = diag(d) − w·1ᵀ with w &gt; 0 and distinct d (the matrix of a cell held at a voltage: a
/// diagonal of relaxation rates plus a rank-one coupling through the current). They are the roots of the secular
/// equation Σ wᵢ/(dᵢ − λ) = 1, all real, one between each pair of neighbouring dᵢ and one below the smallest;
/// each is found in its bracket by Newton's method kept inside the bracket by bisection.
/// </summary>
internal static class SecularRoots
{
    /// <summary>Writes the n = d.Length eigenvalues (n ≤ 3) into <paramref name="lambda"/>, largest first.</summary>
    public static void Solve(ReadOnlySpan<double> d, ReadOnlySpan<double> w, Span<double> lambda)
    {
        int n = d.Length;
        Span<double> ds = stackalloc double[n];
        Span<double> ws = stackalloc double[n];
        d.CopyTo(ds);
        w.CopyTo(ws);

        // Sort by d, descending (n ≤ 3: insertion sort).
        for (int i = 1; i < n; i++)
        {
            for (int j = i; j > 0 && ds[j] > ds[j - 1]; j--)
            {
                (ds[j], ds[j - 1]) = (ds[j - 1], ds[j]);
                (ws[j], ws[j - 1]) = (ws[j - 1], ws[j]);
            }
        }

        double total = 0;
        foreach (double x in ws)
        {
            total += x;
        }

        for (int j = 0; j < n; j++)
        {
            double hi = ds[j];
            double lo = j + 1 < n ? ds[j + 1] : ds[n - 1] - total;
            lambda[j] = Root(ds, ws, lo, hi);
        }
    }

    /// <summary>The root of f(λ) = Σ wᵢ/(dᵢ − λ) − 1 in (lo, hi), where f rises from below 0 to above 0.</summary>
    private static double Root(ReadOnlySpan<double> d, ReadOnlySpan<double> w, double lo, double hi)
    {
        double x = lo + (0.5 * (hi - lo));
        for (int i = 0; i < 200; i++)
        {
            double f = -1, slope = 0;
            for (int k = 0; k < d.Length; k++)
            {
                double inv = 1 / (d[k] - x);
                f += w[k] * inv;
                slope += w[k] * inv * inv;
            }

            if (f == 0 || double.IsInfinity(f))
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            double next = x - (f / slope);
            if (!(next > lo && next < hi))
            {
                next = lo + (0.5 * (hi - lo));
            }

            // The answer stays strictly inside the bracket: a pole is never returned.
            if (Math.Abs(next - x) <= 4e-16 * Math.Abs(x) || next <= lo || next >= hi)
            {
                return next > lo && next < hi ? next : x;
            }

            x = next;
        }

        return x;
    }
}
