using FormationControl.Devices.RegisterMaps;

namespace FormationControl.Simulator.Tests.Support;

/// <summary>The repository's register map, copied next to the test assembly by the project file.</summary>
internal static class TestMaps
{
    private static readonly Lazy<RegisterMap> Cycler = new(() =>
        RegisterMapLoader.Load(Path.Combine(AppContext.BaseDirectory, "profiles", "devices", "sim-cycler-v1.json")));

    public static RegisterMap SimCyclerV1 => Cycler.Value;
}
