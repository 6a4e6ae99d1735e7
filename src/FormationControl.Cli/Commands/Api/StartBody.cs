namespace FormationControl.Cli.Commands.Api;

/// <summary>
/// <c>POST /api/start</c>: a profile (a path on the server, or its JSON text), the channels ("1-64"), the cells (a
/// tray file path on the server, or position → barcode), who starts and in which mode.
/// </summary>
/// <param name="Profile">Path of the profile file, as the server sees it.</param>
/// <param name="ProfileText">The profile's JSON text (instead of <paramref name="Profile"/>).</param>
/// <param name="ProfileSource">Names <paramref name="ProfileText"/> in messages (its file name).</param>
/// <param name="Channels">Rack channels, like "1-64" or "1-8,12".</param>
/// <param name="Tray">Path of the tray file, as the server sees it.</param>
/// <param name="Cells">Cell barcode by rack channel (instead of <paramref name="Tray"/>).</param>
/// <param name="Engineering">Accept an unreleased profile (engineer role).</param>
/// <param name="Operator">Who starts (audit trail).</param>
/// <param name="Role">"technician" (default) or "engineer".</param>
/// <param name="Lot">Production lot written on the runs.</param>
internal sealed record StartBody(
    string? Profile = null,
    string? ProfileText = null,
    string? ProfileSource = null,
    string? Channels = null,
    string? Tray = null,
    Dictionary<int, string>? Cells = null,
    bool Engineering = false,
    string? Operator = null,
    string? Role = null,
    string? Lot = null);
