//! The cost of analysing a value study against a loop over the same ratings:
//! 100,000 individual ratings (2,500 customers each rating 2 of 4 offers on
//! 20 attributes).
//!
//! Besides criterion's own statistics, the first benchmark prints the ratio
//! the crate is held to, measured within one run and interleaved so the
//! machine's noise cancels out:
//!
//! - `analyse` within 3 times a loop that adds every rating into a count and a
//!   sum per offer and attribute (the work no analysis can avoid: walking the
//!   ratings and finding each one's offer and attribute).
//!
//! `VALUE_BENCH_QUICK=1` measures fewer rounds, for a quick look.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, HashMap};
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use customer_strategy::{
    AnalysisOptions, Attribute, AttributeId, CustomerResponse, Offer, OfferId, RatingScale,
    SchemaVersion, Share, ValueStudy, analyse,
};

const OFFERS: usize = 4;
const QUALITY: usize = 14;
const PRICE: usize = 6;
const CUSTOMERS: usize = 2_500;

/// 14 quality attributes (two parents of five children, four more) and 6
/// price attributes; 2,500 customers, each rating their own offer and one
/// other on every attribute.
fn study() -> ValueStudy {
    let leaf = |name: String, weight: f64| Attribute::new(name.clone(), name, weight).unwrap();
    let mut quality = Vec::new();
    for parent in 0..2 {
        let mut attribute = leaf(format!("quality-{parent}"), 0.3);
        attribute.children = (0..5)
            .map(|c| leaf(format!("quality-{parent}-{c}"), 0.2))
            .collect();
        quality.push(attribute);
    }
    quality.extend((0..4).map(|q| leaf(format!("quality-x{q}"), 0.1)));
    let price: Vec<_> = (0..PRICE)
        .map(|p| leaf(format!("price-{p}"), 1.0 / 6.0))
        .collect();
    let mut study = ValueStudy {
        schema_version: SchemaVersion::new(1),
        name: "Bench".into(),
        market: "Bench".into(),
        segment: None,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        scale: RatingScale::default(),
        price_weight: Share::new(0.3).unwrap(),
        our_offer: Offer::new("offer-0", "Offer 0"),
        competitors: (1..OFFERS)
            .map(|o| Offer::new(format!("offer-{o}"), format!("Offer {o}")))
            .collect(),
        quality,
        price,
        responses: Vec::new(),
        aggregates: Vec::new(),
    };
    let leaves: Vec<AttributeId> = study
        .rated_attributes()
        .map(|l| l.attribute.id.clone())
        .collect();
    assert_eq!(leaves.len(), QUALITY + PRICE);
    let mut seed = 0x5eed_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for c in 0..CUSTOMERS {
        let own = c % OFFERS;
        let other = (own + 1 + c / OFFERS % (OFFERS - 1)) % OFFERS;
        let mut ratings = BTreeMap::new();
        for offer in [own, other] {
            let scores = leaves
                .iter()
                .map(|id| (id.clone(), 1 + u8::try_from(next() % 10).unwrap()))
                .collect();
            ratings.insert(OfferId::new(format!("offer-{offer}")), scores);
        }
        study.responses.push(CustomerResponse {
            segment: None,
            customer_of: Some(OfferId::new(format!("offer-{own}"))),
            ratings,
        });
    }
    study
}

type Slots<'a> = HashMap<&'a str, usize, foldhash::fast::RandomState>;

/// The offers' and attributes' slots, built once outside the timed loop.
fn slots(study: &ValueStudy) -> (Slots<'_>, Slots<'_>) {
    let mut offers = Slots::default();
    for (o, offer) in study.offers().enumerate() {
        offers.insert(offer.id.as_str(), o);
    }
    let mut leaves = Slots::default();
    for (l, leaf) in study.rated_attributes().enumerate() {
        leaves.insert(leaf.attribute.id.as_str(), l);
    }
    (offers, leaves)
}

/// The baseline: every rating into a count and a sum per offer and attribute.
fn sum_per_offer_and_attribute(
    study: &ValueStudy,
    offers: &Slots<'_>,
    leaves: &Slots<'_>,
) -> Vec<(u64, u64)> {
    let width = leaves.len();
    let mut sums = vec![(0u64, 0u64); offers.len() * width];
    for response in &study.responses {
        for (offer, ratings) in &response.ratings {
            let row = offers[offer.as_str()] * width;
            for (attribute, &point) in ratings {
                let cell = &mut sums[row + leaves[attribute.as_str()]];
                cell.0 += 1;
                cell.1 += u64::from(point);
            }
        }
    }
    sums
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
    std::env::var_os("VALUE_BENCH_QUICK").is_some_and(|v| v != "0")
}

fn ratios(_: &mut Criterion) {
    let study = study();
    let (offers, leaves) = slots(&study);
    let options = AnalysisOptions::default();
    // The baseline sees the same ratings as the analysis.
    let sums = sum_per_offer_and_attribute(&study, &offers, &leaves);
    let result = analyse(&study, &options);
    let ratings: u64 = sums.iter().map(|&(n, _)| n).sum();
    assert_eq!(ratings, 100_000);
    let counted: u64 = result
        .attributes
        .iter()
        .flat_map(|a| a.offers.iter().map(|o| o.count))
        .sum();
    assert_eq!(counted, ratings);
    assert!(result.cva().is_some());

    let rounds = if quick() { 7 } else { 21 };
    let iterations = 20;
    let (mut base, mut full) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        base.push(time(iterations, || {
            black_box(sum_per_offer_and_attribute(
                black_box(&study),
                &offers,
                &leaves,
            ));
        }));
        full.push(time(iterations, || {
            black_box(analyse(black_box(&study), &options));
        }));
    }
    let (base, full) = (median(&mut base), median(&mut full));
    println!(
        "\nratios measured in this run:\n{ratings} ratings, {OFFERS} offers x {} attributes \
         (median of {rounds} interleaved rounds):",
        QUALITY + PRICE
    );
    println!(
        "  analyse / sum per offer and attribute = {:.2} (target: at most 3)",
        full.as_secs_f64() / base.as_secs_f64()
    );
    println!("  (sum per offer and attribute {base:?}, analyse {full:?})\n");
}

fn criterion_benches(c: &mut Criterion) {
    let study = study();
    let (offers, leaves) = slots(&study);
    let options = AnalysisOptions::default();
    let mut group = c.benchmark_group("value study x 100000 ratings");
    group.bench_function("sum_per_offer_and_attribute", |b| {
        b.iter(|| sum_per_offer_and_attribute(black_box(&study), &offers, &leaves));
    });
    group.bench_function("analyse", |b| {
        b.iter(|| analyse(black_box(&study), &options));
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
