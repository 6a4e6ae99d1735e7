using System.CommandLine;
using FormationControl.Cli.Commands.Api;
using FormationControl.Controller.Operations;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>
/// <c>fc start --profile FILE --channels 1-64 --cells TRAY.csv [--engineering] [--lot L] --by NAME [--role R]</c>:
/// asks <c>fc serve</c> to start a batch. The profile and the tray are read here and sent as content, so the service
/// may run on another machine. Exit 0 every channel started; 1 bad input or a refused channel; 3 no service.
/// </summary>
public static class StartCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "Profile JSON to run.", Required = true };
        var channels = new Option<string>("--channels") { Description = "Rack channels, like 1-64 or 1-8,12.", Required = true };
        var cells = new Option<string>("--cells") { Description = "Tray file: CSV lines position,barcode.", Required = true };
        var engineering = new Option<bool>("--engineering") { Description = "Accept an unreleased profile (needs --role engineer)." };
        var lot = new Option<string?>("--lot") { Description = "Production lot written on the runs." };
        var who = new OperatorOptions();
        var service = new ServiceOptions();
        var command = new Command("start", "Start a profile on rack channels through fc serve.") { profile, channels, cells, engineering, lot };
        who.AddTo(command);
        service.AddTo(command);
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var error = r.InvocationConfiguration.Error;
            string profilePath = Path.GetFullPath(r.GetValue(profile)!);
            string text;
            try
            {
                text = await File.ReadAllTextAsync(profilePath, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await ServiceCall.FailAsync(error, ExitCodes.UsageOrValidation, [$"{profilePath}: cannot read the profile: {e.Message}"]).ConfigureAwait(false);
            }

            var (tray, trayProblems) = TrayFile.Load(r.GetValue(cells)!);
            if (tray is null)
            {
                return await ServiceCall.FailAsync(error, ExitCodes.UsageOrValidation, trayProblems).ConfigureAwait(false);
            }

            var body = new StartBody(
                ProfileText: text, ProfileSource: profilePath, Channels: r.GetValue(channels), Cells: tray.ToDictionary(),
                Engineering: r.GetValue(engineering), Operator: who.Name(r), Role: who.Role(r), Lot: r.GetValue(lot));
            return await ServiceCall.PostOperationAsync(r, service, "api/start", body, ct).ConfigureAwait(false);
        });
        return command;
    }
}
