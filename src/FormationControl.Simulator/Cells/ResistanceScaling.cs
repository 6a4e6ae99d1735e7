namespace FormationControl.Simulator.Cells;

/// <summary>
/// How a cell's resistances move away from their reference values: an Arrhenius factor in temperature times a
/// factor in SOC that is 1 in the middle and rises quadratically to <see cref="CellOptions.ResistanceFactorAtSocExtremes"/>
/// over the outer <see cref="CellOptions.ResistanceSocKnee"/> at each end.
/// </summary>
internal readonly struct ResistanceScaling
{
    private const double GasConstant = 8.314462618;
    private const double Kelvin = 273.15;

    private readonly double _activationOverGas;
    private readonly double _inverseReferenceK;
    private readonly double _extremeRise;
    private readonly double _knee;

    public ResistanceScaling(CellOptions options)
    {
        _activationOverGas = options.ActivationEnergyJPerMol / GasConstant;
        _inverseReferenceK = 1 / (options.ReferenceTemperatureC + Kelvin);
        _extremeRise = options.ResistanceFactorAtSocExtremes - 1;
        _knee = options.ResistanceSocKnee;
    }

    /// <summary>R(T, SOC) / R_ref.</summary>
    public double Factor(double temperatureC, double soc) => Arrhenius(temperatureC) * SocFactor(soc);

    public double Arrhenius(double temperatureC) =>
        _activationOverGas == 0 ? 1 : Math.Exp(_activationOverGas * ((1 / (temperatureC + Kelvin)) - _inverseReferenceK));

    public double SocFactor(double soc)
    {
        double x = SocDepth(soc);
        return 1 + (_extremeRise * x * x);
    }

    /// <summary>|d ln R / dT| in 1/K: Ea / (R_gas·T²).</summary>
    public double LogSlopePerKelvin(double temperatureC)
    {
        double k = temperatureC + Kelvin;
        return _activationOverGas / (k * k);
    }

    /// <summary>The largest |d ln R / dSOC| anywhere: at the extremes, 2·rise / knee / (1 + rise).</summary>
    public double MaxLogSlopePerSoc => _extremeRise == 0 ? 0 : 2 * _extremeRise / (_knee * (1 + _extremeRise));

    /// <summary>Whether SOC lies where resistance depends on it (in a knee band, or beyond the ends).</summary>
    public bool DependsOnSoc(double soc) => _extremeRise != 0 && (soc < _knee || soc > 1 - _knee);

    /// <summary>Width of the band at each end of the SOC range in which resistance depends on SOC.</summary>
    public double Knee => _knee;

    // 0 in the middle, 1 at SOC 0 and 1, held at 1 beyond them.
    private double SocDepth(double soc)
    {
        if (soc < _knee)
        {
            return Math.Min(1, (_knee - soc) / _knee);
        }

        return soc > 1 - _knee ? Math.Min(1, (soc - (1 - _knee)) / _knee) : 0;
    }
}
