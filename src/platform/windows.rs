//! The thin calls into Windows; the logic they serve is in `mod.rs`, tested on every system.
//! Compiled on Windows only.
use std::sync::{Mutex, Once};

use windows_sys::{
    Win32::{
        Foundation::{FALSE, TRUE},
        System::Console::{
            CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT,
            CTRL_SHUTDOWN_EVENT, SetConsoleCtrlHandler,
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
    });
}

/// Runs on a thread Windows starts for the event. Windows ends the program when it returns
/// after a close, log-off or shutdown, so it waits there while the terminal loop saves.
/// Must not panic: a panic cannot unwind out of an `extern "system"` function.
unsafe extern "system" fn handler(event: u32) -> BOOL {
    let notify = || {
        if let Ok(slot) = NOTIFY.lock()
            && let Some(f) = slot.as_ref()
        {
            f();
        }
    };
    if super::handle_console_event(event, &notify, &std::thread::sleep) {
        TRUE
    } else {
        FALSE
    }
}
