namespace FormationControl.Controller.Hosting;

/// <summary>
/// Work that must run once after the rack is connected and before its first poll: the place where run recovery
/// reattaches the runs the store still has open to their channels (<c>RunRecovery.ReattachAsync</c>). Runs it
/// attaches must write to <see cref="RackStartupContext.Journal"/>, the journal the service drains every poll.
/// A unit that is offline at that moment is still in <see cref="RackStartupContext.Units"/>; its runs poll as
/// communication loss until it answers. An exception stops the service before anything is polled.
/// </summary>
public interface IRackStartup
{
    Task RunAsync(RackStartupContext context, CancellationToken cancellationToken);
}
