//! Keeps the sample canvases in `examples/data/` honest: they load, round-trip,
//! agree between JSON and TOML, stay generated from the model, and hang together.
//! After editing a sample's TOML, `UPDATE_SAMPLES=1 cargo test --test samples`
//! writes its JSON again.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeSet, HashSet};
use std::fmt::Debug;
use std::hash::Hash;

use customer_strategy::{
    Block, Canvas, Document, Lifecycle, Measured, Perspective, Stage, TouchPointKind,
};

const COMPLETE_TOML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/harbour_bank_canvas.toml"
));
const COMPLETE_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/harbour_bank_canvas.json"
));
const DRAFT_TOML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/workshop_draft_canvas.toml"
));
const DRAFT_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/workshop_draft_canvas.json"
));

/// The samples as (name, TOML, JSON).
const SAMPLES: [(&str, &str, &str); 3] = [
    ("harbour_bank_canvas", COMPLETE_TOML, COMPLETE_JSON),
    ("workshop_draft_canvas", DRAFT_TOML, DRAFT_JSON),
    ("harbour_bank_canvas_rev2", REVISION_TOML, REVISION_JSON),
];

const REVISION_TOML: &str = include_str!("../examples/data/harbour_bank_canvas_rev2.toml");
const REVISION_JSON: &str = include_str!("../examples/data/harbour_bank_canvas_rev2.json");

#[track_caller]
fn load_toml(text: &str) -> Canvas {
    Canvas::from_toml(text).unwrap_or_else(|e| panic!("{e}"))
}

#[track_caller]
fn load_json(text: &str) -> Canvas {
    Canvas::from_json(text).unwrap_or_else(|e| panic!("{e}"))
}

/// The 1-based number of the first line of `text` that contains `needle`.
#[track_caller]
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .map(|index| index + 1)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text"))
}

#[test]
fn json_and_toml_of_each_sample_load_to_the_same_canvas() {
    for (name, toml, json) in SAMPLES {
        assert_eq!(load_toml(toml), load_json(json), "{name}");
    }
}

