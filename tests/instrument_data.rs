//! Checks the built-in instrument and the sample rounds in `examples/data/` like
//! any other documents: they load, round-trip, hang together, and the sample
//! rounds answer the instrument they name.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, HashSet};

use customer_strategy::{
    Answer, Document, Instrument, OrgLevel, Round, Scorer, ScoringOptions, Trend,
};

const ROUND_2026_TOML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/team_round_2026.toml"
));
const ROUND_2026_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/team_round_2026.json"
));
const ROUND_2025_TOML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/team_round_2025.toml"
));
const ROUND_2025_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/team_round_2025.json"
));

/// The sample rounds as (name, TOML, JSON), earlier round first.
const ROUNDS: [(&str, &str, &str); 2] = [
    ("team_round_2025", ROUND_2025_TOML, ROUND_2025_JSON),
    ("team_round_2026", ROUND_2026_TOML, ROUND_2026_JSON),
];

/// The themes every customer strategy maturity instrument must cover.
const THEMES: [&str; 6] = [
    "strategy",
    "insight",
    "experience",
    "culture",
    "measurement",
    "value",
];

/// The levels every sample round must hear from.
const SURVEYED: [OrgLevel; 4] = [
    OrgLevel::Board,
    OrgLevel::Executive,
    OrgLevel::Manager,
    OrgLevel::FrontLine,
];

/// The longest prompt or next step, in characters.
const MAX_TEXT: usize = 300;

fn instrument() -> Instrument {
    Instrument::customer_strategy_maturity().unwrap_or_else(|e| panic!("{e}"))
}

#[track_caller]
fn load_round_toml(name: &str, text: &str) -> Round {
    Round::from_toml(text).unwrap_or_else(|e| panic!("{name}.toml: {e}"))
}

#[track_caller]
fn load_round_json(name: &str, text: &str) -> Round {
    Round::from_json(text).unwrap_or_else(|e| panic!("{name}.json: {e}"))
}

/// Collects ids into a set, failing on a duplicate.
#[track_caller]
fn unique<'a>(what: &str, ids: impl IntoIterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut set = HashSet::new();
    for id in ids {
        assert!(set.insert(id), "duplicate {what} id `{id}`");
    }
    set
}

#[track_caller]
fn assert_text(what: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{what} is empty");
    let length = text.chars().count();
    assert!(
        length <= MAX_TEXT,
        "{what} is {length} characters long, more than {MAX_TEXT}: {text}"
    );
}

// -----------------------------------------------------------------------------
// The built-in instrument
// -----------------------------------------------------------------------------

#[test]
fn built_in_instrument_loads_with_its_id_and_version() {
    let instrument = instrument();
    assert_eq!(instrument.id.as_str(), "customer-strategy-maturity");
    assert_eq!(instrument.version, "1.0");
    assert_eq!(instrument.schema_version.get(), 1);
    assert!(!instrument.name.trim().is_empty());
    assert!(!instrument.description.trim().is_empty());
    assert_eq!(
        Instrument::from_toml(Instrument::customer_strategy_maturity_toml()).unwrap(),
        instrument
    );
}

#[test]
fn built_in_instrument_round_trips_toml_and_json() {
    let instrument = instrument();
    let from_toml = Instrument::from_toml(&instrument.to_toml().unwrap()).unwrap();
    assert_eq!(from_toml, instrument);
    let from_json = Instrument::from_json(&instrument.to_json().unwrap()).unwrap();
    assert_eq!(from_json, instrument);
    // And across: TOML written from what JSON read.
    let across = Instrument::from_toml(&from_json.to_toml().unwrap()).unwrap();
    assert_eq!(across, instrument);
}

