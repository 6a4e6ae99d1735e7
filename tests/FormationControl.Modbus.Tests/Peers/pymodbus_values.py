"""How pymodbus lays 32-bit values over two registers, for the word-order interop tests.

Usage: pymodbus_values.py FLOAT INT32
Prints, for each (byteorder, wordorder) of BinaryPayloadBuilder, one line:
  BYTEORDER WORDORDER f32 HHHH HHHH i32 HHHH HHHH u32 HHHH HHHH
with BYTEORDER and WORDORDER "big" or "little", registers in hex, then the float the decoder reads back.
"""
import sys

from pymodbus.constants import Endian
from pymodbus.payload import BinaryPayloadBuilder, BinaryPayloadDecoder

value, integer = float(sys.argv[1]), int(sys.argv[2])
for byteorder, bname in ((Endian.Big, "big"), (Endian.Little, "little")):
    for wordorder, wname in ((Endian.Big, "big"), (Endian.Little, "little")):
        builder = BinaryPayloadBuilder(byteorder=byteorder, wordorder=wordorder)
        builder.add_32bit_float(value)
        builder.add_32bit_int(integer)
        builder.add_32bit_uint(integer & 0xFFFFFFFF)
        r = builder.to_registers()
        back = BinaryPayloadDecoder.fromRegisters(r, byteorder=byteorder, wordorder=wordorder).decode_32bit_float()
        print(bname, wname, "f32 %04X %04X i32 %04X %04X u32 %04X %04X" % tuple(r), repr(back), flush=True)
