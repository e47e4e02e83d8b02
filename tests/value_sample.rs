//! The sample value study, `examples/data/harbour_bank_value_study.json`: the
//! generator that writes it (300 customers' ratings, drawn from a fixed seed),
//! and the story it must tell. The file is committed; this test checks it is
//! exactly what the generator writes.
//!
//! To regenerate it after changing the generator:
//! `UPDATE_SAMPLES=1 cargo test --test value_sample`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use std::fmt::Write as _;

use customer_strategy::validate::{Profile, RuleSet, Severity};
use customer_strategy::{
    AnalysisOptions, Canvas, CustomerResponse, Document, StudyInContext, ValueStudy, analyse, rules,
};
use serde_json::{Value, json};

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/harbour_bank_value_study.json"
);
const CANVAS: &str = include_str!("../examples/data/harbour_bank_canvas.json");

/// The offers, and the attributes in the order of the tree.
const OFFERS: [&str; 3] = ["harbour", "meridian", "quickkey"];
const LEAVES: [&str; 6] = ["clarity", "reach", "speed", "switching", "rate", "fees"];

/// What customers think of each offer on each attribute, on average: Harbour
/// leads on advice, trails QuickKey on speed of decision, and trails both on
/// the rate it offers existing customers.
const TRUE_MEANS: [[f64; 6]; 3] = [
    [8.4, 8.0, 6.0, 7.0, 5.6, 7.0],
    [6.2, 5.8, 5.4, 6.4, 7.4, 6.6],
    [5.6, 4.6, 8.6, 7.8, 7.0, 6.8],
];

/// Customers rate the bank they are with a little higher than others do.
const OWN_BANK_BIAS: f64 = 0.4;

/// xorshift64*: small, fast, and the same on every machine.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A rating around `mean`: the sum of three uniform draws spreads it by
    /// about 1.5 points either way, rounded and kept on the 1 to 10 scale.
    fn rating(&mut self, mean: f64) -> u8 {
        let noise = (self.unit() + self.unit() + self.unit() - 1.5) * 1.7;
        (mean + noise).round().clamp(1.0, 10.0) as u8
    }
}

const FIRST_TIME_BUYERS: &str = "5e000000-0000-4000-8000-000000000001";
const HOME_MOVERS: &str = "5e000000-0000-4000-8000-000000000002";

/// The study without its responses.
fn frame() -> Value {
    json!({
        "schema_version": 1,
        "name": "Harbour Bank mortgage customers, spring 2026",
        "market": "Residential mortgages in the bank's home region: first-time buyers and home movers",
        "as_of": "2026-03-31",
        "scale": {"min": 1, "max": 10},
        "price_weight": 0.35,
        "our_offer": {"id": "harbour", "name": "Harbour Bank"},
        "competitors": [
            {"id": "meridian", "name": "Meridian National Bank"},
            {"id": "quickkey", "name": "QuickKey Mortgages"}
        ],
        "quality": [
            {"id": "advice", "name": "Advice", "weight": 0.4, "children": [
                {"id": "clarity", "name": "Clear explanation of each step", "weight": 0.6,
                 "speaks_to": {"value_element": "7a000000-0000-4000-8000-000000000003"}},
                {"id": "reach", "name": "Reaching a person who can act", "weight": 0.4,
                 "speaks_to": {"value_element": "7a000000-0000-4000-8000-000000000006"}}
            ]},
            {"id": "speed", "name": "Speed of decision", "weight": 0.35,
             "speaks_to": {"value_element": "7a000000-0000-4000-8000-000000000002"}},
            {"id": "switching", "name": "Switching deals without new paperwork", "weight": 0.25,
             "speaks_to": {"value_element": "7a000000-0000-4000-8000-000000000005"}}
        ],
        "price": [
            {"id": "rate", "name": "Rate offered to existing customers", "weight": 0.6,
             "speaks_to": {"value_element": "7a000000-0000-4000-8000-000000000004"}},
            {"id": "fees", "name": "Arrangement and switching fees", "weight": 0.4}
        ]
    })
}

/// 300 customers: 170 of Harbour, 80 of Meridian, 50 of QuickKey. Each rates
/// their own bank and one other: Harbour's customers Meridian or QuickKey in
/// turn, the competitors' customers Harbour.
fn responses() -> Vec<Value> {
    let mut draw = Draw(0x0048_6172_626f_7572); // "Harbour"
    let mut responses = Vec::with_capacity(300);
    for i in 0..300usize {
        let own = match i {
            0..170 => 0,
            170..250 => 1,
            _ => 2,
        };
        let other = if own == 0 { 1 + i % 2 } else { 0 };
        let segment = if draw.unit() < 0.4 {
            FIRST_TIME_BUYERS
        } else {
            HOME_MOVERS
        };
        let mut ratings = serde_json::Map::new();
        for offer in [own, other] {
            let bias = if offer == own { OWN_BANK_BIAS } else { 0.0 };
            let scores: serde_json::Map<String, Value> = LEAVES
                .iter()
                .enumerate()
                .map(|(l, leaf)| {
                    (
                        (*leaf).to_owned(),
                        json!(draw.rating(TRUE_MEANS[offer][l] + bias)),
                    )
                })
                .collect();
            ratings.insert(OFFERS[offer].to_owned(), Value::Object(scores));
        }
        responses.push(json!({
            "segment": segment,
            "customer_of": OFFERS[own],
            "ratings": ratings,
        }));
    }
    responses
}

