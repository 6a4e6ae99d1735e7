using System.Net;
using System.Net.Sockets;

namespace FormationControl.Modbus.Tcp;

/// <summary>
/// Opens a TCP connection without handing the socket to .NET's asynchronous socket engine (a non-blocking connect,
/// then a wait in <see cref="SocketReadiness"/>), so the master's fast path stays free of its epoll wake-ups. The
/// socket comes back in blocking mode with TCP_NODELAY. Tries each address the host name resolves to, in order.
/// </summary>
internal static class TcpConnector
{
    /// <exception cref="SocketException">No address accepted the connection.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled (by the caller or the connect timeout).</exception>
    public static async Task<Socket> ConnectAsync(string host, int port, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        IPAddress[] addresses = IPAddress.TryParse(host, out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        SocketException? last = null;
        foreach (IPAddress address in addresses)
        {
            try
            {
                return await ConnectAsync(new IPEndPoint(address, port), ct).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                last = e;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
        try
        {
            try
            {
                socket.Connect(endpoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
            {
                var wait = new ReadinessWait();
                while (!socket.Poll(0, SelectMode.SelectWrite) && !socket.Poll(0, SelectMode.SelectError))
                {
                    await SocketReadiness.Shared.WaitAsync(wait, socket, SelectMode.SelectWrite, ct).ConfigureAwait(false);
                }

                var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
                if (error != SocketError.Success)
                {
                    throw new SocketException((int)error);
                }
            }

            socket.Blocking = true;
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
