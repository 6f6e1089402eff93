/* ProcessPrng for Wine 8, which has no bcryptprimitives.dll. Rust's standard library takes its
 * random numbers (the seeds of HashMap) from ProcessPrng, which Windows 10 and later provide;
 * without this DLL beside voer.exe, Wine cannot start it. For the tests under Wine only: it is
 * never shipped, and on Windows the system's own bcryptprimitives.dll is used.
 *
 * Built by .ci/windows.sh:
 *   x86_64-w64-mingw32-gcc -shared -O2 -s -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

/* RtlGenRandom: the system's random numbers, in advapi32 under this name. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
