//! Any bytes given to the episode parser give an episode or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = voer::episode::parse_episode("fuzz.toml", &text);
});
