//! The cost of comparing two revisions of a canvas against reading one.
//!
//! Two copies of the 1000x canvas (about 98,000 elements), the second with 1%
//! of its segments renamed, 1% of its metric targets raised and its segments
//! in reverse order. Besides criterion's own statistics, the first benchmark
//! prints the ratio the crate is held to, measured within one run and
//! interleaved so the machine's noise cancels out:
//!
//! - `diff` of the two within 3 times `serde_json` deserializing one of them.
//!
//! `DIFF_BENCH_QUICK=1` measures fewer rounds, for a quick look.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

// The diff bench uses only the random-id canvases of the shared builder.
#[allow(dead_code)]
mod scaled;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use customer_strategy::{Canvas, diff};
use scaled::{Ids, scaled_canvas};

const SCALE: usize = 1000;

/// The canvas at `SCALE`, its JSON, and a revision with 1% of its segments
/// renamed and 1% of its targets changed, its segments reordered.
fn revisions() -> (String, Canvas, Canvas) {
    let (json, _) = scaled_canvas(SCALE, Ids::Random);
    let old: Canvas = serde_json::from_str(&json).unwrap();
    let mut new = old.clone();
    for segment in new.context.customer.segments.iter_mut().step_by(100) {
        segment.name.push_str(" (renamed)");
    }
    for metric in new.steering.performance.metrics.iter_mut().step_by(100) {
        if let Some(target) = metric.target.as_mut() {
            target.value += 1.0;
        }
    }
    new.context.customer.segments.reverse();
    (json, old, new)
}

fn time(iterations: u32, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed() / iterations
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn quick() -> bool {
    std::env::var_os("DIFF_BENCH_QUICK").is_some_and(|v| v != "0")
}

fn ratios(_: &mut Criterion) {
    let (json, old, new) = revisions();
    let changes = diff(&old, &new).unwrap();
    let segments = old.context.customer.segments.len();
    let metrics = old.steering.performance.metrics.len();
    // Each renamed segment and each changed target, and nothing else.
    assert_eq!(
        changes.len(),
        segments.div_ceil(100)
            + old
                .steering
                .performance
                .metrics
                .iter()
                .step_by(100)
                .filter(|m| m.target.is_some())
                .count()
    );
    let rounds = if quick() { 5 } else { 11 };
    let iterations = 2;
    let (mut read, mut compare) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        read.push(time(iterations, || {
            black_box(serde_json::from_str::<Canvas>(black_box(&json)).unwrap());
        }));
        compare.push(time(iterations, || {
            black_box(diff(black_box(&old), black_box(&new)).unwrap());
        }));
    }
    let (read, compare) = (median(&mut read), median(&mut compare));
    println!(
        "\nratios measured in this run:\n{SCALE}x canvas ({segments} segments, {metrics} metrics, \
         {} changes; median of {rounds} interleaved rounds):",
        changes.len()
    );
    println!(
        "  diff / de = {:.2} (target: at most 3)",
        compare.as_secs_f64() / read.as_secs_f64()
    );
    println!("  (de {read:?}, diff {compare:?})\n");
}

fn criterion_benches(c: &mut Criterion) {
    let (json, old, new) = revisions();
    let mut group = c.benchmark_group("diff of two 1000x canvases");
    group.bench_function("de", |b| {
        b.iter(|| serde_json::from_str::<Canvas>(black_box(&json)).unwrap());
    });
    group.bench_function("diff", |b| {
        b.iter(|| diff(black_box(&old), black_box(&new)).unwrap());
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = ratios, criterion_benches
}
criterion_main!(benches);
