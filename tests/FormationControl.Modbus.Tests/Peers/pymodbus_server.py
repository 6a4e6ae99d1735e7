"""Modbus TCP server from pymodbus, started by the interop tests as an independent slave.

Usage: pymodbus_server.py UNIT SIZE
Binds 127.0.0.1 on a port the OS picks, prints "LISTENING <port>" once it accepts connections,
and serves until killed. Contents (0-based addresses, zero_mode):
  holding[a] = (7a + 3) mod 65536, input[a] = 50000 - a, coil[a] = a % 3 == 0, discrete[a] = a % 2 == 0.
"""
import asyncio
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server.async_io import StartAsyncTcpServer


async def main(unit, size):
    slave = ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, [(7 * a + 3) % 65536 for a in range(size)]),
        ir=ModbusSequentialDataBlock(0, [50000 - a for a in range(size)]),
        co=ModbusSequentialDataBlock(0, [a % 3 == 0 for a in range(size)]),
        di=ModbusSequentialDataBlock(0, [a % 2 == 0 for a in range(size)]),
        zero_mode=True,
    )
    context = ModbusServerContext(slaves={unit: slave}, single=False)
    server = await StartAsyncTcpServer(context=context, address=("127.0.0.1", 0), defer_start=True)
    serving = asyncio.create_task(server.serve_forever())
    await server.serving
    print("LISTENING", server.server.sockets[0].getsockname()[1], flush=True)
    await serving


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
