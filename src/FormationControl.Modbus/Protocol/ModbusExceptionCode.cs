namespace FormationControl.Modbus.Protocol;

/// <summary>Exception codes a slave returns in place of a normal response (Modbus Application Protocol v1.1b3, §7).</summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>The function code is not supported by the slave.</summary>
    IllegalFunction = 0x01,

    /// <summary>The start address, or start plus quantity, is outside what the slave holds.</summary>
    IllegalDataAddress = 0x02,

    /// <summary>A value or a quantity in the request is not allowed.</summary>
    IllegalDataValue = 0x03,

    /// <summary>The slave failed while performing the request (for example its data store threw).</summary>
    SlaveDeviceFailure = 0x04,

    /// <summary>Accepted, processing will take long (programming commands).</summary>
    Acknowledge = 0x05,

    /// <summary>The slave is busy with a long command.</summary>
    SlaveDeviceBusy = 0x06,

    /// <summary>Memory parity error on file records.</summary>
    MemoryParityError = 0x08,

    /// <summary>A gateway could not route the request.</summary>
    GatewayPathUnavailable = 0x0A,

    /// <summary>A gateway got no answer from the target device.</summary>
    GatewayTargetFailedToRespond = 0x0B,
}
