namespace FormationControl.Simulator.Cycler;

/// <summary>Hardware protection window of a running channel; leaving it latches a fault.</summary>
internal readonly record struct ProtectionLimits(double OverVoltageV, double UnderVoltageV, double OverCurrentA, double OverTemperatureC);
