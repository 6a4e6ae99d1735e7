using System.Net;
using FormationControl.Modbus.Slave;

namespace FormationControl.Cli.Tests.Support;

/// <summary>Our register bank served on a free loopback port for the length of a test.</summary>
internal sealed class TestSlave : IAsyncDisposable
{
    private readonly ModbusTcpSlave _slave;

    public TestSlave(int size = 100, byte unit = 1)
    {
        Bank = new RegisterBank(size, [unit]);
        _slave = new ModbusTcpSlave(Bank);
        Endpoint = _slave.Start(new IPEndPoint(IPAddress.Loopback, 0));
    }

    /// <summary>An <c>fc modbus --timeout</c> for requests that must be answered: generous, since many fc processes start at once in the suite.</summary>
    public const string PatientTimeoutMs = "10000";

    public RegisterBank Bank { get; }

    public IPEndPoint Endpoint { get; }

    public string Tcp => $"127.0.0.1:{Endpoint.Port}";

    public ValueTask DisposeAsync() => _slave.DisposeAsync();
}
