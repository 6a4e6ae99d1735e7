using System.Buffers.Binary;

namespace FormationControl.Modbus.Tests.Support;

/// <summary>
/// Request PDUs for fuzzing a slave: well-formed requests of every function with random (often invalid) addresses
/// and quantities, then mutated (bytes flipped, cut short, lengthened) or replaced by plain random bytes.
/// Deterministic for a seed, so a failure can be replayed.
/// </summary>
internal sealed class FuzzPdus(int seed)
{
    private static readonly byte[] Functions = [1, 2, 3, 4, 5, 6, 15, 16, 23];
    private readonly Random _random = new(seed);

    public Random Random => _random;

    /// <summary>The next PDU: 40% well-formed, 40% mutated, 20% random bytes (1 to 253 of them).</summary>
    public byte[] Next()
    {
        int kind = _random.Next(10);
        if (kind < 2)
        {
            return RandomBytes(_random.Next(1, 254));
        }

        byte[] pdu = WellFormed();
        return kind < 6 ? pdu : Mutate(pdu);
    }

    public byte[] RandomBytes(int count)
    {
        byte[] bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] WellFormed()
    {
        byte function = _random.Next(20) == 0 ? (byte)_random.Next(256) : Functions[_random.Next(Functions.Length)];
        ushort address = (ushort)(_random.Next(3) == 0 ? _random.Next(65536) : _random.Next(120));
        int quantity = _random.Next(4) == 0 ? _random.Next(65536) : _random.Next(1, 130);
        switch (function)
        {
            case 15 or 16:
            {
                int byteCount = Math.Min(function == 15 ? (quantity + 7) / 8 : quantity * 2, 246);
                byte[] pdu = new byte[6 + byteCount];
                pdu[0] = function;
                BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
                BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)quantity);
                pdu[5] = (byte)byteCount;
                _random.NextBytes(pdu.AsSpan(6));
                return pdu;
            }

            case 23:
            {
                int writeQuantity = _random.Next(1, 122);
                byte[] pdu = new byte[10 + (writeQuantity * 2)];
                pdu[0] = 23;
                BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
                BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)quantity);
                BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(5), (ushort)_random.Next(120));
                BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(7), (ushort)writeQuantity);
                pdu[9] = (byte)(writeQuantity * 2);
                _random.NextBytes(pdu.AsSpan(10));
                return pdu;
            }

            default:
            {
                byte[] pdu = new byte[5];
                pdu[0] = function;
                BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
                BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), function == 5 ? (_random.Next(2) == 0 ? (ushort)0xFF00 : (ushort)_random.Next(65536)) : (ushort)quantity);
                return pdu;
            }
        }
    }

    private byte[] Mutate(byte[] pdu)
    {
        switch (_random.Next(3))
        {
            case 0:
                for (int flips = _random.Next(1, 4); flips > 0; flips--)
                {
                    pdu[_random.Next(pdu.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return pdu;
            case 1:
                return pdu[..Math.Max(1, _random.Next(pdu.Length))];
            default:
                return [.. pdu, .. RandomBytes(Math.Min(_random.Next(1, 20), 253 - pdu.Length + 1))];
        }
    }
}
