//! Validation cost against deserialization of the same document, for the sample
//! canvas and generated canvases 10 and 100 times its size.
//!
//! Besides criterion's own statistics, the first benchmark prints the ratios the
//! crate is held to, measured within one run so the machine's noise cancels out:
//! full validation under half the cost of JSON deserialization, and a canvas 100
//! times larger costing at most 110 times as much to validate.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use customer_strategy::validate::{Profile, RuleSet};
use customer_strategy::{Canvas, Document, LoadOptions, rules};
use serde_json::Value;

const SAMPLE: &str = include_str!("../examples/data/harbour_bank_canvas.json");
const SCALES: [usize; 3] = [1, 10, 100];

/// The sample canvas with its identified elements copied `scale` times over:
/// segments, needs, value elements, journeys and touch points, offerings, gaps,
/// capabilities, business goals, objectives, metrics and incentives. Each copy
/// gets its own ids and refers only to its own elements, so the result is as
/// valid as the sample.
fn scaled_canvas(scale: usize) -> String {
    let base: Value = serde_json::from_str(SAMPLE).unwrap();
    let mut canvas = base.clone();
    let arrays = [
        "/foundation/business_goals",
        "/context/customer/segments",
        "/proposition/customer_value/elements",
        "/proposition/business_value/investments",
        "/proposition/experience/journeys",
        "/value_chain/offerings/offerings",
        "/value_chain/offerings/capability_gaps",
        "/value_chain/capabilities/capabilities",
        "/steering/performance/objectives",
        "/steering/performance/metrics",
        "/steering/performance/incentives",
    ];
    for copy in 1..scale {
        let mut clone = base.clone();
        renumber_ids(&mut clone, copy);
        for pointer in arrays {
            let extra = clone.pointer(pointer).unwrap().as_array().unwrap().clone();
            canvas
                .pointer_mut(pointer)
                .unwrap()
                .as_array_mut()
                .unwrap()
                .extend(extra);
        }
    }
    // Investment shares are per objective; scale them down so they still add up.
    for objective in canvas
        .pointer_mut("/steering/performance/objectives")
        .unwrap()
        .as_array_mut()
        .unwrap()
    {
        if let Some(share) = objective.get_mut("investment_share") {
            *share = Value::from(share.as_f64().unwrap() / scale as f64);
        }
    }
    serde_json::to_string_pretty(&canvas).unwrap()
}

/// Rewrites every UUID in the value so that copy `copy` has ids of its own.
fn renumber_ids(value: &mut Value, copy: usize) {
    match value {
        Value::String(text) => {
            if let Ok(uuid) = uuid::Uuid::parse_str(text) {
                let renumbered = uuid.as_u128() ^ ((copy as u128) << 64);
                *text = uuid::Uuid::from_u128(renumbered).to_string();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| renumber_ids(v, copy)),
        Value::Object(map) => map.values_mut().for_each(|v| renumber_ids(v, copy)),
        _ => {}
    }
}

struct Case {
    scale: usize,
    json: String,
    canvas: Canvas,
}

fn cases() -> Vec<Case> {
    let options = LoadOptions::default().with_max_bytes(usize::MAX);
    SCALES
        .iter()
        .map(|&scale| {
            let json = scaled_canvas(scale);
            let canvas = Canvas::from_json_with(&json, &options).unwrap();
            Case {
                scale,
                json,
                canvas,
            }
        })
        .collect()
}

/// Median time per iteration of `f`, over interleaved rounds.
fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<F: FnMut()>(iterations: u32, mut f: F) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed() / iterations
}

/// Measures deserialization, validation and the yes/no check in interleaved
/// rounds and prints the ratios.
fn ratios(_: &mut Criterion) {
    let rules = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap();
    let options = LoadOptions::default().with_max_bytes(usize::MAX);
    let cases = cases();
    for case in &cases {
        let report = rules.validate(&case.canvas, Profile::Final);
        assert!(
            report.is_empty(),
            "the {}x canvas should be clean: {report}",
            case.scale
        );
    }
    let mut validate_times = Vec::new();
    println!("\nratios measured in this run (median of 21 interleaved rounds):");
    for case in &cases {
        let iterations = (200 / case.scale).max(2) as u32;
        let (mut de, mut full, mut quick) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..21 {
            de.push(time(iterations, || {
                black_box(Canvas::from_json_with(black_box(&case.json), &options).unwrap());
            }));
            full.push(time(iterations, || {
                black_box(rules.validate(black_box(&case.canvas), Profile::Final));
            }));
            quick.push(time(iterations, || {
                black_box(rules.is_valid(black_box(&case.canvas), Profile::Final));
            }));
        }
        let (de, full, quick) = (median(&mut de), median(&mut full), median(&mut quick));
        validate_times.push(full);
        println!(
            "  {:>3}x ({:>8} bytes): validate / deserialize = {:.3}, yes-no check / deserialize = {:.3}  \
             (deserialize {:?}, validate {:?}, yes-no {:?})",
            case.scale,
            case.json.len(),
            full.as_secs_f64() / de.as_secs_f64(),
            quick.as_secs_f64() / de.as_secs_f64(),
            de,
            full,
            quick,
        );
    }
    if let (Some(first), Some(last)) = (validate_times.first(), validate_times.last()) {
        println!(
            "  validate(100x) / validate(1x, the same canvas again and again) = {:.1}",
            last.as_secs_f64() / first.as_secs_f64()
        );
    }

    // The same amount of data as the 100x canvas, as 100 separate 1x canvases
    // validated one after the other: what the 100x canvas would cost if its
    // size added nothing but more of the same work.
    let copies: Vec<Canvas> = (0..100)
        .map(|copy| {
            let mut value: Value = serde_json::from_str(SAMPLE).unwrap();
            renumber_ids(&mut value, copy);
            serde_json::from_value(value).unwrap()
        })
        .collect();
    let hundred = &cases.last().unwrap().canvas;
    let (mut separate, mut together) = (Vec::new(), Vec::new());
    for _ in 0..21 {
        separate.push(time(2, || {
            for canvas in &copies {
                black_box(rules.validate(black_box(canvas), Profile::Final));
            }
        }));
        together.push(time(2, || {
            black_box(rules.validate(black_box(hundred), Profile::Final));
        }));
    }
    let (separate, together) = (median(&mut separate), median(&mut together));
    println!(
        "  validate(100x) / validate(100 separate 1x canvases) = {:.2} (target: at most 1.10)\n",
        together.as_secs_f64() / separate.as_secs_f64()
    );
}

fn criterion_benches(c: &mut Criterion) {
    let rules = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap();
    let options = LoadOptions::default().with_max_bytes(usize::MAX);
    let cases = cases();
    let mut group = c.benchmark_group("canvas");
    for case in &cases {
        group.bench_with_input(
            BenchmarkId::new("deserialize_json", case.scale),
            &case.json,
            |b, json| b.iter(|| Canvas::from_json_with(black_box(json), &options).unwrap()),
        );
        group.bench_with_input(
            BenchmarkId::new("validate", case.scale),
            &case.canvas,
            |b, canvas| b.iter(|| rules.validate(black_box(canvas), Profile::Final)),
        );
        group.bench_with_input(
            BenchmarkId::new("is_valid", case.scale),
            &case.canvas,
            |b, canvas| b.iter(|| rules.is_valid(black_box(canvas), Profile::Final)),
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = ratios, criterion_benches
}
criterion_main!(benches);
