//! Pins down every rule of the culture and review catalogues (`rules::culture()`
//! and `rules::review()`, run together) with the fixtures in
//! `tests/fixtures/review/`.
//!
//! A fixture builds an [`OrganizationReview`] from up to three parts, each
//! optional: culture signals (a whole `signals` document, or a sample named by
//! `signals_base` with a `signals_patch`), a canvas (a sample named by
//! `canvas_base` with a `canvas_patch`) and a round scored with the built-in
//! instrument (a sample named by `round_base`, or a whole `round`, with a
//! `round_patch`). It gives a profile, an optional rule configuration and the
//! exact list of findings the report must hold.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod fixture_kit;

use fixture_kit::{Expected, Operation, apply, found, has_placeholder, list, parent_of};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use customer_strategy::validate::{Config, Profile, Report, Rule, RuleSet, Severity};
use customer_strategy::{
    Assessment, Canvas, CultureSignals, Document, Instrument, OrganizationReview, ReviewOptions,
    Round, ValueStudy, rules,
};
use serde::Deserialize;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/review");
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// One fixture file, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    /// What the fixture shows, in words.
    description: String,
    /// A whole culture signals document.
    #[serde(default)]
    signals: Option<Value>,
    /// A signals sample in `examples/data/` to start from, instead of `signals`.
    #[serde(default)]
    signals_base: Option<String>,
    /// Operations applied to the signals, in order.
    #[serde(default)]
    signals_patch: Vec<Operation>,
    /// A canvas sample in `examples/data/` to start from.
    #[serde(default)]
    canvas_base: Option<String>,
    /// Operations applied to the canvas, in order.
    #[serde(default)]
    canvas_patch: Vec<Operation>,
    /// A round sample in `examples/data/`, scored with the built-in instrument.
    #[serde(default)]
    round_base: Option<String>,
    /// A whole round document, instead of `round_base`.
    #[serde(default)]
    round: Option<Value>,
    /// Operations applied to the round, in order.
    #[serde(default)]
    round_patch: Vec<Operation>,
    /// A value study sample in `examples/data/` to start from.
    #[serde(default)]
    value_base: Option<String>,
    /// A whole value study, instead of `value_base`.
    #[serde(default)]
    value: Option<Value>,
    /// Operations applied to the value study, in order.
    #[serde(default)]
    value_patch: Vec<Operation>,
    /// The profile the review is judged under.
    profile: Profile,
    /// A rule configuration, as a configuration document.
    #[serde(default)]
    config: Option<Value>,
    /// The exact findings of the report.
    expect: Vec<Expected>,
}

/// A fixture made ready to run.
struct Case {
    name: String,
    fixture: Fixture,
    config: Config,
    review: OrganizationReview,
    /// The serialized review, which every finding path points into.
    document: Value,
    rules: RuleSet<OrganizationReview>,
}

impl Case {
    fn report(&self) -> Report {
        self.rules.validate(&self.review, self.fixture.profile)
    }
}

/// The names of every fixture file, sorted.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(FIXTURES)
        .unwrap_or_else(|e| panic!("cannot read {FIXTURES}: {e}"))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// A JSON sample of `examples/data/`.
