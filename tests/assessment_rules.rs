//! Pins down every rule of the built-in instrument and response catalogues with
//! the fixtures in `tests/fixtures/instrument/` and `tests/fixtures/round/`.
//!
//! An instrument fixture is a whole instrument with a profile, an optional rule
//! configuration and the exact list of findings. A round fixture is a whole
//! round, judged against an instrument given inline (`instrument`) or taken from
//! an instrument fixture (`base`, a file name in `tests/fixtures/instrument/`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use customer_strategy::validate::{Config, ParamValue, Profile, Report, Rule, RuleSet, Subject};
use customer_strategy::{Assessment, Document, Instrument, Round, Scorer, ScoringOptions, rules};
use serde::Deserialize;
use serde_json::Value;

mod fixture_kit;

use fixture_kit::{Expected, found, has_placeholder, list, parent_of};

const INSTRUMENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/instrument");
const ROUNDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/round");

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// An instrument fixture, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InstrumentFixture {
    /// What the fixture shows, in words.
    description: String,
    /// The whole instrument document.
    instrument: Value,
    /// The profile it is judged under.
    profile: Profile,
    /// A rule configuration, as a configuration document.
    #[serde(default)]
    config: Option<Value>,
    /// The exact findings of the report.
    expect: Vec<Expected>,
}

/// A round fixture, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundFixture {
    /// What the fixture shows, in words.
    description: String,
    /// An instrument fixture whose instrument the round was answered with.
    #[serde(default)]
    base: Option<String>,
    /// The whole instrument document, instead of `base`.
    #[serde(default)]
    instrument: Option<Value>,
    /// The whole round document.
    round: Value,
    /// The profile it is judged under.
    profile: Profile,
    /// A rule configuration, as a configuration document.
    #[serde(default)]
    config: Option<Value>,
    /// The exact findings of the report.
    expect: Vec<Expected>,
}

/// A fixture made ready to run, over a subject of type `S`.
struct Case<S: Subject + 'static> {
    name: String,
    description: String,
    profile: Profile,
    config: Config,
    expect: Vec<Expected>,
    subject: S,
    /// The serialized document findings point into: the instrument, or the round.
    document: Value,
    rules: RuleSet<S>,
}

impl<S: Subject + 'static> Case<S> {
    fn report(&self) -> Report {
        self.rules.validate(&self.subject, self.profile)
    }
}

/// The names of the fixture files of `dir`, sorted.
fn fixture_names(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    names
}

