namespace FormationControl.Controller.Configuration;

/// <summary>Modbus TCP to <paramref name="Host"/>:<paramref name="Port"/>.</summary>
public sealed record TcpTransport(string Host, int Port) : UnitTransport
{
    public override string ToString() => $"tcp://{Host}:{Port}";
}
