/* A video player for the Windows tests under Wine: registered in the test's Wine prefix as the
 * program that opens .mp4 files, it writes down what it was asked to open and ends.
 *
 *   player.exe FILE RECORD
 *
 * Writes FILE (as Windows passed it, in UTF-8) to RECORD, which it makes; exit code 2 when it
 * cannot. RECORD is written under a temporary name and renamed, so that it is never seen half
 * written.
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3) {
        fputs("usage: player.exe FILE RECORD\n", stderr);
        return 2;
    }
    char text[4096];
    int n = WideCharToMultiByte(CP_UTF8, 0, argv[1], -1, text, sizeof text, NULL, NULL);
    if (n == 0)
        return 2;
    wchar_t temp[MAX_PATH + 8];
    if (wcslen(argv[2]) > MAX_PATH)
        return 2;
    wcscpy(temp, argv[2]);
    wcscat(temp, L".part");
    HANDLE file = CreateFileW(temp, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL,
                              NULL);
    if (file == INVALID_HANDLE_VALUE)
        return 2;
    DWORD written;
    BOOL ok = WriteFile(file, text, (DWORD)(n - 1), &written, NULL);
    CloseHandle(file);
    if (!ok || !MoveFileExW(temp, argv[2], MOVEFILE_REPLACE_EXISTING))
        return 2;
    return 0;
}
