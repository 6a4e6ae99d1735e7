namespace FormationControl.Simulator.Cycler;

/// <summary>Something set to happen to a channel at a device time (an injected fault): legs end there, so it happens exactly then.</summary>
/// <param name="TimeS">Device time.</param>
/// <param name="HeatChangeW">Change of the external heat put into the cell (0 for none).</param>
/// <param name="Trip">A protection to latch (None for none).</param>
internal readonly record struct ScheduledDisturbance(double TimeS, double HeatChangeW, FormationControl.Devices.Cycler.DeviceFaultCode Trip);
