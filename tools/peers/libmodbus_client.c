/*
 * A Modbus master built on libmodbus: the independent client our slave is tested and benchmarked against.
 *
 *   libmodbus_client tcp HOST PORT UNIT COMMAND...
 *   libmodbus_client rtu DEVICE BAUD PARITY STOP UNIT COMMAND...     (PARITY N, E or O; STOP 1 or 2)
 *
 * Commands run in order, each printing one line:
 *   rh A N | ri A N | rc A N | rd A N    read N holding/input registers, coils, discrete inputs at A
 *                                        -> "rh A: v1 v2 ..."
 *   wc A V | wr A V                      write one coil (0/1) / one register      -> "wc A: ok"
 *   wcs A V,V,... | wrs A V,V,...        write several coils / registers          -> "wrs A: ok"
 *   wrr WA V,V,... RA N                  function 23: write at WA, then read N at RA -> "wrr RA: v1 ..."
 *   bench N                              N reads of 125 holding registers at 0
 *                                        -> "bench N: R requests/s, cpu C us/request" (this process's CPU time)
 * A failed command prints "CMD A: exception C" (a Modbus exception) or "CMD A: error TEXT", and the program
 * goes on with the next command. Exit status: 0 when every command succeeded, 2 otherwise, 1 for bad usage.
 */
#include <errno.h>
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static int parse_list(const char *text, int *values, int max)
{
    int count = 0;
    const char *p = text;
    while (*p != '\0' && count < max) {
        char *end;
        values[count++] = (int)strtol(p, &end, 10);
        p = (*end == ',') ? end + 1 : end;
        if (end == p && *end != '\0') {
            break;
        }
    }
    return count;
}

static int report_failure(const char *command, int address)
{
    if (errno > MODBUS_ENOBASE && errno <= MODBUS_ENOBASE + MODBUS_EXCEPTION_GATEWAY_TARGET) {
        printf("%s %d: exception %d\n", command, address, errno - MODBUS_ENOBASE);
    } else {
        printf("%s %d: error %s\n", command, address, modbus_strerror(errno));
    }
    return 1;
}