#[test]
fn built_in_instrument_can_be_scored() {
    let instrument = instrument();
    Scorer::new(&instrument).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn scale_runs_from_one_to_five_with_a_label_per_point() {
    let scale = instrument().scale;
    assert_eq!((scale.min, scale.max), (1, 5));
    let labelled: Vec<u8> = scale.labels.iter().map(|l| l.value).collect();
    assert_eq!(labelled, [1, 2, 3, 4, 5]);
    for label in &scale.labels {
        assert!(
            !label.label.trim().is_empty(),
            "point {} has no label",
            label.value
        );
    }
    assert!(scale.dont_know);
    assert!(scale.not_applicable);
}

#[test]
fn dimensions_cover_the_six_themes_with_unique_ids_and_positive_weights() {
    let instrument = instrument();
    assert!(instrument.dimensions.len() >= 6);
    let ids = unique(
        "dimension",
        instrument.dimensions.iter().map(|d| d.id.as_str()),
    );
    for theme in THEMES {
        assert!(ids.contains(theme), "no dimension `{theme}`");
    }
    for dimension in &instrument.dimensions {
        assert!(
            dimension.weight.is_finite() && dimension.weight > 0.0,
            "dimension `{}` has the weight {}",
            dimension.id,
            dimension.weight
        );
        assert!(
            !dimension.name.trim().is_empty(),
            "dimension `{}` has no name",
            dimension.id
        );
        assert!(
            !dimension.description.trim().is_empty(),
            "dimension `{}` has no description",
            dimension.id
        );
    }
}

#[test]
fn items_belong_to_known_dimensions_with_unique_ids_and_positive_weights() {
    let instrument = instrument();
    let dimensions = unique(
        "dimension",
        instrument.dimensions.iter().map(|d| d.id.as_str()),
    );
    unique("item", instrument.items.iter().map(|i| i.id.as_str()));
    for item in &instrument.items {
        assert!(
            dimensions.contains(item.dimension.as_str()),
            "item `{}` belongs to the unknown dimension `{}`",
            item.id,
            item.dimension
        );
        assert!(
            item.weight.is_finite() && item.weight > 0.0,
            "item `{}` has the weight {}",
            item.id,
            item.weight
        );
        assert_text(&format!("the prompt of item `{}`", item.id), &item.prompt);
        assert!(
            !item.evidence_hint.trim().is_empty(),
            "item `{}` has no evidence hint",
            item.id
        );
    }
}

#[test]
fn every_dimension_has_at_least_four_items() {
    let instrument = instrument();
    for dimension in &instrument.dimensions {
        let count = instrument
            .items
            .iter()
            .filter(|i| i.dimension == dimension.id)
            .count();
        assert!(count >= 4, "dimension `{}` has {count} items", dimension.id);
    }
}

#[test]
fn some_items_are_reversed_and_some_are_asked_of_some_levels_only() {
    let instrument = instrument();
    assert!(instrument.items.iter().any(|i| i.reverse));
    assert!(instrument.items.iter().any(|i| !i.asked_of.is_empty()));
    // Every level still gets items of every dimension.
    for level in SURVEYED {
        for dimension in &instrument.dimensions {
            assert!(
                instrument
                    .items
                    .iter()
                    .any(|i| i.dimension == dimension.id && i.is_asked_of(level)),
                "no item of `{}` is asked of {level}",
                dimension.id
            );
        }
    }
}

#[test]
fn five_levels_cover_zero_to_one_hundred_without_gap_or_overlap() {
    let instrument = instrument();
    let numbers: Vec<u8> = instrument.levels.iter().map(|l| l.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    let mut levels: Vec<_> = instrument.levels.iter().collect();
    levels.sort_by(|a, b| a.band.from.total_cmp(&b.band.from));
    assert_eq!(levels.first().unwrap().band.from, 0.0);
    assert_eq!(levels.last().unwrap().band.to, 100.0);
    for level in &levels {
        assert!(
            level.band.from < level.band.to,
            "level {} has an empty band",
            level.number
        );
        assert!(
            !level.name.trim().is_empty(),
            "level {} has no name",
            level.number
        );
        assert!(
            !level.description.trim().is_empty(),
            "level {} has no description",
            level.number
        );
    }
    for pair in levels.windows(2) {
        assert_eq!(
            pair[0].band.to, pair[1].band.from,
            "levels {} and {} do not meet",
            pair[0].number, pair[1].number
        );
        assert!(
            pair[0].number < pair[1].number,
            "higher scores must mean higher levels"
        );
    }
    for score in [0.0, 19.99, 20.0, 50.0, 79.99, 80.0, 100.0] {
        let holding = instrument
            .levels
            .iter()
            .filter(|l| l.band.contains(score))
            .count();
        assert_eq!(holding, 1, "{score} falls into {holding} levels");
    }
}

#[test]
fn every_level_has_next_steps_for_every_dimension() {
    let instrument = instrument();
    for level in &instrument.levels {
        unique(
            "next-steps dimension",
            level.next_steps.iter().map(|s| s.dimension.as_str()),
        );
        for steps in &level.next_steps {
            assert!(
                instrument.dimension(steps.dimension.as_str()).is_some(),
                "level {} has next steps for the unknown dimension `{}`",
                level.number,
                steps.dimension
            );
        }
        for dimension in &instrument.dimensions {
            let steps = level
                .next_steps_for(dimension.id.as_str())
                .unwrap_or_else(|| {
                    panic!(
                        "level {} has no next steps for `{}`",
                        level.number, dimension.id
                    )
                });
            assert!(
                steps.steps.len() >= 2,
                "level {} has {} next steps for `{}`",
                level.number,
                steps.steps.len(),
                dimension.id
            );
            for (i, step) in steps.steps.iter().enumerate() {
                assert_text(
                    &format!(
                        "next step {i} of `{}` at level {}",
                        dimension.id, level.number
                    ),
                    step,
                );
            }
        }
    }
}

#[test]
fn built_in_instrument_has_a_weakest_link_rule() {
    let rule = instrument().weakest_link.expect("a weakest-link rule");
    assert_eq!(rule.max_levels_above, 1);
}

// -----------------------------------------------------------------------------
// The sample rounds
// -----------------------------------------------------------------------------

#[test]
fn json_and_toml_of_each_sample_round_load_to_the_same_round() {
    for (name, toml, json) in ROUNDS {
        assert_eq!(
            load_round_toml(name, toml),
            load_round_json(name, json),
            "{name}"
        );
    }
}

#[test]
fn committed_round_json_is_exactly_what_the_model_writes() {
    for (name, toml, json) in ROUNDS {
        let written = load_round_toml(name, toml).to_json().unwrap();
        assert_eq!(
            json,
            format!("{written}\n"),
            "examples/data/{name}.json is out of date: regenerate it from the TOML with to_json()"
        );
    }
}

#[test]
fn sample_rounds_round_trip_through_toml() {
    for (name, toml, _) in ROUNDS {
        let round = load_round_toml(name, toml);
        assert_eq!(
            Round::from_toml(&round.to_toml().unwrap()).unwrap(),
            round,
            "{name}"
        );
    }
}

#[test]
fn sample_rounds_name_the_built_in_instrument() {
    let instrument = instrument();
    for (name, toml, _) in ROUNDS {
        let round = load_round_toml(name, toml);
        assert_eq!(round.instrument.id, instrument.id, "{name}");
        assert_eq!(round.instrument.version, instrument.version, "{name}");
        assert!(!round.name.trim().is_empty(), "{name} has no name");
    }
}

#[test]
fn sample_rounds_hear_from_every_level() {
    for (name, toml, _) in ROUNDS {
        let round = load_round_toml(name, toml);
        assert!(
            round.responses.len() >= 16,
            "{name} has {} respondents",
            round.responses.len()
        );
        unique(
            "respondent",
            round.responses.iter().map(|r| r.respondent.id.as_str()),
        );
        let mut per_level: BTreeMap<OrgLevel, usize> = BTreeMap::new();
        for response in &round.responses {
            *per_level.entry(response.respondent.level).or_default() += 1;
            assert!(
                response.respondent.department.is_some(),
                "{name}: {} has no department",
                response.respondent.id
            );
        }
        for level in SURVEYED {
            let count = per_level.get(&level).copied().unwrap_or(0);
            assert!(count >= 3, "{name} has {count} respondents at {level}");
        }
    }
}

#[test]
fn sample_rounds_answer_the_items_asked_of_each_level_on_the_scale() {
    let instrument = instrument();
    let scale = &instrument.scale;
    for (name, toml, _) in ROUNDS {
        let round = load_round_toml(name, toml);
        for response in &round.responses {
            let who = &response.respondent;
            for (id, answer) in &response.answers {
                let item = instrument
                    .items
                    .iter()
                    .find(|i| &i.id == id)
                    .unwrap_or_else(|| {
                        panic!("{name}: {} answers the unknown item `{id}`", who.id)
                    });
                assert!(
                    item.is_asked_of(who.level),
                    "{name}: {} answers `{id}`, which is not asked of {}",
                    who.id,
                    who.level
                );
                match *answer {
                    Answer::Point(point) => assert!(
                        scale.contains(point),
                        "{name}: {} answers `{id}` with {point}, off the scale",
                        who.id
                    ),
                    Answer::DontKnow => assert!(scale.dont_know, "{name}: `{id}`"),
                    Answer::NotApplicable => assert!(scale.not_applicable, "{name}: `{id}`"),
                    _ => panic!("{name}: {} answers `{id}` with {answer:?}", who.id),
                }
            }
            for item in instrument.items.iter().filter(|i| i.is_asked_of(who.level)) {
                assert!(
                    response.answers.contains_key(&item.id),
                    "{name}: {} leaves `{}` unanswered",
                    who.id,
                    item.id
                );
            }
            let points: HashSet<u8> = response
                .answers
                .values()
                .filter_map(|a| match a {
                    Answer::Point(p) => Some(*p),
                    _ => None,
                })
                .collect();
            assert!(
                points.len() > 1,
                "{name}: {} gives the same point throughout",
                who.id
            );
        }
    }
}

#[test]
fn sample_rounds_tell_the_story_of_the_gap_and_the_progress() {
    let instrument = instrument();
    let scorer = Scorer::new(&instrument).unwrap();
    let options = ScoringOptions::default();
    let results: Vec<_> = ROUNDS
        .iter()
        .map(|(name, toml, _)| scorer.score_round(&load_round_toml(name, toml), &options))
        .collect();
    for result in &results {
        for level in &result.levels {
            assert!(
                level.reported,
                "{}: {} not reported",
                result.round, level.level
            );
        }
        for dimension in ["culture", "measurement"] {
            let gap = result.dimension(dimension).unwrap().gap.clone().unwrap();
            assert!(
                gap.flagged,
                "{}: the gap on `{dimension}` is not flagged",
                result.round
            );
            assert!(
                gap.points > 20.0,
                "{}: the gap on `{dimension}` is {}",
                result.round,
                gap.points
            );
            assert_eq!(
                gap.lowest,
                OrgLevel::FrontLine,
                "{}: `{dimension}`",
                result.round
            );
        }
        let level = result.level.as_ref().unwrap().number;
        assert!((2..=3).contains(&level), "{}: level {level}", result.round);
    }
    let trend = Trend::between(&results[0], &results[1]);
    assert!(trend.overall.unwrap().change > 0.0);
    let improved = trend
        .dimensions
        .iter()
        .filter(|d| d.change.unwrap().change > 0.0)
        .count();
    assert!(improved >= 4, "only {improved} dimensions improved");
}