fn sample_value(file: &str) -> Result<Value, String> {
    if !file.ends_with(".json") {
        return Err(format!("{file}: samples are named by their `.json` file"));
    }
    let text = fs::read_to_string(Path::new(SAMPLES).join(file))
        .map_err(|e| format!("cannot read {file}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))
}

/// Starts from a whole document or a sample (at most one of the two), then
/// applies the patch; `None` when neither is given and there is no patch.
fn patched(
    part: &str,
    whole: Option<&Value>,
    base: Option<&String>,
    patch: &[Operation],
) -> Result<Option<Value>, String> {
    let mut document = match (whole, base) {
        (Some(whole), None) => whole.clone(),
        (None, Some(base)) => sample_value(base)?,
        (None, None) if patch.is_empty() => return Ok(None),
        (None, None) => return Err(format!("a {part} patch needs a {part} to apply to")),
        (Some(_), Some(_)) => {
            return Err(format!("give at most one of `{part}` and `{part}_base`"));
        }
    };
    for (i, operation) in patch.iter().enumerate() {
        apply(&mut document, operation)
            .map_err(|e| format!("{part} patch operation {i} ({}): {e}", operation.op))?;
    }
    Ok(Some(document))
}

fn load_config(config: Option<&Value>) -> Result<Config, String> {
    match config {
        None => Ok(Config::default()),
        Some(config) => Config::from_json(&config.to_string())
            .map_err(|e| format!("the configuration does not load: {e}")),
    }
}

fn rule_set(config: Config) -> Result<RuleSet<OrganizationReview>, String> {
    RuleSet::builder()
        .rules(rules::culture())
        .rules(rules::review())
        .config(config)
        .build()
        .map_err(|e| e.to_string())
}

/// Reads, patches and loads one fixture; every error names the fixture.
fn load_case(name: &str) -> Result<Case, String> {
    let fail = |message: String| format!("fixture {name}: {message}");
    if !name.ends_with(".json") {
        return Err(fail("fixtures are `.json` files".to_owned()));
    }
    let text = fs::read_to_string(Path::new(FIXTURES).join(name))
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    let fixture: Fixture =
        serde_json::from_str(&text).map_err(|e| fail(format!("not a fixture: {e}")))?;
    if fixture.description.trim().is_empty() {
        return Err(fail("the description is empty".to_owned()));
    }
    let signals = patched(
        "signals",
        fixture.signals.as_ref(),
        fixture.signals_base.as_ref(),
        &fixture.signals_patch,
    )
    .map_err(fail)?
    .map(|value| CultureSignals::from_json(&value.to_string()))
    .transpose()
    .map_err(|e| fail(format!("the signals do not load: {e}")))?;
    let canvas = patched(
        "canvas",
        None,
        fixture.canvas_base.as_ref(),
        &fixture.canvas_patch,
    )
    .map_err(fail)?
    .map(|value| Canvas::from_json(&value.to_string()))
    .transpose()
    .map_err(|e| fail(format!("the canvas does not load: {e}")))?;
    let round = patched(
        "round",
        fixture.round.as_ref(),
        fixture.round_base.as_ref(),
        &fixture.round_patch,
    )
    .map_err(fail)?
    .map(|value| Round::from_json(&value.to_string()))
    .transpose()
    .map_err(|e| fail(format!("the round does not load: {e}")))?;
    let assessment = round.map(|round| Assessment {
        instrument: Instrument::customer_strategy_maturity().unwrap(),
        round,
    });
    let value = patched(
        "value",
        fixture.value.as_ref(),
        fixture.value_base.as_ref(),
        &fixture.value_patch,
    )
    .map_err(fail)?
    .map(|value| ValueStudy::from_json(&value.to_string()))
    .transpose()
    .map_err(|e| fail(format!("the value study does not load: {e}")))?;
    let review = OrganizationReview {
        canvas,
        signals,
        assessment,
        value,
    };
    let document = serde_json::to_value(&review).map_err(|e| fail(e.to_string()))?;
    let config = load_config(fixture.config.as_ref()).map_err(fail)?;
    let rules =
        rule_set(config.clone()).map_err(|e| fail(format!("the rule set does not build: {e}")))?;
    Ok(Case {
        name: name.to_owned(),
        fixture,
        config,
        review,
        document,
        rules,
    })
}

/// Every fixture, loaded; panics listing every fixture that does not load.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for name in fixture_names() {
        match load_case(&name) {
            Ok(case) => cases.push(case),
            Err(e) => errors.push(e),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(!cases.is_empty(), "no fixtures in {FIXTURES}");
    cases
}

// ---------------------------------------------------------------------------
// The patch applier
// ---------------------------------------------------------------------------

#[test]
fn a_part_is_given_whole_or_from_a_sample_never_both() {
    let whole = serde_json::json!({"schema_version": 1});
    let base = "harbour_bank_culture.json".to_owned();
    let drop_kpis = [Operation {
        op: "remove".to_owned(),
        path: "/kpis_with_customer_parameters".to_owned(),
        value: None,
    }];
    assert_eq!(patched("signals", None, None, &[]), Ok(None));
    assert!(patched("signals", Some(&whole), Some(&base), &[]).is_err());
    assert!(patched("signals", None, None, &drop_kpis).is_err());
    let from_sample = patched("signals", None, Some(&base), &drop_kpis)
        .unwrap()
        .unwrap();
    assert!(from_sample.get("kpis_with_customer_parameters").is_none());
    assert!(from_sample.get("executive_customer_time").is_some());
    assert!(patched("signals", None, Some(&"missing.json".to_owned()), &[]).is_err());
    assert!(
        patched(
            "signals",
            None,
            Some(&"harbour_bank_culture.toml".to_owned()),
            &[]
        )
        .is_err()
    );
}

// ---------------------------------------------------------------------------
// Every fixture
// ---------------------------------------------------------------------------

#[test]
fn every_fixture_gives_exactly_the_expected_findings() {
    let mut failures = String::new();
    for case in cases() {
        let report = case.report();
        let found = found(&report);
        let mut expected = case.fixture.expect.clone();
        expected.sort();
        if found != expected {
            let _ = writeln!(
                failures,
                "\nfixture {} ({}):\n  expected:\n{}\n  found:\n{}",
                case.name,
                case.fixture.description,
                list(&expected),
                list(&found)
            );
        }
        let fast = case.rules.is_valid(&case.review, case.fixture.profile);
        if fast != report.is_valid() {
            let _ = writeln!(
                failures,
                "\nfixture {}: RuleSet::is_valid says {fast}, the report says {}",
                case.name,
                report.is_valid()
            );
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

fn codes(rules: &[Box<dyn Rule<OrganizationReview>>]) -> BTreeSet<&'static str> {
    rules.iter().map(|r| r.meta().code()).collect()
}

/// The codes of both catalogues, checking their sizes and prefixes.
fn catalogue_codes() -> BTreeSet<&'static str> {
    let culture = codes(&rules::culture());
    let review = codes(&rules::review());
    assert_eq!(culture.len(), 7, "the culture catalogue has changed size");
    assert_eq!(review.len(), 9, "the review catalogue has changed size");
    assert!(culture.iter().all(|c| c.starts_with("CULTURE-")));
    assert!(review.iter().all(|c| c.starts_with("REVIEW-")));
    culture.union(&review).copied().collect()
}

/// For each code of the catalogues, the fixtures whose expectations satisfy `keep`.
fn fixtures_per_code(keep: impl Fn(&Expected) -> bool) -> BTreeMap<&'static str, Vec<String>> {
    let codes = catalogue_codes();
    let mut per_code: BTreeMap<&str, Vec<String>> =
        codes.iter().map(|c| (*c, Vec::new())).collect();
    let mut unknown = Vec::new();
    for case in cases() {
        let in_fixture: BTreeSet<&str> = case
            .fixture
            .expect
            .iter()
            .filter(|e| keep(e))
            .map(|e| e.code.as_str())
            .collect();
        for code in in_fixture {
            match per_code.get_mut(code) {
                Some(names) => names.push(case.name.clone()),
                None => unknown.push(format!("{} expects unknown code {code}", case.name)),
            }
        }
    }
    assert!(unknown.is_empty(), "{}", unknown.join("\n"));
    per_code
}

fn thin(per_code: &BTreeMap<&str, Vec<String>>) -> Vec<String> {
    per_code
        .iter()
        .filter(|(_, names)| names.len() < 2)
        .map(|(code, names)| format!("{code}: {names:?}"))
        .collect()
}

#[test]
fn every_rule_fires_in_at_least_two_fixtures() {
    // Firing means a warning or an error: "could not be judged" does not count.
    let firing = fixtures_per_code(|e| e.severity != Severity::Info);
    let thin = thin(&firing);
    assert!(
        thin.is_empty(),
        "rules that fire in fewer than two fixtures:\n{}",
        thin.join("\n")
    );
}

#[test]
fn every_rule_makes_at_least_two_fixtures_invalid() {
    let invalid = fixtures_per_code(|e| e.severity == Severity::Error);
    let thin = thin(&invalid);
    assert!(
        thin.is_empty(),
        "rules with an error in fewer than two fixtures:\n{}",
        thin.join("\n")
    );
}

#[test]
fn every_culture_rule_says_when_it_could_not_judge() {
    let unknown = fixtures_per_code(|e| e.severity == Severity::Info);
    let missing: Vec<&str> = unknown
        .iter()
        .filter(|(code, names)| code.starts_with("CULTURE-") && names.is_empty())
        .map(|(code, _)| *code)
        .collect();
    assert!(
        missing.is_empty(),
        "never `could not be judged`: {missing:?}"
    );
}

#[test]
fn every_culture_rule_fires_from_the_teams_answers_somewhere() {
    let from_answers = fixtures_per_code(|e| {
        e.severity != Severity::Info && e.path.starts_with("/assessment/instrument/items/")
    });
    let missing: Vec<&str> = from_answers
        .iter()
        .filter(|(code, names)| code.starts_with("CULTURE-") && names.is_empty())
        .map(|(code, _)| *code)
        .collect();
    assert!(
        missing.is_empty(),
        "never tripped by the team's answers: {missing:?}"
    );
}

/// The complete review: every sample part present.
fn complete_review() -> OrganizationReview {
    let load = |file: &str| fs::read_to_string(Path::new(SAMPLES).join(file)).unwrap();
    OrganizationReview {
        canvas: Some(Canvas::from_json(&load("harbour_bank_canvas.json")).unwrap()),
        signals: Some(CultureSignals::from_json(&load("harbour_bank_culture.json")).unwrap()),
        assessment: Some(Assessment {
            instrument: Instrument::customer_strategy_maturity().unwrap(),
            round: Round::from_json(&load("team_round_2026.json")).unwrap(),
        }),
        value: Some(ValueStudy::from_json(&load("harbour_bank_value_study.json")).unwrap()),
    }
}

/// Every pointer in the complete review with array indices written as `*`:
/// the places a finding may point at, present or not.
fn shapes() -> BTreeSet<String> {
    fn walk(value: &Value, path: String, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (key, item) in map {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    walk(item, format!("{path}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for item in items {
                    walk(item, format!("{path}/*"), out);
                }
            }
            _ => {}
        }
        out.insert(path);
    }
    let mut out = BTreeSet::new();
    walk(
        &serde_json::to_value(complete_review()).unwrap(),
        String::new(),
        &mut out,
    );
    out
}

fn shape_of(pointer: &str) -> String {
    pointer
        .split('/')
        .map(|t| {
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                "*"
            } else {
                t
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn every_finding_points_into_the_review_and_fills_its_message() {
    let shapes = shapes();
    let mut problems = Vec::new();
    for case in cases() {
        let report = case.report();
        for finding in report.findings() {
            let path = finding.path.as_str();
            let resolves = case.document.pointer(path).is_some();
            // A missing optional field: its parent is an object of the review,
            // and the complete review shows that field at that place.
            let missing_field = !resolves
                && !path.is_empty()
                && case
                    .document
                    .pointer(parent_of(path))
                    .is_some_and(Value::is_object)
                && shapes.contains(&shape_of(path));
            if !resolves && !missing_field {
                problems.push(format!(
                    "{}: {} points at {path}, which is neither in the review nor a missing optional field",
                    case.name, finding.code
                ));
            }
            for related in &finding.related {
                if case.document.pointer(related.as_str()).is_none() {
                    problems.push(format!(
                        "{}: {} at {path} is related to {related}, which is not in the review",
                        case.name, finding.code
                    ));
                }
            }
            if has_placeholder(&finding.message) {
                problems.push(format!(
                    "{}: {} at {path} has an unfilled placeholder: {}",
                    case.name, finding.code, finding.message
                ));
            }
            if finding.message.trim().is_empty() || finding.message_key.trim().is_empty() {
                problems.push(format!(
                    "{}: {} at {path} has no message or message key",
                    case.name, finding.code
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_path_and_message_helpers_work() {
    let shapes = shapes();
    assert!(shapes.contains("/signals/scorecard/customer_weight"));
    assert!(shapes.contains("/canvas/value_chain/people/cxo_roles/*/role"));
    assert!(shapes.contains("/assessment/instrument/items/*"));
    assert!(shapes.contains("/assessment/round"));
    assert!(!shapes.contains("/signals/scorecardz"));
    assert!(has_placeholder("Blocker \"{blocker}\": {evidence}"));
    assert!(!has_placeholder("a set {} and {Braces} and { spaced }"));
    assert!(!has_placeholder("no braces"));
    assert_eq!(shape_of("/a/0/b/12"), "/a/*/b/*");
    assert_eq!(parent_of("/signals/scorecard"), "/signals");
    assert_eq!(parent_of("/signals"), "");
}

#[test]
fn validating_twice_gives_byte_identical_reports() {
    for case in cases() {
        let first = case.report().to_json();
        let second = case.report().to_json();
        assert_eq!(first, second, "fixture {}", case.name);
        // A rule set built again from the same configuration agrees too.
        let again = rule_set(case.config.clone())
            .unwrap()
            .validate(&case.review, case.fixture.profile)
            .to_json();
        assert_eq!(first, again, "fixture {}", case.name);
    }
}

// ---------------------------------------------------------------------------
// The rules and the review agree
// ---------------------------------------------------------------------------

#[test]
fn with_default_settings_the_rules_report_what_the_review_finds() {
    for case in cases().iter().filter(|c| c.config.rules.is_empty()) {
        let result = case.review.assess(&ReviewOptions::default()).unwrap();
        let report = case.report();
        let present: BTreeSet<&str> = result.present().map(|j| j.blocker.as_str()).collect();
        let warned: BTreeSet<&str> = report
            .findings()
            .iter()
            .filter(|f| f.code.starts_with("CULTURE-") && f.severity == Severity::Warning)
            .map(|f| f.args["blocker_id"].as_str().unwrap())
            .collect();
        assert_eq!(present, warned, "{}", case.name);
        let capped = report.with_code("REVIEW-CAP-001").count();
        assert_eq!(
            usize::from(result.blocker_cap.as_ref().is_some_and(|c| c.binds())),
            capped,
            "{}",
            case.name
        );
        if let Some(cap) = result.blocker_cap.as_ref().filter(|c| c.binds()) {
            let finding = report.with_code("REVIEW-CAP-001").next().unwrap();
            assert_eq!(finding.args["capped"], cap.capped.number, "{}", case.name);
            assert_eq!(
                finding.args["uncapped"], cap.uncapped.number,
                "{}",
                case.name
            );
            assert_eq!(finding.args["count"], cap.blockers.len(), "{}", case.name);
        }
    }
}

#[test]
fn the_complete_sample_has_three_blockers_that_do_not_cap_its_level() {
    let rules = rule_set(Config::default()).unwrap();
    let review = complete_review();
    for profile in Profile::ALL {
        let report = rules.validate(&review, profile);
        assert!(report.is_valid(), "{report}");
        let codes: Vec<&str> = report.findings().iter().map(|f| f.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "CULTURE-CENTRIC-001",
                "CULTURE-FORGOTTEN-001",
                "CULTURE-MINDSET-001",
                // The value study contradicts three claims of the canvas: the
                // speed and the switching claimed against QuickKey, and the
                // rate for existing customers against both competitors.
                "REVIEW-VALUE-001",
                "REVIEW-VALUE-001",
                "REVIEW-VALUE-001",
                "REVIEW-VALUE-001",
            ],
            "under {profile}:\n{report}"
        );
    }
    let report = rules.validate(&review, Profile::Final);
    assert_eq!(report.with_code("REVIEW-CAP-001").count(), 0);
    let forgotten = report.with_code("CULTURE-FORGOTTEN-001").next().unwrap();
    assert_eq!(
        forgotten.message,
        "Blocker \"Executives forget what being a customer is like\" (margin 0.40, contested: \
         the sources disagree): executive_customer_time: 9% (a customer culture shows at least \
         15%, margin 0.40). Promoters that answer it: Executives spend 15% of their time on \
         customers, Customer-Centric Circles"
    );
}

#[test]
fn a_blocker_that_cannot_be_judged_names_the_signal_and_the_item() {
    let rules = rule_set(Config::default()).unwrap();
    let report = rules.validate(&OrganizationReview::default(), Profile::Final);
    assert_eq!(report.findings().len(), 7, "{report}");
    let forgotten = report.with_code("CULTURE-FORGOTTEN-001").next().unwrap();
    assert_eq!(forgotten.severity, Severity::Info);
    assert_eq!(forgotten.path.as_str(), "/signals");
    assert_eq!(
        forgotten.message,
        "Blocker \"Executives forget what being a customer is like\" could not be judged: \
         neither the signals nor the team's answers say anything about it"
    );
    assert_eq!(
        forgotten.hint.as_deref(),
        Some(
            "Record the share of executive time on customers (with them or on customer matters) in the culture signals, or \
             assess the team with an instrument that has the item `culture-07`."
        )
    );
}

/// The cap fixtures say how far the cap bites; their messages must agree.
#[test]
fn the_cap_says_how_many_levels_the_blockers_take() {
    let expected = [
        ("cap-bites-on-a-top-scoring-team.json", 1, 4),
        ("cap-seven-blockers-on-a-top-scoring-team.json", 2, 3),
        ("cap-max-one-level-by-config.json", 1, 4),
    ];
    for (name, taken, capped) in expected {
        let case = load_case(name).unwrap();
        let report = case.report();
        let finding = report
            .findings()
            .iter()
            .find(|f| f.code == "REVIEW-CAP-001")
            .unwrap_or_else(|| panic!("{name}: no REVIEW-CAP-001"));
        let message = &finding.message;
        assert!(
            message.starts_with("The team's answers give level 5,"),
            "{name}: {message}"
        );
        assert!(
            message.contains(&format!(
                "take {taken} level(s) off the highest, capping it at level {capped}:"
            )),
            "{name}: {message}"
        );
    }
}
