using System.Diagnostics;
using System.Reflection;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Master;

[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;

/// <summary>
/// The hot path (read 125 holding registers) must not allocate per request. The count is process-wide,
/// so this runs alone, and it includes our slave's side of each exchange.
/// </summary>
[Collection(nameof(AllocationMeasurement))]
public sealed class ModbusTcpMasterAllocationTests
{
    [Fact]
    public async Task Reading_registers_allocates_nothing_per_request_in_an_optimised_build()
    {
        var bank = new RegisterBank(125, [1]);
        await using var slave = LoopbackSlave.Start(bank);
        await using var master = await slave.ConnectAsync();
        ushort[] registers = new ushort[125];
        const int Requests = 2000;

        // Off xunit's synchronisation context, whose posted continuations would be counted too.
        long perRequest = await Task.Run(async () =>
        {
            for (int i = 0; i < 500; i++)
            {
                await master.ReadHoldingRegistersAsync(1, 0, registers); // warm up pools and tiered compilation
            }

            // The count is process-wide: a stray allocation elsewhere (timers, the runner) lands in one
            // measurement, an allocation per request in all of them. Keep the smallest of three.
            long best = long.MaxValue;
            for (int attempt = 0; attempt < 3; attempt++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                for (int i = 0; i < Requests; i++)
                {
                    await master.ReadHoldingRegistersAsync(1, 0, registers);
                }

                best = Math.Min(best, (GC.GetTotalAllocatedBytes(precise: true) - before) / Requests);
            }

            return best;
        }).Within();

        // A debug build compiles async state machines as classes, one object per call and await level;
        // an optimised build must stay below the size of a single boxed state machine.
        bool optimised = typeof(ModbusTcpMaster).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        long limit = optimised ? 32 : 1024;
        Assert.True(perRequest <= limit, $"{perRequest} bytes allocated per request (limit {limit}, optimised build: {optimised})");
        Assert.Equal(124, registers[124]);
    }
}