/// The sample's text: the study without its responses as the model writes
/// it, then one customer a line.
fn generate() -> String {
    let frame = ValueStudy::from_json(&frame().to_string()).unwrap();
    let frame = frame.to_json().unwrap();
    let body = frame.strip_suffix("\n}").unwrap();
    let mut text = format!("{body},\n  \"responses\": [\n");
    let responses: Vec<CustomerResponse> = responses()
        .into_iter()
        .map(|r| serde_json::from_value(r).unwrap())
        .collect();
    for (i, response) in responses.iter().enumerate() {
        let comma = if i + 1 < responses.len() { "," } else { "" };
        let line = serde_json::to_string(response).unwrap();
        let _ = writeln!(text, "    {line}{comma}");
    }
    text.push_str("  ]\n}\n");
    text
}

fn sample() -> ValueStudy {
    ValueStudy::from_json(&std::fs::read_to_string(PATH).unwrap()).unwrap()
}

#[test]
fn the_sample_is_exactly_what_the_generator_writes() {
    let generated = generate();
    if std::env::var_os("UPDATE_SAMPLES").is_some() {
        std::fs::write(PATH, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(PATH).unwrap();
    assert!(
        committed == generated,
        "examples/data/harbour_bank_value_study.json is not what the generator writes; run \
         `UPDATE_SAMPLES=1 cargo test --test value_sample` and review the change"
    );
    // The generator's own output loads, and is the same study.
    assert_eq!(ValueStudy::from_json(&generated).unwrap(), sample());
}

#[test]
fn the_sample_has_300_customers_and_stays_small() {
    let study = sample();
    assert_eq!(study.responses.len(), 300);
    let ratings: usize = study
        .responses
        .iter()
        .flat_map(|r| r.ratings.values())
        .map(|r| r.len())
        .sum();
    assert_eq!(ratings, 300 * 2 * LEAVES.len());
    let bytes = std::fs::metadata(PATH).unwrap().len();
    assert!(bytes < 100_000, "{bytes} bytes");
}

#[test]
fn the_sample_passes_the_study_rules_and_agrees_with_the_canvas() {
    let study = sample();
    let rules = RuleSet::<ValueStudy>::builder()
        .rules(rules::value())
        .build()
        .unwrap();
    let report = rules.validate(&study, Profile::Final);
    assert!(report.findings().is_empty(), "{report}");

    let canvas = Canvas::from_json(CANVAS).unwrap();
    let rules = RuleSet::<StudyInContext>::builder()
        .rules(rules::value_in_context())
        .build()
        .unwrap();
    let report = rules.validate(&StudyInContext { canvas, study }, Profile::Final);
    // Only Tideway, which the canvas names and the study leaves out, as information.
    let found: Vec<_> = report
        .findings()
        .iter()
        .map(|f| (f.code.as_str(), f.severity))
        .collect();
    assert_eq!(found, [("VALUE-CANVAS-002", Severity::Info)], "{report}");
}

#[test]
fn the_sample_tells_the_banks_story() {
    let result = analyse(&sample(), &AnalysisOptions::default());
    let ratio = |id: &str| {
        result
            .attributes
            .iter()
            .find(|a| a.id.as_str() == id)
            .unwrap()
            .ratio
            .unwrap()
    };
    // Leads on advice, trails on speed of decision and on rates for existing customers.
    assert!(ratio("clarity") > 1.2 && ratio("reach") > 1.2);
    assert!(ratio("speed") < 0.95);
    assert!(ratio("rate") < 0.85);
    // Speed trails QuickKey, not Meridian.
    let speed = result
        .attributes
        .iter()
        .find(|a| a.id.as_str() == "speed")
        .unwrap();
    assert!(speed.head_to_head[0].ratio.unwrap() > 1.0);
    assert!(speed.head_to_head[1].ratio.unwrap() < 0.8);
    // The rate is where most value is lost, and it speaks to the Rate Promise.
    assert_eq!(result.where_to_act[0].attribute.as_str(), "rate");
    assert!(result.where_to_act[0].speaks_to.is_some());
    // Better value than the market overall, barely.
    let cva = result.cva().unwrap();
    assert!((1.0..1.1).contains(&cva), "{cva}");
    assert!(result.withheld.is_empty());
}
