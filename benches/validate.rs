//! Validation cost against deserialization and against a JSON Schema validator
//! on the same documents: the sample canvas and canvases generated from it 10,
//! 100 and 1000 times its size, with patterned and with random ids.
//!
//! Before criterion's own statistics, `ratios` prints the ratios the crate is
//! held to, every one measured within one run in interleaved rounds so that the
//! machine's noise cancels out:
//!
//! - full validation under 0.5 times plain `serde_json::from_str::<Canvas>`,
//!   and under `jsonschema`'s `is_valid` on `schemas/canvas.schema.json`;
//! - validation time per element at 1000x within 1.5 times that at 10x, for
//!   `validate` and for the yes/no `is_valid`, with either kind of ids;
//! - the crate's loader within 1.3 times plain `serde_json::from_str`.
//!
//! Allocations and peak memory are measured by `benches/validate_memory.rs`,
//! whose counting allocator would slow this bench down.
//!
//! `VALIDATE_BENCH_ROUNDS` sets the number of interleaved rounds (default 11).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod scaled;

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use customer_strategy::validate::{Profile, RuleSet};
use customer_strategy::{Canvas, Document, LoadOptions, rules};
use serde_json::Value;

use scaled::{Ids, SAMPLE, SCALES, renumber_ids, scaled_canvas};

/// One generated canvas, in every form the measures start from.
struct Case {
    scale: usize,
    ids: Ids,
    /// Objects with an `id`: what "per element" divides by.
    elements: usize,
    json: String,
    canvas: Canvas,
    value: Value,
}

fn case(scale: usize, ids: Ids) -> Case {
    let (json, elements) = scaled_canvas(scale, ids);
    let canvas = Canvas::from_json_with(&json, &load_options()).unwrap();
    let value = serde_json::from_str(&json).unwrap();
    Case {
        scale,
        ids,
        elements,
        json,
        canvas,
        value,
    }
}

/// Room for the 45 MB canvas, past the default 8 MiB limit.
fn load_options() -> LoadOptions {
    LoadOptions::default().with_max_bytes(64 * 1024 * 1024)
}

fn canvas_rules() -> RuleSet<Canvas> {
    RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap()
}

fn schema_validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../schemas/canvas.schema.json")).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn rounds() -> usize {
    std::env::var("VALIDATE_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(11)
}

/// The median of `samples`.
fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The mean time of one call of `f`, over `iterations` calls.
fn time<F: FnMut()>(iterations: u32, mut f: F) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed() / iterations
}

/// Medians of one case's measures, each the time of one call.
struct Medians {
    from_str: Duration,
    load: Duration,
    schema: Duration,
    validate: Duration,
    is_valid: Duration,
}

fn ns_per_element(time: Duration, case: &Case) -> f64 {
    time.as_secs_f64() * 1e9 / case.elements as f64
}

/// Measures every baseline and the engine on `case` in interleaved rounds.
fn measure(
    case: &Case,
    rules: &RuleSet<Canvas>,
    schema: &jsonschema::Validator,
    rounds: usize,
) -> Medians {
    let options = load_options();
    // About 100 ms of work per measure and round at every size.
    let iterations = (1000 / case.scale).max(1) as u32;
    let mut samples: [Vec<Duration>; 5] = Default::default();
    for _ in 0..rounds {
        samples[0].push(time(iterations, || {
            black_box(serde_json::from_str::<Canvas>(black_box(&case.json)).unwrap());
        }));
        samples[1].push(time(iterations, || {
            black_box(Canvas::from_json_with(black_box(&case.json), &options).unwrap());
        }));
        samples[2].push(time(iterations, || {
            black_box(schema.is_valid(black_box(&case.value)));
        }));
        samples[3].push(time(iterations, || {
            black_box(rules.validate(black_box(&case.canvas), Profile::Final));
        }));
        samples[4].push(time(iterations, || {
            black_box(rules.is_valid(black_box(&case.canvas), Profile::Final));
        }));
    }
    let [mut a, mut b, mut c, mut d, mut e] = samples;
    Medians {
        from_str: median(&mut a),
        load: median(&mut b),
        schema: median(&mut c),
        validate: median(&mut d),
        is_valid: median(&mut e),
    }
}

/// Every generated canvas, both kinds of ids, made once per run.
fn cases() -> &'static [Case] {
    static CASES: OnceLock<Vec<Case>> = OnceLock::new();
    CASES.get_or_init(|| {
        Ids::BOTH
            .into_iter()
            .flat_map(|ids| SCALES.into_iter().map(move |scale| case(scale, ids)))
            .collect()
    })
}

