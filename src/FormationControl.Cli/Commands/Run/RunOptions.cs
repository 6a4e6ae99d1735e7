namespace FormationControl.Cli.Commands.Run;

/// <summary>What <c>fc run</c> was asked to do.</summary>
/// <param name="ConfigPath">Rack configuration JSON.</param>
/// <param name="ProfilePath">Profile JSON.</param>
/// <param name="Channels">Channel list like "1-8,12".</param>
/// <param name="TrayPath">Tray file (position,barcode).</param>
/// <param name="Json">Print the summary as one JSON object.</param>
/// <param name="Engineering">Accept an unreleased profile (engineer role).</param>
/// <param name="By">Who starts the run (audit trail).</param>
internal sealed record RunOptions(string ConfigPath, string ProfilePath, string Channels, string TrayPath, bool Json, bool Engineering, string By);
