namespace FormationControl.Simulator.Numerics;

/// <summary>
/// The zeros of f(t) = a0·e^(r0·t) + a1·e^(r1·t) + a2·e^(r2·t) inside (0, end): there are at most two (a sum of n
/// exponentials has at most n − 1 real zeros). Used on derivatives, to find where a signal of the cell model has
/// its extrema. With two terms the zero has a closed form; with three, f·e^(−r0·t) has a derivative of two
/// terms, so it is monotone on both sides of one closed-form point, and each side is bisected.
/// </summary>
internal static class ExponentialZeros
{
    private const double ToleranceS = 1e-7;

    /// <summary>Finds the zeros in (0, end); returns how many (0, 1 or 2), sorted into <paramref name="first"/> and <paramref name="second"/> (NaN if absent).</summary>
    public static int Find(double a0, double r0, double a1, double r1, double a2, double r2, double end, out double first, out double second)
    {
        first = double.NaN;
        second = double.NaN;
        Span<double> a = [a0, a1, a2];
        Span<double> r = [r0, r1, r2];
        int n = Compact(a, r);
        if (n < 2 || !(end > 0))
        {
            return 0;
        }

        if (n == 2)
        {
            double t = TwoTermZero(a[0], r[0], a[1], r[1]);
            if (t > 0 && t < end)
            {
                first = t;
                return 1;
            }

            return 0;
        }

        // g = f·e^(−r0 t) has g' = a1(r1−r0)e^((r1−r0)t) + a2(r2−r0)e^((r2−r0)t): one zero at most.
        double split = TwoTermZero(a[1] * (r[1] - r[0]), r[1], a[2] * (r[2] - r[0]), r[2]);
        var f = new Sum(a[0], r[0], a[1], r[1], a[2], r[2]);
        int count = 0;
        if (split > 0 && split < end)
        {
            count += Piece(f, 0, split, ref first, ref second, count);
            count += Piece(f, split, end, ref first, ref second, count);
        }
        else
        {
            count += Piece(f, 0, end, ref first, ref second, count);
        }

        return count;
    }

    /// <summary>Where a·e^(r·t) + b·e^(s·t) = 0, or NaN: e^((r−s)t) = −b/a.</summary>
    private static double TwoTermZero(double a, double r, double b, double s)
    {
        double ratio = -b / a;
        return ratio > 0 && r != s ? Math.Log(ratio) / (r - s) : double.NaN;
    }

    private static int Piece(in Sum f, double lo, double hi, ref double first, ref double second, int found)
    {
        double flo = f.ValueAt(lo), fhi = f.ValueAt(hi);
        if (flo == 0 || fhi == 0 || (flo > 0) == (fhi > 0))
        {
            return 0;
        }

        for (int i = 0; i < 200 && hi - lo > ToleranceS; i++)
        {
            double mid = lo + (0.5 * (hi - lo));
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            double fm = f.ValueAt(mid);
            if ((fm > 0) == (flo > 0))
            {
                lo = mid;
                flo = fm;
            }
            else
            {
                hi = mid;
            }
        }

        double zero = lo + (0.5 * (hi - lo));
        if (found == 0)
        {
            first = zero;
        }
        else
        {
            second = zero;
        }

        return 1;
    }

    /// <summary>Drops zero terms and merges equal rates; returns the number of terms left at the front.</summary>
    private static int Compact(Span<double> a, Span<double> r)
    {
        int n = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == 0 || !double.IsFinite(a[i]))
            {
                continue;
            }

            int same = -1;
            for (int j = 0; j < n; j++)
            {
                if (r[j] == r[i])
                {
                    same = j;
                }
            }

            if (same >= 0)
            {
                a[same] += a[i];
            }
            else
            {
                a[n] = a[i];
                r[n] = r[i];
                n++;
            }
        }

        // A merge can cancel a term.
        int kept = 0;
        for (int i = 0; i < n; i++)
        {
            if (a[i] != 0)
            {
                a[kept] = a[i];
                r[kept] = r[i];
                kept++;
            }
        }

        return kept;
    }

    private readonly record struct Sum(double A0, double R0, double A1, double R1, double A2, double R2)
    {
        public double ValueAt(double t) => (A0 * Math.Exp(R0 * t)) + (A1 * Math.Exp(R1 * t)) + (A2 * Math.Exp(R2 * t));
    }
}
