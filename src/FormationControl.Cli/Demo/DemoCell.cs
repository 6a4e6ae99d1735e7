using FormationControl.Simulator.Cycler;

namespace FormationControl.Cli.Demo;

/// <summary>Where a demo cell sits: its cycler unit and channel, and the meter's multiplexer channel wired to it.</summary>
/// <param name="Index">Position in the population (0-based); the meter's channel is <c>Index + 1</c>.</param>
/// <param name="CellId">The cell's barcode.</param>
/// <param name="Unit">The simulated unit holding it.</param>
/// <param name="Channel">The unit's channel (0-based).</param>
public sealed record DemoCell(int Index, string CellId, SimulatedCyclerUnit Unit, int Channel)
{
    /// <summary>The 1-based multiplexer channel of the OCV/IR meter.</summary>
    public int MeterChannel => Index + 1;
}
