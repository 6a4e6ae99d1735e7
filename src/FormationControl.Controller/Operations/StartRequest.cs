using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Operations;

/// <summary>A batch start: one profile on a set of rack channels, with the cells a tray file puts on them.</summary>
/// <param name="Profile">The loaded profile: its problems refuse every channel ("profile invalid").</param>
/// <param name="Channels">Rack channel numbers (1-based).</param>
/// <param name="Cells">Cell barcode by rack channel number; a channel without one is refused ("no cell").</param>
/// <param name="Engineering">Accept a profile that is not released (engineers only).</param>
/// <param name="Lot">Production lot written on the runs.</param>
public sealed record StartRequest(
    ProfileLoadResult Profile,
    IReadOnlyList<int> Channels,
    IReadOnlyDictionary<int, string> Cells,
    bool Engineering = false,
    string? Lot = null);
