//! Scoring cost against loops over the same answers, for rounds of 1,000, 10,000
//! and 100,000 respondents answering the built-in instrument (6 dimensions, 32
//! items), and 10,000 answering an instrument of 6 dimensions x 10 items built here.
//!
//! Besides criterion's own statistics, the first benchmark prints the ratios the
//! crate is held to, measured within one run and interleaved so the machine's
//! noise cancels out, and the allocations of one scored round:
//!
//! - `score_round` within 3 times a loop that adds every point of every response
//!   into a sum per dimension and per organizational level (the work a round's
//!   aggregation cannot avoid);
//! - for reference, against a loop that adds up every point into one sum.
//!
//! `SCORING_BENCH_QUICK=1` measures fewer rounds, for a quick look.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use customer_strategy::{
    Answer, AnswerScale, Dimension, DimensionId, Instrument, InstrumentId, InstrumentRef, Item,
    ItemId, MaturityLevel, NextSteps, OrgLevel, Respondent, RespondentId, Response, Round,
    SchemaVersion, ScoreBand, Scorer, ScoringOptions, WeakestLink,
};

const DIMENSIONS: [&str; 6] = [
    "strategy",
    "leadership",
    "culture",
    "insight",
    "experience",
    "measurement",
];
const ITEMS_PER_DIMENSION: usize = 10;

/// Six dimensions of ten items each on a 1 to 5 scale, with uneven weights, one
/// reverse item in five, five levels of 20 points and the weakest-link rule.
fn sixty_items() -> Instrument {
    let dimensions: Vec<Dimension> = DIMENSIONS
        .iter()
        .zip([1.0, 1.5, 1.0, 2.0, 1.0, 0.5])
        .map(|(&id, weight)| Dimension {
            id: DimensionId::new(id),
            name: id.to_owned(),
            description: String::new(),
            weight,
        })
        .collect();
    let items = DIMENSIONS
        .iter()
        .flat_map(|&dimension| {
            (1..=ITEMS_PER_DIMENSION).map(move |i| Item {
                id: ItemId::new(format!("{dimension}-{i:02}")),
                dimension: DimensionId::new(dimension),
                prompt: format!("Question {i} on {dimension}"),
                weight: [1.0, 1.5, 2.0][i % 3],
                reverse: i % 5 == 0,
                asked_of: Vec::new(),
                evidence_hint: String::new(),
            })
        })
        .collect();
    let levels = (1..=5_u8)
        .map(|number| MaturityLevel {
            number,
            name: format!("Level {number}"),
            description: String::new(),
            band: ScoreBand {
                from: f64::from(number - 1) * 20.0,
                to: f64::from(number) * 20.0,
            },
            next_steps: DIMENSIONS
                .iter()
                .map(|&d| NextSteps {
                    dimension: DimensionId::new(d),
                    steps: vec![format!("Improve {d} from level {number}")],
                })
                .collect(),
        })
        .collect();
    Instrument {
        schema_version: SchemaVersion::new(1),
        id: InstrumentId::new("bench"),
        name: "Benchmark".to_owned(),
        version: "1".to_owned(),
        description: String::new(),
        scale: AnswerScale {
            min: 1,
            max: 5,
            labels: Vec::new(),
            dont_know: true,
            not_applicable: true,
        },
        dimensions,
        items,
        levels,
        weakest_link: Some(WeakestLink {
            max_levels_above: 1,
        }),
    }
}

/// xorshift64*: deterministic, so every run scores the same answers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `respondents` responses spread over every organizational level, each
/// answering every item: a point on the scale, or (about 3% each) "don't know"
/// or "not applicable". Ids are read from text, as when a round is loaded.
fn round(instrument: &Instrument, respondents: usize) -> Round {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let submitted = "2026-11-01T09:00:00Z".parse().unwrap();
    let responses = (0..respondents)
        .map(|r| {
            let level = OrgLevel::ALL[rng.below(OrgLevel::ALL.len() as u64) as usize];
            let answers: BTreeMap<ItemId, Answer> = instrument
                .items
                .iter()
                .map(|item| {
                    let answer = match rng.below(100) {
                        0..=2 => Answer::DontKnow,
                        3..=5 => Answer::NotApplicable,
                        _ => Answer::Point(1 + rng.below(5) as u8),
                    };
                    (ItemId::new(item.id.as_str()), answer)
                })
                .collect();
            Response {
                respondent: Respondent {
                    id: RespondentId::new(format!("respondent-{r:06}")),
                    level,
                    department: None,
                },
                submitted,
                answers,
            }
        })
        .collect();
    Round {
        schema_version: SchemaVersion::new(1),
        name: "Benchmark round".to_owned(),
        instrument: InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        },
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        responses,
    }
}

/// The first baseline: one flat loop over every response's answers, adding up
/// the points.
fn sum_points(round: &Round) -> u64 {
    let mut sum = 0_u64;
    for response in &round.responses {
        for answer in response.answers.values() {
            if let Answer::Point(point) = answer {
                sum += u64::from(*point);
            }
        }
    }
    sum
}

