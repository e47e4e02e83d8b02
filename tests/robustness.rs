//! No input makes the crate panic, and whatever loads survives a round trip.
//!
//! Arbitrary bytes and arbitrary mutations of the samples (bytes dropped,
//! inserted, replaced; lines repeated, dropped and swapped) go to every loader
//! of every document type, in JSON and in TOML. What loads is written back as
//! JSON and as TOML and must load again unchanged; it is then handed to every
//! entry point that takes it: the rule catalogues under both profiles, the
//! scorer, the culture judgement, the review and the renderers. The fuzz
//! targets under `fuzz/` do the same, coverage-guided, for longer.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Debug;
use std::sync::OnceLock;

use customer_strategy::validate::{Config, Profile, RuleSet};
use customer_strategy::{
    Assessment, Canvas, CultureSignals, Document, Instrument, OrganizationReview, ReviewOptions,
    Round, Scorer, ScoringOptions, Thresholds, judge_all, rules,
};
use proptest::prelude::*;

const SAMPLES: &[(&str, &str)] = &[
    (
        "canvas",
        include_str!("../examples/data/harbour_bank_canvas.toml"),
    ),
    (
        "canvas",
        include_str!("../examples/data/harbour_bank_canvas.json"),
    ),
    (
        "canvas",
        include_str!("../examples/data/workshop_draft_canvas.toml"),
    ),
    (
        "round",
        include_str!("../examples/data/team_round_2026.toml"),
    ),
    (
        "round",
        include_str!("../examples/data/team_round_2025.json"),
    ),
    (
        "signals",
        include_str!("../examples/data/harbour_bank_culture.toml"),
    ),
    (
        "instrument",
        include_str!("../data/customer_strategy_maturity.toml"),
    ),
    (
        "config",
        "schema_version = 1\n[rules.CANVAS-HORIZON-003]\nseverity = \"warning\"\nparams = { min_years = 3, max_years = 4 }\n",
    ),
];

fn built_in() -> &'static Instrument {
    static INSTRUMENT: OnceLock<Instrument> = OnceLock::new();
    INSTRUMENT.get_or_init(|| Instrument::customer_strategy_maturity().unwrap())
}

/// Writes a loaded document back in both formats and reads it again.
fn round_trips<D: Document + PartialEq + Debug>(document: &D) {
    let json = document
        .to_json()
        .expect("a loaded document can be written as JSON");
    assert_eq!(&D::from_json(&json).expect("written JSON loads"), document);
    let toml = document
        .to_toml()
        .expect("a loaded document can be written as TOML");
    assert_eq!(&D::from_toml(&toml).expect("written TOML loads"), document);
}

/// Loads `text` as `D` in both formats; what loads is round-tripped.
fn load_both<D: Document + PartialEq + Debug>(text: &str) -> Vec<D> {
    let mut loaded = Vec::new();
    for document in [D::from_json(text), D::from_toml(text)]
        .into_iter()
        .flatten()
    {
        round_trips(&document);
        loaded.push(document);
    }
    loaded
}

/// Every loader, and every entry point that takes what loads.
fn exercise(text: &str) {
    for canvas in load_both::<Canvas>(text) {
        let set = RuleSet::<Canvas>::builder()
            .rules(rules::canvas())
            .build()
            .unwrap();
        for profile in [Profile::Draft, Profile::Final] {
            let report = set.validate(&canvas, profile);
            assert_eq!(set.is_valid(&canvas, profile), report.is_valid());
        }
    }
    for instrument in load_both::<Instrument>(text) {
        let set = RuleSet::<Instrument>::builder()
            .rules(rules::instrument())
            .build()
            .unwrap();
        let _ = set.validate(&instrument, Profile::Final);
        if let Ok(scorer) = Scorer::new(&instrument) {
            // The sample round, answered against whatever instrument loaded.
            let round = Round::from_toml(SAMPLES[3].1).unwrap();
            let _ = scorer.score_round(&round, &ScoringOptions::default());
        }
    }
    for round in load_both::<Round>(text) {
        let scorer = Scorer::new(built_in()).unwrap();
        let result = scorer.score_round(&round, &ScoringOptions::default());
        let _ = judge_all(None, Some(&result), &Thresholds::default());
        let review = OrganizationReview {
            canvas: None,
            signals: None,
            assessment: Some(Assessment {
                instrument: built_in().clone(),
                round: round.clone(),
            }),
            value: None,
        };
        let set = RuleSet::<Assessment>::builder()
            .rules(rules::responses())
            .build()
            .unwrap();
        let _ = set.validate(review.assessment.as_ref().unwrap(), Profile::Final);
        if let Ok(reviewed) = review.assess(&ReviewOptions::default()) {
            render(&result, &reviewed, &review);
        }
    }
    for signals in load_both::<CultureSignals>(text) {
        let _ = judge_all(Some(&signals), None, &Thresholds::default());
        let review = OrganizationReview {
            canvas: None,
            signals: Some(signals),
            assessment: None,
            value: None,
        };
        let set = RuleSet::<OrganizationReview>::builder()
            .rules(rules::culture())
            .rules(rules::review())
            .build()
            .unwrap();
        let _ = set.validate(&review, Profile::Final);
        let _ = review.assess(&ReviewOptions::default());
    }
    for config in load_both::<Config>(text) {
        // A configuration may be refused by the set it configures, never panic.
        let _ = RuleSet::<Canvas>::builder()
            .rules(rules::canvas())
            .config(config)
            .build();
    }
}

