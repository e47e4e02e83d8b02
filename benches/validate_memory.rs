//! Allocations and peak memory of loading and validating canvases, counted by
//! a counting global allocator (`allocation-counter`, which counts the current
//! thread's allocations only).
//!
//! Prints, for the sample canvas and the canvases 10, 100 and 1000 times its
//! size (patterned and random ids):
//!
//! - the crate's loader against plain `serde_json::from_str::<Canvas>`:
//!   allocations and bytes allocated;
//! - the peak of the bytes held while loading and then validating the canvas,
//!   against the size of its JSON text (target at 1000x: at most 2.5). The
//!   text itself is allocated before the measure starts and is not counted.
//!
//! Counts are exact and do not depend on the machine, so this bench runs each
//! measure once. It is a separate bench because the counting allocator slows
//! every allocation down, which would bias the timed ratios of `validate`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod scaled;

use std::hint::black_box;

use allocation_counter::measure;
use customer_strategy::validate::{Profile, RuleSet};
use customer_strategy::{Canvas, Document, LoadOptions, rules};

use scaled::{Ids, SCALES, scaled_canvas};

fn main() {
    // `cargo test --benches` runs bench targets once with `--bench` absent;
    // counting 45 MB documents there would only slow the tests down.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rules = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap();
    let options = LoadOptions::default().with_max_bytes(64 * 1024 * 1024);
    println!("\nallocations counted in this run:\n");
    println!(
        "| ids | canvas | JSON bytes | load / de, allocations | load / de, bytes allocated | \
         peak while loading and validating / JSON bytes | peak of validating alone / JSON bytes |"
    );
    println!("|---|---|---|---|---|---|---|");
    for ids in Ids::BOTH {
        for scale in SCALES {
            let (json, _) = scaled_canvas(scale, ids);
            let plain = measure(|| {
                black_box(serde_json::from_str::<Canvas>(black_box(&json)).unwrap());
            });
            let load = measure(|| {
                black_box(Canvas::from_json_with(black_box(&json), &options).unwrap());
            });
            let whole = measure(|| {
                let canvas = Canvas::from_json_with(black_box(&json), &options).unwrap();
                let report = rules.validate(black_box(&canvas), Profile::Final);
                assert!(report.is_empty());
                black_box(canvas);
            });
            let canvas = Canvas::from_json_with(&json, &options).unwrap();
            let validating = measure(|| {
                black_box(rules.validate(black_box(&canvas), Profile::Final));
            });
            let per = |a: u64, b: u64| a as f64 / b as f64;
            println!(
                "| {} | {}x | {} | {:.2} ({} / {}) | {:.2} | {:.2} ({} bytes) | {:.3} |",
                ids.name(),
                scale,
                json.len(),
                per(load.count_total, plain.count_total),
                load.count_total,
                plain.count_total,
                per(load.bytes_total, plain.bytes_total),
                per(whole.bytes_max, json.len() as u64),
                whole.bytes_max,
                per(validating.bytes_max, json.len() as u64),
            );
        }
    }
    println!();
}
