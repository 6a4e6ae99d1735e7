namespace FormationControl.Simulator.Population;

/// <summary>What a ground-truth file says about the batch as a whole.</summary>
/// <param name="Seed">The population seed.</param>
/// <param name="Chemistry">The chemistry's name (the OCV table's).</param>
/// <param name="NominalCapacityAh">Nominal capacity of the batch.</param>
/// <param name="ReferenceTemperatureC">Temperature at which the resistances and time constants hold.</param>
/// <param name="Defects">The defect rates the batch was drawn with.</param>
public sealed record GroundTruthHeader(int Seed, string Chemistry, double NominalCapacityAh, double ReferenceTemperatureC, DefectRates Defects);