#[cfg(feature = "render")]
fn render(
    result: &customer_strategy::RoundResult,
    reviewed: &customer_strategy::ReviewResult,
    review: &OrganizationReview,
) {
    use customer_strategy::render::{
        ReviewReport, gap_chart, html_report, markdown_report, radar_chart,
    };
    let checks = RuleSet::<OrganizationReview>::builder()
        .rules(rules::review())
        .build()
        .unwrap()
        .validate(review, Profile::Final);
    let report = ReviewReport::new("Organization", result, reviewed, &checks);
    let svg = radar_chart(result, None);
    assert!(roxmltree::Document::parse(&svg).is_ok(), "{svg}");
    assert!(roxmltree::Document::parse(&gap_chart(result)).is_ok());
    assert_eq!(html_report(&report), html_report(&report));
    let _ = markdown_report(&report);
}

#[cfg(not(feature = "render"))]
fn render(
    _: &customer_strategy::RoundResult,
    _: &customer_strategy::ReviewResult,
    _: &OrganizationReview,
) {
}

/// One change to a text.
#[derive(Clone, Debug)]
enum Mutation {
    DropBytes { at: usize, len: usize },
    InsertText { at: usize, text: String },
    ReplaceByte { at: usize, byte: u8 },
    RepeatLine { line: usize },
    DropLine { line: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = prop_oneof![
        Just("\"".to_owned()),
        Just("[".to_owned()),
        Just("{".to_owned()),
        Just(",".to_owned()),
        Just("nan".to_owned()),
        Just("1e400".to_owned()),
        Just("\\ud800".to_owned()),
        Just("\u{FFFE}".to_owned()),
        Just("\n".to_owned()),
        Just("= ".to_owned()),
        Just("-1".to_owned()),
        any::<String>(),
    ];
    prop_oneof![
        (any::<usize>(), 1usize..16).prop_map(|(at, len)| Mutation::DropBytes { at, len }),
        (any::<usize>(), special).prop_map(|(at, text)| Mutation::InsertText { at, text }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::ReplaceByte { at, byte }),
        any::<usize>().prop_map(|line| Mutation::RepeatLine { line }),
        any::<usize>().prop_map(|line| Mutation::DropLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for mutation in mutations {
        let n = bytes.len().max(1);
        match mutation {
            Mutation::DropBytes { at, len } => {
                let at = at % n;
                let end = (at + len).min(bytes.len());
                bytes.drain(at.min(bytes.len())..end);
            }
            Mutation::InsertText { at, text } => {
                let at = (at % n).min(bytes.len());
                bytes.splice(at..at, text.bytes());
            }
            Mutation::ReplaceByte { at, byte } => {
                if let Some(b) = bytes.get_mut(at % n) {
                    *b = *byte;
                }
            }
            Mutation::RepeatLine { .. }
            | Mutation::DropLine { .. }
            | Mutation::SwapLines { .. } => {
                let owned = String::from_utf8_lossy(&bytes).into_owned();
                let mut lines: Vec<&str> = owned.split('\n').collect();
                let count = lines.len();
                match mutation {
                    Mutation::RepeatLine { line } => {
                        let line = lines[line % count];
                        lines.insert(0, line);
                    }
                    Mutation::DropLine { line } => {
                        lines.remove(line % count);
                    }
                    Mutation::SwapLines { a, b } => lines.swap(a % count, b % count),
                    _ => {}
                }
                bytes = lines.join("\n").into_bytes();
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    // 64 cases by default; `PROPTEST_CASES` asks for more.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        exercise(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn mutated_samples_never_panic_and_what_loads_round_trips(
        sample in 0..SAMPLES.len(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let (_, text) = SAMPLES[sample];
        exercise(&apply(text, &mutations));
    }
}

#[test]
fn every_sample_loads_and_round_trips() {
    for (kind, text) in SAMPLES {
        let loaded = match *kind {
            "canvas" => load_both::<Canvas>(text).len(),
            "round" => load_both::<Round>(text).len(),
            "signals" => load_both::<CultureSignals>(text).len(),
            "instrument" => load_both::<Instrument>(text).len(),
            _ => load_both::<Config>(text).len(),
        };
        assert_eq!(loaded, 1, "a {kind} sample loads in exactly one format");
        exercise(text);
    }
}