/// Prints every ratio of the targets, measured in this run, as Markdown tables.
fn ratios(_: &mut Criterion) {
    // `cargo test --benches` runs benches once without `--bench`, to check
    // that they run; measuring every size there would only slow the tests.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rules = canvas_rules();
    let schema = schema_validator();
    let rounds = rounds();
    println!(
        "\nratios measured in this run (medians of {rounds} interleaved rounds; `de` is \
         `serde_json::from_str::<Canvas>`, `load` the crate's `Canvas::from_json_with`, \
         `jsonschema` is `is_valid` on an already parsed `serde_json::Value`, the parse \
         not included):\n"
    );
    println!(
        "| ids | canvas | elements | JSON bytes | validate / de | validate / jsonschema | \
         yes-no / de | yes-no / jsonschema | load / de |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut times = Vec::new();
    for case in cases() {
        let report = rules.validate(&case.canvas, Profile::Final);
        assert!(
            report.is_empty(),
            "the {}x canvas ({} ids) should be clean: {report}",
            case.scale,
            case.ids.name()
        );
        assert!(schema.is_valid(&case.value));
        let m = measure(case, &rules, &schema, rounds);
        let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
        println!(
            "| {} | {}x | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            case.ids.name(),
            case.scale,
            case.elements,
            case.json.len(),
            ratio(m.validate, m.from_str),
            ratio(m.validate, m.schema),
            ratio(m.is_valid, m.from_str),
            ratio(m.is_valid, m.schema),
            ratio(m.load, m.from_str),
        );
        times.push((case, m));
    }

    println!("\nnanoseconds per element, same run:\n");
    println!("| ids | canvas | de | load | jsonschema | validate | yes-no |");
    println!("|---|---|---|---|---|---|---|");
    for (case, m) in &times {
        println!(
            "| {} | {}x | {:.0} | {:.0} | {:.0} | {:.1} | {:.1} |",
            case.ids.name(),
            case.scale,
            ns_per_element(m.from_str, case),
            ns_per_element(m.load, case),
            ns_per_element(m.schema, case),
            ns_per_element(m.validate, case),
            ns_per_element(m.is_valid, case),
        );
    }

    println!("\nper element at 1000x / per element at 10x (target: at most 1.5):\n");
    println!("| ids | validate | yes-no |");
    println!("|---|---|---|");
    for ids in Ids::BOTH {
        let at = |scale: usize| {
            times
                .iter()
                .find(|(c, _)| c.ids == ids && c.scale == scale)
                .map(|(c, m)| (ns_per_element(m.validate, c), ns_per_element(m.is_valid, c)))
                .unwrap()
        };
        let (ten, thousand) = (at(10), at(1000));
        println!(
            "| {} | {:.2} | {:.2} |",
            ids.name(),
            thousand.0 / ten.0,
            thousand.1 / ten.1
        );
    }
    println!();
    separate_copies(&rules, rounds);
}

/// The 100x canvas against the same data as 100 separate 1x canvases validated
/// one after the other: what the 100x canvas would cost if its size added
/// nothing but more of the same work.
fn separate_copies(rules: &RuleSet<Canvas>, rounds: usize) {
    let copies: Vec<Canvas> = (0..100)
        .map(|copy| {
            let mut value: Value = serde_json::from_str(SAMPLE).unwrap();
            renumber_ids(&mut value, copy);
            serde_json::from_value(value).unwrap()
        })
        .collect();
    let hundred = &cases()
        .iter()
        .find(|c| c.ids == Ids::Patterned && c.scale == 100)
        .unwrap()
        .canvas;
    let (mut separate, mut together) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        separate.push(time(4, || {
            for canvas in &copies {
                black_box(rules.validate(black_box(canvas), Profile::Final));
            }
        }));
        together.push(time(4, || {
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
    let rules = canvas_rules();
    let schema = schema_validator();
    let options = load_options();
    for case in cases().iter().filter(|c| c.ids == Ids::Patterned) {
        let scale = case.scale;
        let mut group = c.benchmark_group(format!("canvas_{scale}x"));
        if scale >= 100 {
            // Keeps the large canvases from taking minutes: fewer, longer samples.
            group
                .sample_size(10)
                .warm_up_time(Duration::from_millis(300))
                .measurement_time(Duration::from_secs(1));
        }
        let id = |name: &str| BenchmarkId::new(name, scale);
        group.bench_with_input(id("serde_json_from_str"), &case.json, |b, json| {
            b.iter(|| serde_json::from_str::<Canvas>(black_box(json)).unwrap())
        });
        group.bench_with_input(id("load_json"), &case.json, |b, json| {
            b.iter(|| Canvas::from_json_with(black_box(json), &options).unwrap())
        });
        group.bench_with_input(id("jsonschema_is_valid"), &case.value, |b, value| {
            b.iter(|| schema.is_valid(black_box(value)))
        });
        group.bench_with_input(id("validate"), &case.canvas, |b, canvas| {
            b.iter(|| rules.validate(black_box(canvas), Profile::Final))
        });
        group.bench_with_input(id("is_valid"), &case.canvas, |b, canvas| {
            b.iter(|| rules.is_valid(black_box(canvas), Profile::Final))
        });
        group.finish();
    }
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
