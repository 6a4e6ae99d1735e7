namespace FormationControl.Modbus.Tcp;

/// <summary>
/// One decoded Modbus TCP frame. <see cref="Pdu"/> points into the decoder's buffer and stays valid
/// until the decoder is asked for receive memory again.
/// </summary>
internal readonly struct MbapFrame(ushort transactionId, byte unitId, ReadOnlyMemory<byte> pdu)
{
    public ushort TransactionId { get; } = transactionId;

    public byte UnitId { get; } = unitId;

    public ReadOnlyMemory<byte> Pdu { get; } = pdu;
}
