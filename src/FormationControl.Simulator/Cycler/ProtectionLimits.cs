namespace FormationControl.Simulator.Cycler;

/// <summary>Hardware voltage window of a running channel; crossing it latches a fault.</summary>
internal readonly record struct ProtectionLimits(double OverVoltageV, double UnderVoltageV);