#[test]
fn committed_json_is_exactly_what_the_model_writes() {
    for (name, toml, json) in SAMPLES {
        let written = load_toml(toml).to_json().unwrap();
        // `UPDATE_SAMPLES=1 cargo test --test samples` rewrites the JSON from the TOML.
        if std::env::var_os("UPDATE_SAMPLES").is_some() {
            let path = format!("{}/examples/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
            std::fs::write(path, format!("{written}\n")).unwrap();
            continue;
        }
        assert_eq!(
            json,
            format!("{written}\n"),
            "examples/data/{name}.json is out of date: regenerate it from the TOML with to_json()"
        );
    }
}

#[test]
fn complete_sample_round_trips_json_to_toml() {
    let canvas = load_json(COMPLETE_JSON);
    let again = load_toml(&canvas.to_toml().unwrap());
    assert_eq!(again, canvas);
}

#[test]
fn complete_sample_round_trips_toml_to_json() {
    let canvas = load_toml(COMPLETE_TOML);
    let again = load_json(&canvas.to_json().unwrap());
    assert_eq!(again, canvas);
}

#[test]
fn every_block_of_the_complete_sample_is_filled() {
    let canvas = load_toml(COMPLETE_TOML);
    for block in Block::ALL {
        assert!(canvas.is_filled(block), "{block} is empty");
    }
}

#[test]
fn draft_sample_fills_some_blocks_and_leaves_the_others_empty() {
    let canvas = load_toml(DRAFT_TOML);
    assert_eq!(canvas.metadata.stage, Stage::Draft);
    let filled: Vec<Block> = canvas.filled_blocks().collect();
    assert_eq!(
        filled,
        [
            Block::Foundation,
            Block::CustomerContext,
            Block::CustomerValue,
            Block::Experience,
        ]
    );
}

#[test]
fn misspelt_field_in_the_toml_sample_is_named_with_its_line() {
    let expected_line = line_of(COMPLETE_TOML, "organization =");
    let misspelt = COMPLETE_TOML.replacen("organization =", "organisation =", 1);

    let error = Canvas::from_toml(&misspelt).unwrap_err();

    assert!(error.is_unknown_field(), "{error}");
    assert_eq!(error.field(), Some("metadata.organisation"));
    assert_eq!(error.line(), Some(expected_line));
    let message = error.to_string();
    assert!(message.contains("`metadata.organisation`"), "{message}");
    assert!(
        message.contains(&format!("line {expected_line},")),
        "{message}"
    );
}

#[test]
fn misspelt_field_in_the_json_sample_is_named_with_its_line() {
    let expected_line = line_of(COMPLETE_JSON, "\"organization\":");
    let misspelt = COMPLETE_JSON.replacen("\"organization\":", "\"organisation\":", 1);

    let error = Canvas::from_json(&misspelt).unwrap_err();

    assert!(error.is_unknown_field(), "{error}");
    assert_eq!(error.field(), Some("metadata.organisation"));
    assert_eq!(error.line(), Some(expected_line));
    let message = error.to_string();
    assert!(message.contains("`metadata.organisation`"), "{message}");
    assert!(
        message.contains(&format!("line {expected_line},")),
        "{message}"
    );
}

/// Collects ids into a set, failing on a duplicate.
#[track_caller]
fn unique<T: Eq + Hash + Debug>(what: &str, ids: impl IntoIterator<Item = T>) -> HashSet<T> {
    let mut set = HashSet::new();
    for id in ids {
        assert!(!set.contains(&id), "duplicate {what} id {id:?}");
        set.insert(id);
    }
    set
}

#[track_caller]
fn resolves<T: Eq + Hash + Debug>(set: &HashSet<T>, id: &T, what: &str, from: &str) {
    assert!(set.contains(id), "{from} points at unknown {what} {id:?}");
}

/// Checks that every id is unique within its kind, that every reference points at
/// an element of the canvas, and that every need is served by a value element.
#[track_caller]
fn assert_references_resolve(canvas: &Canvas) {
    let customer = &canvas.context.customer;
    let proposition = &canvas.proposition;
    let offerings = &canvas.value_chain.offerings;
    let performance = &canvas.steering.performance;

    let segments = unique("segment", customer.segments.iter().map(|s| s.id));
    let needs = unique(
        "need",
        customer
            .segments
            .iter()
            .flat_map(|s| &s.needs)
            .map(|n| n.id),
    );
    let elements = unique(
        "value element",
        proposition.customer_value.elements.iter().map(|e| e.id),
    );
    let journeys = unique(
        "journey",
        proposition.experience.journeys.iter().map(|j| j.id),
    );
    let touch_points = unique(
        "touch point",
        proposition
            .experience
            .journeys
            .iter()
            .flat_map(|j| j.touch_points())
            .map(|t| t.id),
    );
    let offering_ids = unique("offering", offerings.offerings.iter().map(|o| o.id));
    let gaps = unique(
        "capability gap",
        offerings.capability_gaps.iter().map(|g| g.id),
    );
    let metrics = unique("metric", performance.metrics.iter().map(|m| m.id));
    let objectives = unique("objective", performance.objectives.iter().map(|o| o.id));
    let goals = unique(
        "business goal",
        canvas.foundation.business_goals.iter().map(|g| g.id),
    );

    for segment in &customer.segments {
        for user in &segment.users {
            resolves(&segments, user, "segment", &segment.name);
        }
    }

    let mut served = HashSet::new();
    for element in &proposition.customer_value.elements {
        for need in &element.serves {
            resolves(&needs, need, "need", &element.name);
            served.insert(*need);
        }
    }
    for segment in &customer.segments {
        for need in &segment.needs {
            assert!(
                served.contains(&need.id),
                "need `{}` of `{}` is served by no value element",
                need.description,
                segment.name
            );
        }
    }

    for investment in &proposition.business_value.investments {
        for gap in &investment.closes {
            resolves(&gaps, gap, "capability gap", &investment.description);
        }
    }
    for journey in &proposition.experience.journeys {
        let segment = journey
            .segment
            .unwrap_or_else(|| panic!("journey `{}` names no segment", journey.name));
        resolves(&segments, &segment, "segment", &journey.name);
    }

    for offering in &offerings.offerings {
        for segment in &offering.segments {
            resolves(&segments, segment, "segment", &offering.name);
        }
    }
    for gap in &offerings.capability_gaps {
        for offering in &gap.affects {
            resolves(&offering_ids, offering, "offering", &gap.description);
        }
        for closed in gap.investment.iter().flat_map(|i| &i.closes) {
            resolves(&gaps, closed, "capability gap", &gap.description);
        }
    }
    for capability in &canvas.value_chain.capabilities.capabilities {
        for offering in &capability.supports {
            resolves(&offering_ids, offering, "offering", &capability.name);
        }
    }

    for objective in &performance.objectives {
        for segment in &objective.segments {
            resolves(&segments, segment, "segment", &objective.statement);
        }
        if let Some(goal) = &objective.business_goal {
            resolves(&goals, goal, "business goal", &objective.statement);
        }
    }
    for metric in &performance.metrics {
        let from = metric.name.as_str();
        for measured in &metric.measures {
            match measured {
                Measured::Objective(id) => resolves(&objectives, id, "objective", from),
                Measured::BusinessGoal(id) => resolves(&goals, id, "business goal", from),
                Measured::ValueElement(id) => resolves(&elements, id, "value element", from),
                Measured::Journey(id) => resolves(&journeys, id, "journey", from),
                Measured::TouchPoint(id) => resolves(&touch_points, id, "touch point", from),
                Measured::Offering(id) => resolves(&offering_ids, id, "offering", from),
                Measured::Segment(id) => resolves(&segments, id, "segment", from),
                Measured::CapabilityGap(id) => resolves(&gaps, id, "capability gap", from),
                other => panic!("{from} measures {other:?}, which this test does not know"),
            }
        }
    }
    for incentive in &performance.incentives {
        for metric in &incentive.rewards {
            resolves(&metrics, metric, "metric", &incentive.name);
        }
    }
}

#[test]
fn every_reference_in_the_complete_sample_resolves_and_every_need_is_served() {
    assert_references_resolve(&load_toml(COMPLETE_TOML));
}

#[test]
fn every_reference_in_the_draft_sample_resolves_and_every_need_is_served() {
    assert_references_resolve(&load_toml(DRAFT_TOML));
}

/// Every string in the document, with its JSON path.
fn strings(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) => out.push((path, text.clone())),
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                strings(item, format!("{path}/{index}"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, field) in fields {
                strings(field, format!("{path}/{key}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn no_text_in_the_samples_is_blank_or_longer_than_a_thousand_characters() {
    for (name, _, json) in SAMPLES {
        let mut found = Vec::new();
        strings(
            &serde_json::from_str(json).unwrap(),
            String::new(),
            &mut found,
        );
        for (path, text) in found {
            assert!(!text.trim().is_empty(), "{name}: {path} is blank");
            assert!(
                text.chars().count() <= 1000,
                "{name}: {path} is {} characters long",
                text.chars().count()
            );
        }
    }
}

/// A few of the expectations a final strategy must meet, checked by hand until the
/// validation engine can check them all.
#[test]
fn complete_sample_has_what_a_final_strategy_needs() {
    let canvas = load_toml(COMPLETE_TOML);
    let metadata = &canvas.metadata;
    assert_eq!(metadata.stage, Stage::Approved);
    let months = metadata.horizon.unwrap().months();
    assert!((36..=60).contains(&months), "horizon of {months} months");
    assert!(
        metadata
            .owner
            .as_ref()
            .unwrap()
            .role
            .is_customer_leadership()
    );
    assert!(metadata.stakeholders.iter().all(|s| s.signed_off.is_some()));
    let functions: BTreeSet<_> = metadata.stakeholders.iter().map(|s| s.function).collect();
    assert!(functions.len() >= 4);
    assert!(metadata.functional_strategies.iter().all(|s| s.aligned));

    // Every segment has a journey with a service or support moment in it.
    for segment in &canvas.context.customer.segments {
        let served = canvas
            .proposition
            .experience
            .journeys
            .iter()
            .filter(|j| j.segment == Some(segment.id))
            .flat_map(|j| j.touch_points())
            .any(|t| t.kind.is_service_or_support());
        assert!(
            served,
            "`{}` has no service or support moment",
            segment.name
        );
    }
    let touch_points: Vec<_> = canvas
        .proposition
        .experience
        .journeys
        .iter()
        .flat_map(|j| j.touch_points())
        .collect();
    assert!(touch_points.iter().all(|t| t.owner.is_some()));
    assert!(
        touch_points
            .iter()
            .any(|t| t.kind == TouchPointKind::Complaint)
    );

    // Acquire, retain and grow, without spending everything on acquisition.
    let performance = &canvas.steering.performance;
    let lifecycles: BTreeSet<_> = performance.objectives.iter().map(|o| o.lifecycle).collect();
    assert_eq!(lifecycles, Lifecycle::ALL.into_iter().collect());
    let share = |lifecycle: Option<Lifecycle>| -> f64 {
        performance
            .objectives
            .iter()
            .filter(|o| lifecycle.is_none_or(|l| o.lifecycle == l))
            .map(|o| o.investment_share.unwrap().get())
            .sum()
    };
    assert!(share(Some(Lifecycle::Acquire)) <= 0.4);
    assert!(share(None) <= 1.0 + 1e-9);
    let goals_supported: HashSet<_> = performance
        .objectives
        .iter()
        .map(|o| o.business_goal.unwrap())
        .collect();
    for goal in &canvas.foundation.business_goals {
        assert!(goals_supported.contains(&goal.id), "{}", goal.statement);
    }

    // Value both ways: a customer metric on the customer's return and a business
    // metric on the business's return, each with a target and an owner.
    assert!(
        performance
            .metrics
            .iter()
            .all(|m| m.target.is_some() && m.owner.is_some() && !m.measures.is_empty())
    );
    assert!(performance.metrics.iter().any(|m| {
        m.perspective == Perspective::Customer
            && m.measures
                .iter()
                .any(|x| matches!(x, Measured::ValueElement(_) | Measured::Objective(_)))
    }));
    assert!(performance.metrics.iter().any(|m| {
        m.perspective == Perspective::Business
            && m.measures
                .iter()
                .any(|x| matches!(x, Measured::BusinessGoal(_)))
    }));
}

/// People writing TOML by hand use its own unquoted dates; they read the same.
#[test]
fn native_toml_dates_load_like_quoted_ones() {
    let quoted = COMPLETE_TOML.to_owned();
    let mut native = String::with_capacity(quoted.len());
    for line in quoted.lines() {
        // `start = "2026-01-01"` becomes `start = 2026-01-01`, and so on for
        // every date and time value of the sample.
        let unquoted = line
            .split('"')
            .enumerate()
            .map(|(i, part)| {
                let is_date = part.len() >= 10
                    && part.as_bytes()[4] == b'-'
                    && part.as_bytes()[7] == b'-'
                    && part[..4].bytes().all(|b| b.is_ascii_digit())
                    && !part.contains(' ');
                if i % 2 == 1 && is_date {
                    part.to_owned()
                } else if i % 2 == 1 {
                    format!("\"{part}\"")
                } else {
                    part.to_owned()
                }
            })
            .collect::<String>();
        native.push_str(&unquoted);
        native.push('\n');
    }
    assert_ne!(native, quoted, "the sample should hold quoted dates");
    assert!(native.contains("start = 2026-01-01"), "{native}");
    assert_eq!(
        Canvas::from_toml(&native).unwrap(),
        Canvas::from_toml(&quoted).unwrap()
    );
}
