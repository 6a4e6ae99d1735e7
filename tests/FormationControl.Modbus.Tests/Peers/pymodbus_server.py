"""Modbus server from pymodbus, started by the interop tests as an independent slave.

Usage: pymodbus_server.py UNIT SIZE                                  (TCP)
       pymodbus_server.py rtu DEVICE BAUD PARITY STOP UNIT SIZE      (RTU; PARITY N, E or O; STOP 1 or 2)
TCP binds 127.0.0.1 on a port the OS picks and prints "LISTENING <port>" once it accepts connections;
RTU opens DEVICE and prints "READY". Both serve until killed. Contents (0-based addresses, zero_mode):
  holding[a] = (7a + 3) mod 65536, input[a] = 50000 - a, coil[a] = a % 3 == 0, discrete[a] = a % 2 == 0.
"""
import asyncio
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server.async_io import ModbusSerialServer, StartAsyncTcpServer
from pymodbus.transaction import ModbusRtuFramer


def context(unit, size):
    slave = ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, [(7 * a + 3) % 65536 for a in range(size)]),
        ir=ModbusSequentialDataBlock(0, [50000 - a for a in range(size)]),
        co=ModbusSequentialDataBlock(0, [a % 3 == 0 for a in range(size)]),
        di=ModbusSequentialDataBlock(0, [a % 2 == 0 for a in range(size)]),
        zero_mode=True,
    )
    return ModbusServerContext(slaves={unit: slave}, single=False)


async def serve_tcp(unit, size):
    server = await StartAsyncTcpServer(context=context(unit, size), address=("127.0.0.1", 0), defer_start=True)
    serving = asyncio.create_task(server.serve_forever())
    await server.serving
    print("LISTENING", server.server.sockets[0].getsockname()[1], flush=True)
    await serving


async def serve_rtu(device, baud, parity, stop, unit, size):
    server = ModbusSerialServer(
        context(unit, size), ModbusRtuFramer, port=device, baudrate=baud, parity=parity, stopbits=stop, bytesize=8)
    await server.start()
    if server.transport is None:
        sys.exit(f"pymodbus_server: cannot open {device}")
    print("READY", flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    if len(sys.argv) == 8 and sys.argv[1] == "rtu":
        _, _, device, baud, parity, stop, unit, size = sys.argv
        asyncio.run(serve_rtu(device, int(baud), parity, int(stop), int(unit), int(size)))
    else:
        asyncio.run(serve_tcp(int(sys.argv[1]), int(sys.argv[2])))
