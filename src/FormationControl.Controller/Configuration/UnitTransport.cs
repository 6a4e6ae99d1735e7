namespace FormationControl.Controller.Configuration;

/// <summary>How a unit is reached: <see cref="TcpTransport"/> or <see cref="SerialTransport"/>.</summary>
public abstract record UnitTransport;
