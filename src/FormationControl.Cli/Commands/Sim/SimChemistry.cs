using FormationControl.Simulator.Cells;

namespace FormationControl.Cli.Commands.Sim;

/// <summary>What <c>--chemistry</c> selects: the OCV table, a typical nominal capacity and the hardware voltage window.</summary>
/// <param name="Name">The option value.</param>
/// <param name="Ocv">The cells' OCV curve.</param>
/// <param name="DefaultCapacityAh">Nominal capacity unless <c>--capacity</c> says otherwise.</param>
/// <param name="OverVoltageV">Over-voltage protection of the channels.</param>
/// <param name="UnderVoltageV">Under-voltage protection of the channels.</param>
internal sealed record SimChemistry(string Name, OcvTable Ocv, double DefaultCapacityAh, double OverVoltageV, double UnderVoltageV)
{
    public static SimChemistry Nmc { get; } = new("nmc", OcvTable.NmcGraphite, 100, 4.35, 1.5);

    public static SimChemistry Lfp { get; } = new("lfp", OcvTable.LfpGraphite, 280, 3.9, 1.5);

    public static bool TryParse(string text, out SimChemistry chemistry)
    {
        chemistry = text.ToLowerInvariant() switch
        {
            "nmc" => Nmc,
            "lfp" => Lfp,
            _ => null!,
        };
        return chemistry is not null;
    }
}
