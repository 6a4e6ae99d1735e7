namespace FormationControl.Controller.Logging;

/// <summary>The last sample a <see cref="SampleLogger"/> kept: what the next one is compared with.</summary>
/// <param name="StepTimeS">Step time of the sample, s.</param>
/// <param name="VoltageV">Its voltage.</param>
/// <param name="CurrentA">Its current.</param>
public readonly record struct SampleReference(double StepTimeS, double VoltageV, double CurrentA);
