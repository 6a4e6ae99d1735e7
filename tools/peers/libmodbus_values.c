/*
 * Shows how libmodbus lays 32-bit values over two registers, for the word-order interop tests.
 *
 *   libmodbus_values set FLOAT INT32   ->  "float abcd HHHH HHHH" (modbus_set_float_abcd; likewise badc, cdab, dcba)
 *                                          "int32 HHHH HHHH"      (MODBUS_SET_INT32_TO_INT16)
 *   libmodbus_values get HHHH HHHH     ->  "abcd F" (modbus_get_float_abcd of the two registers; likewise badc,
 *                                          cdab, dcba), then "int32 I" (MODBUS_GET_INT32_FROM_INT16)
 *
 * Registers are in hex as libmodbus stores them in memory; each travels big-endian on the wire.
 */
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    uint16_t r[2];
    if (argc == 4 && strcmp(argv[1], "set") == 0) {
        float value = strtof(argv[2], NULL);
        int32_t integer = (int32_t)strtol(argv[3], NULL, 10);
        modbus_set_float_abcd(value, r);
        printf("float abcd %04X %04X\n", r[0], r[1]);
        modbus_set_float_badc(value, r);
        printf("float badc %04X %04X\n", r[0], r[1]);
        modbus_set_float_cdab(value, r);
        printf("float cdab %04X %04X\n", r[0], r[1]);
        modbus_set_float_dcba(value, r);
        printf("float dcba %04X %04X\n", r[0], r[1]);
        MODBUS_SET_INT32_TO_INT16(r, 0, integer);
        printf("int32 %04X %04X\n", r[0], r[1]);
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "get") == 0) {
        r[0] = (uint16_t)strtoul(argv[2], NULL, 16);
        r[1] = (uint16_t)strtoul(argv[3], NULL, 16);
        printf("abcd %.9g\nbadc %.9g\ncdab %.9g\ndcba %.9g\n",
               modbus_get_float_abcd(r), modbus_get_float_badc(r), modbus_get_float_cdab(r), modbus_get_float_dcba(r));
        printf("int32 %d\n", (int32_t)MODBUS_GET_INT32_FROM_INT16(r, 0));
        return 0;
    }
    fprintf(stderr, "usage: libmodbus_values set FLOAT INT32 | get HHHH HHHH\n");
    return 1;
}
