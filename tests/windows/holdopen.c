/* Holds a file open the way OneDrive or a virus scanner does for a moment: readable and
 * writable by others, but not to be deleted or replaced (no FILE_SHARE_DELETE), so that
 * Windows refuses to rename another file over it. For the Windows tests under Wine.
 *
 *   holdopen.exe FILE UNTIL [MS]
 *
 * Opens FILE and prints "held" on its own line. Once a file matching UNTIL exists (a path,
 * wildcards allowed: the temporary file of a save), it keeps FILE open MS milliseconds more
 * (default 0), closes it and prints "released". Gives up after a minute. Exit code 2 when
 * FILE cannot be opened.
 */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

static BOOL exists(const wchar_t *pattern)
{
    WIN32_FIND_DATAW found;
    HANDLE search = FindFirstFileW(pattern, &found);
    if (search == INVALID_HANDLE_VALUE)
        return FALSE;
    FindClose(search);
    return TRUE;
}

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3 && argc != 4) {
        fputs("usage: holdopen.exe FILE UNTIL [MS]\n", stderr);
        return 2;
    }
    HANDLE file = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                              OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "holdopen: cannot open the file (error %lu)\n", GetLastError());
        return 2;
    }
    puts("held");
    fflush(stdout);
    for (int i = 0; i < 12000 && !exists(argv[2]); i++)
        Sleep(5);
    if (argc == 4)
        Sleep((DWORD)wcstoul(argv[3], NULL, 10));
    CloseHandle(file);
    puts("released");
    fflush(stdout);
    return 0;
}
