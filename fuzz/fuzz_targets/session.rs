//! Any bytes given to the session parser give a session or an error, never a panic; a session
//! that parses can be written again and read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use voer::session::Session;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(session) = Session::from_toml(&text) {
        let again = Session::from_toml(&session.to_toml());
        assert!(again.is_ok(), "a parsed session must read back: {again:?}");
    }
});
