namespace FormationControl.Modbus.Rtu;

/// <summary>
/// An open serial line as the RTU master and slave use it: a byte stream, and a close that may block (a serial
/// port with unsent output can hang in close), so it is only ever called off the request path.
/// </summary>
internal interface IRtuPort
{
    /// <summary>The device, for messages.</summary>
    string Name { get; }

    Stream Stream { get; }

    /// <summary>Closes the line. May block; callers run it on a thread of its own and bound the wait.</summary>
    void Close();
}
