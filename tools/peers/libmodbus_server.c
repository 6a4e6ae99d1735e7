/*
 * A Modbus slave built on libmodbus: the independent server our master is tested and benchmarked against.
 *
 *   libmodbus_server tcp PORT UNIT SIZE                        (PORT 0 lets the OS pick; TCP answers any unit)
 *   libmodbus_server rtu DEVICE BAUD PARITY STOP UNIT SIZE     (PARITY N, E or O; STOP 1 or 2)
 *
 * Prints "LISTENING <port>" (tcp) or "READY" (rtu) on stdout once it accepts requests, then serves until
 * killed. TCP serves one client at a time, then waits for the next. Contents, 0-based addresses:
 *   holding[a] = (7a + 3) mod 65536, input[a] = 50000 - a, coil[a] = (a % 3 == 0), discrete[a] = (a % 2 == 0)
 * (the same as the pymodbus peer, so tests can share their expectations).
 */
#include <errno.h>
#include <modbus.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static modbus_mapping_t *new_mapping(int size)
{
    modbus_mapping_t *map = modbus_mapping_new(size, size, size, size);
    if (map == NULL) {
        fprintf(stderr, "libmodbus_server: cannot allocate %d entries: %s\n", size, modbus_strerror(errno));
        exit(1);
    }
    for (int a = 0; a < size; a++) {
        map->tab_registers[a] = (uint16_t)(7 * a + 3);
        map->tab_input_registers[a] = (uint16_t)(50000 - a);
        map->tab_bits[a] = (a % 3) == 0;
        map->tab_input_bits[a] = (a % 2) == 0;
    }
    return map;
}

static int serve_tcp(int port, int size)
{
    modbus_t *ctx = modbus_new_tcp("127.0.0.1", port);
    if (ctx == NULL) {
        fprintf(stderr, "libmodbus_server: %s\n", modbus_strerror(errno));
        return 1;
    }
    modbus_mapping_t *map = new_mapping(size);
    int listener = modbus_tcp_listen(ctx, 1);
    if (listener < 0) {
        fprintf(stderr, "libmodbus_server: cannot listen on 127.0.0.1:%d: %s\n", port, modbus_strerror(errno));
        return 1;
    }
    struct sockaddr_in bound;
    socklen_t length = sizeof bound;
    getsockname(listener, (struct sockaddr *)&bound, &length);
    printf("LISTENING %d\n", ntohs(bound.sin_port));
    fflush(stdout);

    uint8_t request[MODBUS_TCP_MAX_ADU_LENGTH];
    for (;;) {
        if (modbus_tcp_accept(ctx, &listener) < 0) {
            continue;
        }
        for (;;) {
            int count = modbus_receive(ctx, request);
            if (count > 0) {
                modbus_reply(ctx, request, count, map);
            } else if (count < 0) {
                break; /* the client left or sent something unframeable: wait for the next one */
            }
        }
        modbus_close(ctx);
    }
}

static int serve_rtu(const char *device, int baud, char parity, int stop, int unit, int size)
{
    modbus_t *ctx = modbus_new_rtu(device, baud, parity, 8, stop);
    if (ctx == NULL) {
        fprintf(stderr, "libmodbus_server: %s\n", modbus_strerror(errno));
        return 1;
    }
    modbus_set_slave(ctx, unit);
    modbus_mapping_t *map = new_mapping(size);
    if (modbus_connect(ctx) < 0) {
        fprintf(stderr, "libmodbus_server: cannot open %s: %s\n", device, modbus_strerror(errno));
        return 1;
    }
    printf("READY\n");
    fflush(stdout);

    uint8_t request[MODBUS_RTU_MAX_ADU_LENGTH];
    for (;;) {
        int count = modbus_receive(ctx, request);
        if (count > 0) {
            modbus_reply(ctx, request, count, map);
        } else if (count < 0 && errno != EMBBADCRC && errno != EMBBADDATA && errno != ETIMEDOUT) {
            fprintf(stderr, "libmodbus_server: %s: %s\n", device, modbus_strerror(errno));
            return 1;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "tcp") == 0) {
        return serve_tcp(atoi(argv[2]), atoi(argv[4]));
    }
    if (argc == 8 && strcmp(argv[1], "rtu") == 0) {
        return serve_rtu(argv[2], atoi(argv[3]), argv[4][0], atoi(argv[5]), atoi(argv[6]), atoi(argv[7]));
    }
    fprintf(stderr,
            "usage: libmodbus_server tcp PORT UNIT SIZE\n"
            "       libmodbus_server rtu DEVICE BAUD N|E|O 1|2 UNIT SIZE\n");
    return 1;
}
