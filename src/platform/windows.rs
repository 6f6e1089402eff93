//! The thin calls into Windows; the logic they serve is in `mod.rs`, tested on every system.
//! Compiled on Windows only.
use std::{
    ptr,
    sync::{Mutex, Once},
    thread,
};

use windows_sys::{
    Win32::{
        Foundation::{FALSE, HWND, LPARAM, LRESULT, TRUE, WPARAM},
        System::{
            Com::{COINIT_APARTMENTTHREADED, COINIT_DISABLE_OLE1DDE, CoInitializeEx},
            Console::{
                CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT,
                CTRL_SHUTDOWN_EVENT, SetConsoleCtrlHandler,
            },
            LibraryLoader::GetModuleHandleW,
        },
        UI::{
            Shell::ShellExecuteW,
            WindowsAndMessaging::{
                CreateWindowExW, DefWindowProcW, DispatchMessageW, GetMessageW, MSG,
                RegisterClassW, SW_SHOWNORMAL, TranslateMessage, WM_ENDSESSION, WM_QUERYENDSESSION,
                WNDCLASSW,
            },
        },
    },
    core::BOOL,
};

use super::console_event;

// The portable logic names the events by value; make sure those are Windows's values.
const _: () = {
    assert!(console_event::CTRL_C == CTRL_C_EVENT);
    assert!(console_event::CTRL_BREAK == CTRL_BREAK_EVENT);
    assert!(console_event::CLOSE == CTRL_CLOSE_EVENT);
    assert!(console_event::LOGOFF == CTRL_LOGOFF_EVENT);
    assert!(console_event::SHUTDOWN == CTRL_SHUTDOWN_EVENT);
};

type Notify = Box<dyn Fn() + Send>;

/// What the handler calls; the handler itself is a plain function, registered once.
static NOTIFY: Mutex<Option<Notify>> = Mutex::new(None);
static REGISTER: Once = Once::new();

pub(super) fn install_shutdown_handler(notify: Notify) {
    if let Ok(mut slot) = NOTIFY.lock() {
        *slot = Some(notify);
    }
    REGISTER.call_once(|| {
        // SAFETY: `handler` is a valid handler routine for the life of the program.
        // On failure the program runs as before: closing the window then loses the keys typed
        // since the last autosave, no more.
        unsafe {
            SetConsoleCtrlHandler(Some(handler), TRUE);
        }
        spawn_session_end_window();
    });
}

/// Runs on a thread Windows starts for the event. Windows ends the program when it returns
/// after a close, log-off or shutdown, so it waits there while the terminal loop saves.
/// Must not panic: a panic cannot unwind out of an `extern "system"` function.
unsafe extern "system" fn handler(event: u32) -> BOOL {
    if on_event(event) { TRUE } else { FALSE }
}

/// Tells the terminal loop (see `handle_console_event`); true when the event was handled.
fn on_event(event: u32) -> bool {
    let notify = || {
        if let Ok(slot) = NOTIFY.lock()
            && let Some(f) = slot.as_ref()
        {
            f();
        }
    };
    super::handle_console_event(event, &notify, &thread::sleep)
}

/// Logging off and shutting down. Windows sends these to the console handler only of programs
/// that load no user32.dll; voer does (crossterm reads the keyboard layout through it), so
/// Windows treats it as a windowed program and tells it through a window instead. This one is
/// hidden and exists only for that: a top-level window, since message-only windows do not
/// receive WM_QUERYENDSESSION and WM_ENDSESSION. If it cannot be made, voer runs as before.
fn spawn_session_end_window() {
    let _ = thread::Builder::new()
        .name("voer-session-end".into())
        .spawn(|| {
            let class: Vec<u16> = "voer-session-end\0".encode_utf16().collect();
            // SAFETY: every pointer passed is valid for the call: `class` lives to the end of
            // this thread, `wc` and `msg` are plain structs on its stack.
            unsafe {
                let instance = GetModuleHandleW(ptr::null());
                let wc = WNDCLASSW {
                    lpfnWndProc: Some(session_end_proc),
                    hInstance: instance,
                    lpszClassName: class.as_ptr(),
                    ..Default::default()
                };
                if RegisterClassW(&wc) == 0 {
                    return;
                }
                // No WS_VISIBLE: never shown.
                let window = CreateWindowExW(
                    0,
                    class.as_ptr(),
                    class.as_ptr(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    ptr::null_mut(),
                    ptr::null_mut(),
                    instance,
                    ptr::null(),
                );
                if window.is_null() {
                    return;
                }
                let mut msg = MSG::default();
                while GetMessageW(&mut msg, ptr::null_mut(), 0, 0) > 0 {
                    TranslateMessage(&msg);
                    DispatchMessageW(&msg);
                }
            }
        });
}

/// WM_QUERYENDSESSION: yes, Windows may end the session. WM_ENDSESSION (when it is really
/// ending): save as on closing the window, holding Windows off while the notes are saved.
unsafe extern "system" fn session_end_proc(
    window: HWND,
    message: u32,
    wparam: WPARAM,
    lparam: LPARAM,
) -> LRESULT {
    match message {
        WM_QUERYENDSESSION => TRUE as LRESULT,
        WM_ENDSESSION => {
            if wparam != 0 {
                on_event(console_event::SHUTDOWN);
            }
            0
        }
        // SAFETY: the arguments are the ones Windows passed in.
        _ => unsafe { DefWindowProcW(window, message, wparam, lparam) },
    }
}

/// Opens a web address or a file as a double-click would: the default browser, the default
/// player. The error is ShellExecute's code (32 or lower). Called on a thread of its own, which
/// COM is readied on first, as ShellExecute asks.
pub(super) fn shell_open(target: &str) -> Result<(), isize> {
    let verb: Vec<u16> = "open\0".encode_utf16().collect();
    let file: Vec<u16> = target.encode_utf16().chain([0]).collect();
    // SAFETY: `verb` and `file` are NUL-terminated and live through the call; the other
    // pointers are null, which ShellExecuteW allows.
    let code = unsafe {
        CoInitializeEx(
            ptr::null(),
            (COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE) as u32,
        );
        ShellExecuteW(
            ptr::null_mut(),
            verb.as_ptr(),
            file.as_ptr(),
            ptr::null(),
            ptr::null(),
            SW_SHOWNORMAL,
        ) as isize
    };
    if code > 32 { Ok(()) } else { Err(code) }
}