static double cpu_seconds(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int run(modbus_t *ctx, int argc, char **argv)
{
    static uint16_t registers[MODBUS_MAX_READ_REGISTERS];
    static uint8_t bits[MODBUS_MAX_READ_BITS];
    static int list[MODBUS_MAX_WRITE_BITS];
    int failures = 0;
    for (int i = 0; i < argc;) {
        const char *command = argv[i];
        int arity = strcmp(command, "bench") == 0 ? 1 : strcmp(command, "wrr") == 0 ? 4 : 2;
        if (i + arity >= argc) {
            fprintf(stderr, "libmodbus_client: %s needs %d arguments\n", command, arity);
            return -1;
        }
        int address = atoi(argv[i + 1]);
        if (strcmp(command, "rh") == 0 || strcmp(command, "ri") == 0) {
            int n = atoi(argv[i + 2]);
            int rc = command[1] == 'h' ? modbus_read_registers(ctx, address, n, registers)
                                       : modbus_read_input_registers(ctx, address, n, registers);
            if (rc < 0) {
                failures += report_failure(command, address);
            } else {
                printf("%s %d:", command, address);
                for (int k = 0; k < rc; k++) {
                    printf(" %u", registers[k]);
                }
                printf("\n");
            }
        } else if (strcmp(command, "rc") == 0 || strcmp(command, "rd") == 0) {
            int n = atoi(argv[i + 2]);
            int rc = command[1] == 'c' ? modbus_read_bits(ctx, address, n, bits)
                                       : modbus_read_input_bits(ctx, address, n, bits);
            if (rc < 0) {
                failures += report_failure(command, address);
            } else {
                printf("%s %d:", command, address);
                for (int k = 0; k < rc; k++) {
                    printf(" %u", bits[k]);
                }
                printf("\n");
            }
        } else if (strcmp(command, "wc") == 0 || strcmp(command, "wr") == 0) {
            int value = atoi(argv[i + 2]);
            int rc = command[1] == 'c' ? modbus_write_bit(ctx, address, value)
                                       : modbus_write_register(ctx, address, (uint16_t)value);
            failures += rc < 0 ? report_failure(command, address) : (printf("%s %d: ok\n", command, address), 0);
        } else if (strcmp(command, "wcs") == 0 || strcmp(command, "wrs") == 0) {
            int n = parse_list(argv[i + 2], list, MODBUS_MAX_WRITE_BITS);
            int rc;
            if (command[1] == 'c') {
                for (int k = 0; k < n; k++) {
                    bits[k] = (uint8_t)list[k];
                }
                rc = modbus_write_bits(ctx, address, n, bits);
            } else {
                for (int k = 0; k < n; k++) {
                    registers[k] = (uint16_t)list[k];
                }
                rc = modbus_write_registers(ctx, address, n, registers);
            }
            failures += rc < 0 ? report_failure(command, address) : (printf("%s %d: ok\n", command, address), 0);
        } else if (strcmp(command, "wrr") == 0) {
            static uint16_t written[MODBUS_MAX_WR_WRITE_REGISTERS];
            int n = parse_list(argv[i + 2], list, MODBUS_MAX_WR_WRITE_REGISTERS);
            for (int k = 0; k < n; k++) {
                written[k] = (uint16_t)list[k];
            }
            int read_address = atoi(argv[i + 3]), read_count = atoi(argv[i + 4]);
            int rc = modbus_write_and_read_registers(ctx, address, n, written, read_address, read_count, registers);
            if (rc < 0) {
                failures += report_failure(command, read_address);
            } else {
                printf("%s %d:", command, read_address);
                for (int k = 0; k < rc; k++) {
                    printf(" %u", registers[k]);
                }
                printf("\n");
            }
        } else if (strcmp(command, "bench") == 0) {
            int n = address;
            double start = now_seconds(), cpu = cpu_seconds();
            for (int k = 0; k < n; k++) {
                if (modbus_read_registers(ctx, 0, MODBUS_MAX_READ_REGISTERS, registers) != MODBUS_MAX_READ_REGISTERS) {
                    failures += report_failure(command, k);
                    break;
                }
            }
            double elapsed = now_seconds() - start;
            printf("bench %d: %.0f requests/s, cpu %.1f us/request\n", n, n / elapsed, (cpu_seconds() - cpu) * 1e6 / n);
        } else {
            fprintf(stderr, "libmodbus_client: unknown command '%s'\n", command);
            return -1;
        }
        fflush(stdout);
        i += arity + 1;
    }
    return failures;
}

int main(int argc, char **argv)
{
    modbus_t *ctx = NULL;
    int first = 0;
    if (argc >= 6 && strcmp(argv[1], "tcp") == 0) {
        ctx = modbus_new_tcp(argv[2], atoi(argv[3]));
        if (ctx != NULL) {
            modbus_set_slave(ctx, atoi(argv[4]));
        }
        first = 5;
    } else if (argc >= 8 && strcmp(argv[1], "rtu") == 0) {
        ctx = modbus_new_rtu(argv[2], atoi(argv[3]), argv[4][0], 8, atoi(argv[5]));
        if (ctx != NULL) {
            modbus_set_slave(ctx, atoi(argv[6]));
        }
        first = 7;
    } else {
        fprintf(stderr,
                "usage: libmodbus_client tcp HOST PORT UNIT COMMAND...\n"
                "       libmodbus_client rtu DEVICE BAUD N|E|O 1|2 UNIT COMMAND...\n");
        return 1;
    }
    if (ctx == NULL) {
        fprintf(stderr, "libmodbus_client: %s\n", modbus_strerror(errno));
        return 1;
    }
    modbus_set_response_timeout(ctx, 2, 0);
    if (modbus_connect(ctx) < 0) {
        fprintf(stderr, "libmodbus_client: cannot connect: %s\n", modbus_strerror(errno));
        return 2;
    }
    int failures = run(ctx, argc - first, argv + first);
    modbus_close(ctx);
    modbus_free(ctx);
    return failures < 0 ? 1 : failures > 0 ? 2 : 0;
}
