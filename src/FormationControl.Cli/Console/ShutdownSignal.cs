using System.Runtime.InteropServices;

namespace FormationControl.Cli.Console;

/// <summary>A cancellation token that fires on SIGINT or SIGTERM, so long-running commands stop cleanly.</summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public ShutdownSignal(CancellationToken linked)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(linked);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => _cts.Token;

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _cts.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // we stop ourselves, in order
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // System.CommandLine's own handler cancelled the linked token first and the command already finished.
        }
    }
}
