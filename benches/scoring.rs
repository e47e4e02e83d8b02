//! Scoring cost against a flat pass over the same answers, for a round of 10,000
//! respondents answering an instrument of 6 dimensions x 10 items.
//!
//! Besides criterion's own statistics, the first benchmark prints the ratio the
//! crate is held to, measured within one run so the machine's noise cancels out:
//! scoring and aggregating a round within 3 times the cost of one loop that adds
//! up every point of every response.

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

const RESPONDENTS: usize = 10_000;
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
fn instrument() -> Instrument {
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

/// `RESPONDENTS` responses spread over every organizational level, each answering
/// every item: a point on the scale, or (about 3% each) "don't know" or "not applicable".
fn round(instrument: &Instrument) -> Round {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let submitted = "2026-11-01T09:00:00Z".parse().unwrap();
    let responses = (0..RESPONDENTS)
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
                    (item.id.clone(), answer)
                })
                .collect();
            Response {
                respondent: Respondent {
                    id: RespondentId::new(format!("respondent-{r:05}")),
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

/// The baseline: one flat loop over every response's answers, adding up the points.
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

/// Scores every response on its own, without the round's aggregation.
fn score_responses(scorer: &Scorer<'_>, round: &Round) -> usize {
    round
        .responses
        .iter()
        .map(|r| scorer.score_response(r).answers.scored)
        .sum()
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

/// Measures the baseline, scoring the responses alone, and scoring the round, in
/// interleaved rounds, and prints the ratios.
fn ratios(_: &mut Criterion) {
    let instrument = instrument();
    let round = round(&instrument);
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default();
    let result = scorer.score_round(&round, &options);
    assert_eq!(result.respondents, RESPONDENTS);
    assert!(result.answers.dont_know > 0 && result.answers.not_applicable > 0);
    assert_eq!(result.answers.off_scale + result.answers.unknown_item, 0);

    let (mut baseline, mut responses, mut full) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..21 {
        baseline.push(time(5, || {
            black_box(sum_points(black_box(&round)));
        }));
        responses.push(time(5, || {
            black_box(score_responses(&scorer, black_box(&round)));
        }));
        full.push(time(5, || {
            black_box(scorer.score_round(black_box(&round), &options));
        }));
    }
    let (baseline, responses, full) = (
        median(&mut baseline),
        median(&mut responses),
        median(&mut full),
    );
    println!(
        "\nratios measured in this run (median of 21 interleaved rounds, \
         {RESPONDENTS} respondents x {} items):",
        instrument.items.len()
    );
    println!(
        "  score_round / sum of points = {:.2} (target: at most 3)",
        full.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "  score_response for every response / sum of points = {:.2}",
        responses.as_secs_f64() / baseline.as_secs_f64()
    );
    println!(
        "  (sum of points {baseline:?}, every score_response {responses:?}, score_round {full:?})\n"
    );
}

fn criterion_benches(c: &mut Criterion) {
    let instrument = instrument();
    let round = round(&instrument);
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default();
    let mut group = c.benchmark_group("scoring");
    group.bench_function("sum_points", |b| b.iter(|| sum_points(black_box(&round))));
    group.bench_function("score_responses", |b| {
        b.iter(|| score_responses(&scorer, black_box(&round)));
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
