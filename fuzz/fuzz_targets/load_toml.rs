//! The TOML loader of every document type: loading never panics, an error
//! says where the input went wrong (a line within the text), and a document
//! that loads saves and loads again to the same text (see `load` in the
//! `fuzz/src/lib.rs`).
#![no_main]

use customer_strategy_fuzz::{Format, load_all, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(text) = text(data) {
        load_all(text, Format::Toml);
    }
});
