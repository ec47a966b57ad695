/*
 * bcryptprimitives.dll for Wine 8, which lacks it (Wine 9 has it).
 *
 * Go 1.22 and later take their random numbers from ProcessPrng in this DLL and refuse to start
 * without it, so Debian 12's Wine cannot run Parley's Windows test binary. `make windows-lock`
 * builds this one-function stand-in with mingw-w64 and places it in a Wine prefix of its own
 * (bin/wine), never in the user's. It answers from RtlGenRandom (advapi32's SystemFunction036),
 * the generator Go used before ProcessPrng existed.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