fn read_fixture<F: serde::de::DeserializeOwned>(dir: &str, name: &str) -> Result<F, String> {
    if !name.ends_with(".json") {
        return Err("fixtures are `.json` files".to_owned());
    }
    let text =
        fs::read_to_string(Path::new(dir).join(name)).map_err(|e| format!("cannot read: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("not a fixture: {e}"))
}

fn load_config(config: Option<&Value>) -> Result<Config, String> {
    match config {
        None => Ok(Config::default()),
        Some(config) => Config::from_json(&config.to_string())
            .map_err(|e| format!("the configuration does not load: {e}")),
    }
}

fn instrument_rules(config: Config) -> Result<RuleSet<Instrument>, String> {
    RuleSet::builder()
        .rules(rules::instrument())
        .config(config)
        .build()
        .map_err(|e| e.to_string())
}

fn response_rules(config: Config) -> Result<RuleSet<Assessment>, String> {
    RuleSet::builder()
        .rules(rules::responses())
        .config(config)
        .build()
        .map_err(|e| e.to_string())
}

/// A document loaded, then written back as JSON: what finding paths point into.
fn serialized<D: Document>(document: &D) -> Value {
    serde_json::from_str(&document.to_json().unwrap()).unwrap()
}

fn load_instrument(value: &Value) -> Result<Instrument, String> {
    Instrument::from_json(&value.to_string())
        .map_err(|e| format!("the instrument does not load: {e}"))
}

fn load_instrument_case(name: &str) -> Result<Case<Instrument>, String> {
    let fail = |message: String| format!("instrument fixture {name}: {message}");
    let fixture: InstrumentFixture = read_fixture(INSTRUMENTS, name).map_err(fail)?;
    if fixture.description.trim().is_empty() {
        return Err(fail("the description is empty".to_owned()));
    }
    let instrument = load_instrument(&fixture.instrument).map_err(fail)?;
    let config = load_config(fixture.config.as_ref()).map_err(fail)?;
    let rules = instrument_rules(config.clone()).map_err(fail)?;
    Ok(Case {
        name: format!("instrument/{name}"),
        description: fixture.description,
        profile: fixture.profile,
        config,
        expect: fixture.expect,
        document: serialized(&instrument),
        subject: instrument,
        rules,
    })
}

fn load_round_case(name: &str) -> Result<Case<Assessment>, String> {
    let fail = |message: String| format!("round fixture {name}: {message}");
    let fixture: RoundFixture = read_fixture(ROUNDS, name).map_err(fail)?;
    if fixture.description.trim().is_empty() {
        return Err(fail("the description is empty".to_owned()));
    }
    let instrument = match (&fixture.base, &fixture.instrument) {
        (Some(base), None) => {
            let base: InstrumentFixture =
                read_fixture(INSTRUMENTS, base).map_err(|e| fail(format!("base {base}: {e}")))?;
            load_instrument(&base.instrument).map_err(fail)?
        }
        (None, Some(instrument)) => load_instrument(instrument).map_err(fail)?,
        _ => {
            return Err(fail(
                "give exactly one of `base` and `instrument`".to_owned(),
            ));
        }
    };
    let round = Round::from_json(&fixture.round.to_string())
        .map_err(|e| fail(format!("the round does not load: {e}")))?;
    let config = load_config(fixture.config.as_ref()).map_err(fail)?;
    let rules = response_rules(config.clone()).map_err(fail)?;
    Ok(Case {
        name: format!("round/{name}"),
        description: fixture.description,
        profile: fixture.profile,
        config,
        expect: fixture.expect,
        document: serialized(&round),
        subject: Assessment { instrument, round },
        rules,
    })
}

/// Loads every fixture of `dir`; panics listing every fixture that does not load.
fn load_all<S: Subject>(dir: &str, load: fn(&str) -> Result<Case<S>, String>) -> Vec<Case<S>> {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for name in fixture_names(dir) {
        match load(&name) {
            Ok(case) => cases.push(case),
            Err(e) => errors.push(e),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(!cases.is_empty(), "no fixtures in {dir}");
    cases
}

fn instrument_cases() -> Vec<Case<Instrument>> {
    load_all(INSTRUMENTS, load_instrument_case)
}

fn round_cases() -> Vec<Case<Assessment>> {
    load_all(ROUNDS, load_round_case)
}

/// Compares every case's report with its expectations, and `is_valid` with the report.
fn check_expectations<S: Subject>(cases: &[Case<S>], failures: &mut String) {
    for case in cases {
        let report = case.report();
        let found = found(&report);
        let mut expected = case.expect.clone();
        expected.sort();
        if found != expected {
            let _ = writeln!(
                failures,
                "\nfixture {} ({}):\n  expected:\n{}\n  found:\n{}",
                case.name,
                case.description,
                list(&expected),
                list(&found)
            );
        }
        let fast = case.rules.is_valid(&case.subject, case.profile);
        if fast != report.is_valid() {
            let _ = writeln!(
                failures,
                "\nfixture {}: RuleSet::is_valid says {fast}, the report says {}",
                case.name,
                report.is_valid()
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Every fixture
// ---------------------------------------------------------------------------

#[test]
fn every_fixture_gives_exactly_the_expected_findings() {
    let mut failures = String::new();
    check_expectations(&instrument_cases(), &mut failures);
    check_expectations(&round_cases(), &mut failures);
    assert!(failures.is_empty(), "{failures}");
}

fn codes<S: Subject + ?Sized>(rules: &[Box<dyn Rule<S>>]) -> BTreeSet<&'static str> {
    rules.iter().map(|r| r.meta().code()).collect()
}

/// Which fixtures expect each code, for codes in `codes`; unknown codes are listed in `unknown`.
fn firing<S: Subject>(
    cases: &[Case<S>],
    codes: &BTreeSet<&'static str>,
    unknown: &mut Vec<String>,
) -> BTreeMap<&'static str, Vec<String>> {
    let mut firing: BTreeMap<&str, Vec<String>> = codes.iter().map(|c| (*c, Vec::new())).collect();
    for case in cases {
        let in_fixture: BTreeSet<&str> = case.expect.iter().map(|e| e.code.as_str()).collect();
        for code in in_fixture {
            match firing.get_mut(code) {
                Some(names) => names.push(case.name.clone()),
                None => unknown.push(format!(
                    "{} expects code {code}, which its catalogue lacks",
                    case.name
                )),
            }
        }
    }
    firing
}

#[test]
fn every_rule_fires_in_at_least_two_fixtures() {
    let instrument_codes = codes(&rules::instrument());
    let response_codes = codes(&rules::responses());
    assert_eq!(
        instrument_codes.len(),
        11,
        "the instrument catalogue has changed size"
    );
    assert_eq!(
        response_codes.len(),
        9,
        "the response catalogue has changed size"
    );
    assert!(
        instrument_codes
            .iter()
            .all(|c| c.starts_with("INSTRUMENT-"))
    );
    assert!(response_codes.iter().all(|c| c.starts_with("ROUND-")));

    let mut unknown = Vec::new();
    let mut all = firing(&instrument_cases(), &instrument_codes, &mut unknown);
    all.extend(firing(&round_cases(), &response_codes, &mut unknown));
    assert!(unknown.is_empty(), "{}", unknown.join("\n"));
    let thin: Vec<String> = all
        .iter()
        .filter(|(_, names)| names.len() < 2)
        .map(|(code, names)| format!("{code}: {names:?}"))
        .collect();
    assert!(
        thin.is_empty(),
        "rules that fire in fewer than two fixtures:\n{}",
        thin.join("\n")
    );
}

/// Fields that serialization leaves out when they are empty or absent: a
/// finding may point at one of them under an existing parent.
const OPTIONAL_FIELDS: &[&str] = &[
    "next_steps",
    "labels",
    "weakest_link",
    "description",
    "asked_of",
    "evidence_hint",
    "department",
];

fn last_token(pointer: &str) -> &str {
    pointer.rfind('/').map_or("", |i| &pointer[i + 1..])
}

fn check_paths_and_messages<S: Subject>(cases: &[Case<S>], problems: &mut Vec<String>) {
    for case in cases {
        let report = case.report();
        for finding in report.findings() {
            let path = finding.path.as_str();
            let resolves = case.document.pointer(path).is_some();
            let missing_field = !resolves
                && !path.is_empty()
                && case
                    .document
                    .pointer(parent_of(path))
                    .is_some_and(Value::is_object)
                && OPTIONAL_FIELDS.contains(&last_token(path));
            if !resolves && !missing_field {
                problems.push(format!(
                    "{}: {} points at {path}, which is neither in the document nor a missing optional field",
                    case.name, finding.code
                ));
            }
            for related in &finding.related {
                if case.document.pointer(related.as_str()).is_none() {
                    problems.push(format!(
                        "{}: {} at {path} is related to {related}, which is not in the document",
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
}

#[test]
fn every_finding_points_into_its_document_and_fills_its_message() {
    let mut problems = Vec::new();
    check_paths_and_messages(&instrument_cases(), &mut problems);
    check_paths_and_messages(&round_cases(), &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn round_findings_point_into_the_round_not_the_instrument() {
    for case in round_cases() {
        for finding in case.report().findings() {
            let path = finding.path.as_str();
            assert!(
                path.starts_with("/responses/") || path.starts_with("/instrument/"),
                "{}: {} at {path}",
                case.name,
                finding.code
            );
        }
    }
}

#[test]
fn the_path_and_message_helpers_work() {
    assert!(has_placeholder("the {kind} id is used twice"));
    assert!(!has_placeholder("a set {} and {Braces} and { spaced }"));
    assert_eq!(parent_of("/levels/2/next_steps"), "/levels/2");
    assert_eq!(last_token("/levels/2/next_steps"), "next_steps");
    assert_eq!(parent_of("/a"), "");
}

fn check_twice<S: Subject>(cases: &[Case<S>], build: fn(Config) -> Result<RuleSet<S>, String>) {
    for case in cases {
        let first = case.report().to_json();
        let second = case.report().to_json();
        assert_eq!(first, second, "fixture {}", case.name);
        // A rule set built again from the same configuration agrees too.
        let again = build(case.config.clone())
            .unwrap()
            .validate(&case.subject, case.profile)
            .to_json();
        assert_eq!(first, again, "fixture {}", case.name);
    }
}

#[test]
fn validating_twice_gives_identical_reports() {
    check_twice(&instrument_cases(), instrument_rules);
    check_twice(&round_cases(), response_rules);
}

// ---------------------------------------------------------------------------
// The rules and the scorer agree
// ---------------------------------------------------------------------------

#[test]
fn every_instrument_the_scorer_refuses_has_an_error() {
    let rules = instrument_rules(Config::default()).unwrap();
    let mut refused = 0;
    for case in instrument_cases() {
        if let Err(e) = Scorer::new(&case.subject) {
            refused += 1;
            assert!(
                !rules.is_valid(&case.subject, Profile::Draft),
                "{}: the scorer refuses it ({e}) but the rules find no error",
                case.name
            );
        }
    }
    assert!(
        refused >= 10,
        "only {refused} fixtures are refused by the scorer"
    );
}

#[test]
fn the_base_instruments_of_the_round_fixtures_are_sound() {
    let rules = instrument_rules(Config::default()).unwrap();
    for case in round_cases() {
        let report = rules.validate(&case.subject.instrument, Profile::Final);
        assert!(report.is_valid(), "{}:\n{report}", case.name);
        assert!(
            Scorer::new(&case.subject.instrument).is_ok(),
            "{}",
            case.name
        );
    }
}

#[test]
fn the_group_rule_defaults_to_the_scorers_minimum_group_size() {
    let rules = response_rules(Config::default()).unwrap();
    let catalogue = rules.describe();
    let group = catalogue
        .rules()
        .iter()
        .find(|r| r.code == "ROUND-GROUP-001")
        .unwrap();
    let min = group
        .params
        .iter()
        .find(|p| p.name == "min_respondents")
        .unwrap();
    let expected = i64::try_from(ScoringOptions::default().min_group_size()).unwrap();
    assert_eq!(min.default, ParamValue::Integer(expected));
}

#[test]
fn levels_the_group_rule_reports_are_the_levels_the_scorer_withholds() {
    let options = ScoringOptions::default();
    for case in round_cases()
        .into_iter()
        .filter(|c| c.config.rules.is_empty())
    {
        let Ok(scorer) = Scorer::new(&case.subject.instrument) else {
            continue;
        };
        let result = scorer.score_round(&case.subject.round, &options);
        let withheld = result.levels.iter().filter(|l| !l.reported).count();
        let reported = case.report().with_code("ROUND-GROUP-001").count();
        assert_eq!(withheld, reported, "{}", case.name);
    }
}

#[test]
fn non_finite_weights_are_reported_at_a_path_that_resolves() {
    let base: InstrumentFixture = read_fixture(INSTRUMENTS, "sound.json").unwrap();
    let mut instrument = load_instrument(&base.instrument).unwrap();
    instrument.dimensions[0].weight = f64::INFINITY;
    instrument.items[2].weight = f64::NAN;
    let rules = instrument_rules(Config::default()).unwrap();
    let report = rules.validate(&instrument, Profile::Final);
    let found: Vec<&str> = report
        .with_code("INSTRUMENT-WEIGHT-001")
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        found,
        ["/dimensions/0/weight", "/items/2/weight"],
        "{report}"
    );
    assert!(
        report
            .findings()
            .iter()
            .all(|f| !has_placeholder(&f.message))
    );
    assert!(!rules.is_valid(&instrument, Profile::Final));
    // JSON has no infinity or NaN: the weights are written as null, still at the path.
    let document: Value = serde_json::to_value(&instrument).unwrap();
    for path in found {
        assert!(document.pointer(path).is_some(), "{path}");
    }
}

// ---------------------------------------------------------------------------
// The built-in instrument
// ---------------------------------------------------------------------------

#[test]
fn the_built_in_instrument_has_no_error() {
    let instrument = Instrument::customer_strategy_maturity().unwrap();
    let rules = instrument_rules(Config::default()).unwrap();
    for profile in Profile::ALL {
        let report = rules.validate(&instrument, profile);
        assert!(report.is_valid(), "under {profile}:\n{report}");
        assert!(rules.is_valid(&instrument, profile), "under {profile}");
    }
}