/// The dimension of each item, in the order of the items' ids (the order in
/// which a response's answers come out of its map): the baseline's lookup,
/// built once outside the timed loop as the scorer builds its own.
fn dimensions_in_id_order(instrument: &Instrument) -> Vec<usize> {
    let mut items: Vec<(&str, usize)> = instrument
        .items
        .iter()
        .map(|item| {
            let d = instrument
                .dimensions
                .iter()
                .position(|d| d.id == item.dimension)
                .unwrap();
            (item.id.as_str(), d)
        })
        .collect();
    items.sort_unstable();
    items.into_iter().map(|(_, d)| d).collect()
}

/// Points and answer counts per organizational level and dimension.
type LevelSums = [[(u64, u32); DIMENSIONS.len()]; OrgLevel::ALL.len()];

/// The second baseline: for every response, for every answer, adds the point
/// into a sum per (organizational level, dimension). Every respondent answers
/// every item, so the lookup pairs the answers with their dimensions by position
/// and never reads the answers' keys.
fn sum_by_dimension_and_level(round: &Round, dimensions: &[usize]) -> LevelSums {
    let mut sums: LevelSums = [[(0, 0); DIMENSIONS.len()]; OrgLevel::ALL.len()];
    for response in &round.responses {
        let level = &mut sums[response.respondent.level as usize];
        for (answer, &d) in response.answers.values().zip(dimensions) {
            if let Answer::Point(point) = answer {
                let cell = &mut level[d];
                cell.0 += u64::from(*point);
                cell.1 += 1;
            }
        }
    }
    sums
}

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

fn quick() -> bool {
    std::env::var_os("SCORING_BENCH_QUICK").is_some_and(|v| v != "0")
}

/// Measures both baselines and `score_round` on one round, interleaved, and
/// prints the ratios and the allocations of one scored round.
fn measure(name: &str, instrument: &Instrument, respondents: usize) {
    assert!(instrument.dimensions.len() <= DIMENSIONS.len());
    let round = round(instrument, respondents);
    let scorer = Scorer::new(instrument).unwrap();
    let options = ScoringOptions::default();
    let dimensions = dimensions_in_id_order(instrument);

    let info = allocation_counter::measure(|| {
        black_box(scorer.score_round(black_box(&round), &options));
    });
    let result = scorer.score_round(&round, &options);
    assert_eq!(result.respondents, respondents);
    assert!(result.answers.dont_know > 0 && result.answers.not_applicable > 0);
    assert_eq!(result.answers.off_scale + result.answers.unknown_item, 0);
    // The per-level baseline sees the same points as the scorer.
    let sums = sum_by_dimension_and_level(&round, &dimensions);
    let points: u32 = sums.iter().flatten().map(|&(_, n)| n).sum();
    assert_eq!(points as usize, result.answers.scored);
    assert_eq!(
        sum_points(&round),
        sums.iter().flatten().map(|&(s, _)| s).sum::<u64>()
    );

    // About 50 ms of each measure per sample, whatever the size.
    let answers = respondents * instrument.items.len();
    let iterations = u32::try_from((4_000_000 / answers).clamp(1, 50)).unwrap();
    let rounds = if quick() { 7 } else { 21 };
    let (mut flat, mut per_level, mut full) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        flat.push(time(iterations, || {
            black_box(sum_points(black_box(&round)));
        }));
        per_level.push(time(iterations, || {
            black_box(sum_by_dimension_and_level(
                black_box(&round),
                black_box(&dimensions),
            ));
        }));
        full.push(time(iterations, || {
            black_box(scorer.score_round(black_box(&round), &options));
        }));
    }
    let (flat, per_level, full) = (median(&mut flat), median(&mut per_level), median(&mut full));
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    println!(
        "{name}, {respondents} respondents x {} items (median of {rounds} interleaved rounds):",
        instrument.items.len()
    );
    println!(
        "  score_round / sum per dimension and level = {:.2} (target: at most 3)",
        ratio(full, per_level)
    );
    println!(
        "  score_round / sum of points               = {:.2}",
        ratio(full, flat)
    );
    println!(
        "  allocations per score_round               = {} ({} bytes)",
        info.count_total, info.bytes_total
    );
    #[allow(clippy::cast_precision_loss)]
    let per_answer = full.as_secs_f64() * 1e9 / answers as f64;
    println!(
        "  (sum of points {flat:?}, sum per dimension and level {per_level:?}, \
         score_round {full:?}: {per_answer:.1} ns per answer)"
    );
}

fn ratios(_: &mut Criterion) {
    let built_in = Instrument::customer_strategy_maturity().unwrap();
    println!("\nratios measured in this run:");
    for respondents in [1_000, 10_000, 100_000] {
        measure("built-in instrument", &built_in, respondents);
    }
    measure("60-item instrument", &sixty_items(), 10_000);
    println!();
}

fn criterion_benches(c: &mut Criterion) {
    let instrument = Instrument::customer_strategy_maturity().unwrap();
    let round = round(&instrument, 10_000);
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default();
    let dimensions = dimensions_in_id_order(&instrument);
    let mut group = c.benchmark_group("scoring built-in x 10000");
    group.bench_function("sum_points", |b| b.iter(|| sum_points(black_box(&round))));
    group.bench_function("sum_by_dimension_and_level", |b| {
        b.iter(|| sum_by_dimension_and_level(black_box(&round), &dimensions));
    });
    group.bench_function("score_round", |b| {
        b.iter(|| scorer.score_round(black_box(&round), &options));
    });
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
