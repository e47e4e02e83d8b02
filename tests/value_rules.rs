//! Pins down every rule of the value catalogues with the fixtures in
//! `tests/fixtures/value/`: each fixture is a study (whole, or the study of
//! another fixture given as `base`) with a patch, judged alone or, when it
//! names a sample `canvas` of `examples/data/`, against that canvas; with a
//! profile, an optional rule configuration and the exact list of findings.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod fixture_kit;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use customer_strategy::validate::{Config, ParamValue, Profile, Report, RuleSet};
use customer_strategy::{
    AnalysisOptions, Canvas, Document, StudyInContext, ValueStudy, analyse, rules,
};
use fixture_kit::{Expected, Operation, apply, found, has_placeholder, list, parent_of};
use serde::Deserialize;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/value");
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");

/// One fixture file, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    /// What the fixture shows, in words.
    description: String,
    /// Another fixture of this directory whose study to start from.
    #[serde(default)]
    base: Option<String>,
    /// A whole study, instead of `base`.
    #[serde(default)]
    study: Option<Value>,
    /// A sample canvas of `examples/data/` to judge the study against.
    #[serde(default)]
    canvas: Option<String>,
    /// Operations applied to the study, in order.
    #[serde(default)]
    patch: Vec<Operation>,
    /// The profile it is judged under.
    profile: Profile,
    /// A rule configuration, as a configuration document.
    #[serde(default)]
    config: Option<Value>,
    /// The exact findings of the report.
    expect: Vec<Expected>,
}

/// What a fixture judges: a study alone, or a study against a canvas.
enum Subject {
    Study(Box<ValueStudy>, RuleSet<ValueStudy>),
    InContext(Box<StudyInContext>, RuleSet<StudyInContext>),
}

struct Case {
    name: String,
    fixture: Fixture,
    config: Config,
    /// The serialized document findings point into.
    document: Value,
    subject: Subject,
}

impl Case {
    fn report(&self) -> Report {
        match &self.subject {
            Subject::Study(study, rules) => rules.validate(study, self.fixture.profile),
            Subject::InContext(pair, rules) => rules.validate(pair, self.fixture.profile),
        }
    }

    fn is_valid(&self) -> bool {
        match &self.subject {
            Subject::Study(study, rules) => rules.is_valid(study, self.fixture.profile),
            Subject::InContext(pair, rules) => rules.is_valid(pair, self.fixture.profile),
        }
    }

    fn study(&self) -> &ValueStudy {
        match &self.subject {
            Subject::Study(study, _) => study,
            Subject::InContext(pair, _) => &pair.study,
        }
    }
}

fn read(name: &str) -> Result<Fixture, String> {
    if !name.ends_with(".json") {
        return Err("fixtures are `.json` files".to_owned());
    }
    let text = fs::read_to_string(Path::new(FIXTURES).join(name))
        .map_err(|e| format!("cannot read: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("not a fixture: {e}"))
}

fn study_rules(config: Config) -> Result<RuleSet<ValueStudy>, String> {
    RuleSet::builder()
        .rules(rules::value())
        .config(config)
        .build()
        .map_err(|e| e.to_string())
}

fn context_rules(config: Config) -> Result<RuleSet<StudyInContext>, String> {
    RuleSet::builder()
        .rules(rules::value_in_context())
        .config(config)
        .build()
        .map_err(|e| e.to_string())
}

fn load_case(name: &str) -> Result<Case, String> {
    let fail = |message: String| format!("fixture {name}: {message}");
    let fixture = read(name).map_err(fail)?;
    if fixture.description.trim().is_empty() {
        return Err(fail("the description is empty".to_owned()));
    }
    let mut study = match (&fixture.base, &fixture.study) {
        (Some(base), None) => read(base)
            .map_err(|e| fail(format!("base {base}: {e}")))?
            .study
            .ok_or_else(|| fail(format!("base {base} has no `study`")))?,
        (None, Some(study)) => study.clone(),
        _ => return Err(fail("give exactly one of `base` and `study`".to_owned())),
    };
    for operation in &fixture.patch {
        apply(&mut study, operation).map_err(fail)?;
    }
    let study = ValueStudy::from_json(&study.to_string())
        .map_err(|e| fail(format!("the study does not load: {e}")))?;
    let config = match &fixture.config {
        None => Config::default(),
        Some(config) => Config::from_json(&config.to_string())
            .map_err(|e| fail(format!("the configuration does not load: {e}")))?,
    };
    let (document, subject) = match &fixture.canvas {
        None => (
            serde_json::from_str(&study.to_json().unwrap()).unwrap(),
            Subject::Study(Box::new(study), study_rules(config.clone()).map_err(fail)?),
        ),
        Some(sample) => {
            let text = fs::read_to_string(Path::new(SAMPLES).join(sample))
                .map_err(|e| fail(format!("cannot read {sample}: {e}")))?;
            let canvas = Canvas::from_json(&text).map_err(|e| fail(e.to_string()))?;
            let pair = StudyInContext { canvas, study };
            (
                serde_json::to_value(&pair).unwrap(),
                Subject::InContext(Box::new(pair), context_rules(config.clone()).map_err(fail)?),
            )
        }
    };
    Ok(Case {
        name: name.to_owned(),
        fixture,
        config,
        document,
        subject,
    })
}

fn cases() -> Vec<Case> {
    let mut names: Vec<String> = fs::read_dir(FIXTURES)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for name in names {
        match load_case(&name) {
            Ok(case) => cases.push(case),
            Err(e) => errors.push(e),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(cases.len() >= 20, "only {} fixtures", cases.len());
    cases
}

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
        if case.is_valid() != report.is_valid() {
            let _ = writeln!(
                failures,
                "\nfixture {}: is_valid disagrees with the report",
                case.name
            );
        }
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn every_rule_fires_in_at_least_two_fixtures_and_stays_silent_in_one() {
    let mut codes: BTreeSet<&str> = rules::value().iter().map(|r| r.meta().code()).collect();
    assert_eq!(codes.len(), 7, "the study catalogue has changed size");
    let context: BTreeSet<&str> = rules::value_in_context()
        .iter()
        .map(|r| r.meta().code())
        .collect();
    assert_eq!(context.len(), 3, "the context catalogue has changed size");
    codes.extend(context);
    assert!(codes.iter().all(|c| c.starts_with("VALUE-")));

    let cases = cases();
    let mut firing: BTreeMap<&str, usize> = codes.iter().map(|c| (*c, 0)).collect();
    let mut silent: BTreeMap<&str, usize> = codes.iter().map(|c| (*c, 0)).collect();
    for case in &cases {
        let expected: BTreeSet<&str> = case
            .fixture
            .expect
            .iter()
            .map(|e| e.code.as_str())
            .collect();
        for code in &expected {
            *firing.get_mut(code).unwrap_or_else(|| {
                panic!("{} expects {code}, which no catalogue has", case.name)
            }) += 1;
        }
        let in_context = case.fixture.canvas.is_some();
        for code in &codes {
            if code.starts_with("VALUE-CANVAS-") == in_context && !expected.contains(code) {
                *silent.get_mut(code).unwrap() += 1;
            }
        }
    }
    let thin: Vec<_> = firing.iter().filter(|(_, n)| **n < 2).collect();
    assert!(
        thin.is_empty(),
        "rules that fire in fewer than two fixtures: {thin:?}"
    );
    let never: Vec<_> = silent.iter().filter(|(_, n)| **n == 0).collect();
    assert!(never.is_empty(), "rules silent in no fixture: {never:?}");
}

#[test]
fn every_finding_points_into_its_document_and_fills_its_message() {
    let mut problems = Vec::new();
    for case in cases() {
        for finding in case.report().findings() {
            let path = finding.path.as_str();
            if case.document.pointer(path).is_none() {
                problems.push(format!(
                    "{}: {} points at {path}, which is not in the document (parent {})",
                    case.name,
                    finding.code,
                    parent_of(path)
                ));
            }
            for related in &finding.related {
                if case.document.pointer(related.as_str()).is_none() {
                    problems.push(format!(
                        "{}: {} at {path} is related to {related}, not in the document",
                        case.name, finding.code
                    ));
                }
            }
            if has_placeholder(&finding.message) || finding.message_key.trim().is_empty() {
                problems.push(format!(
                    "{}: {}: {}",
                    case.name, finding.code, finding.message
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn validating_twice_gives_identical_reports() {
    for case in cases() {
        assert_eq!(
            case.report().to_json(),
            case.report().to_json(),
            "{}",
            case.name
        );
        let again = match &case.subject {
            Subject::Study(study, _) => study_rules(case.config.clone())
                .unwrap()
                .validate(study, case.fixture.profile),
            Subject::InContext(pair, _) => context_rules(case.config.clone())
                .unwrap()
                .validate(pair, case.fixture.profile),
        };
        assert_eq!(case.report().to_json(), again.to_json(), "{}", case.name);
    }
}

#[test]
fn the_sample_rule_defaults_to_the_analysis_minimum() {
    let rules = study_rules(Config::default()).unwrap();
    let catalogue = rules.describe();
    let rule = catalogue
        .rules()
        .iter()
        .find(|r| r.code == "VALUE-SAMPLE-001")
        .unwrap();
    let min = rule
        .params
        .iter()
        .find(|p| p.name == "min_ratings")
        .unwrap();
    assert_eq!(
        min.default,
        ParamValue::Integer(i64::from(AnalysisOptions::DEFAULT_MIN_RATINGS))
    );
}

#[test]
fn cells_the_sample_and_coverage_rules_report_are_the_cells_the_analysis_withholds() {
    for case in cases()
        .into_iter()
        .filter(|c| c.config.rules.is_empty() && c.fixture.canvas.is_none())
    {
        let result = analyse(case.study(), &AnalysisOptions::default());
        let report = case.report();
        let reported = report.with_code("VALUE-SAMPLE-001").count()
            + report.with_code("VALUE-COVERAGE-001").count();
        // Duplicate keys leave cells the rules count once and the analysis never sees.
        if report.with_code("VALUE-ID-001").count() == 0 {
            assert_eq!(result.withheld.len(), reported, "{}", case.name);
        }
    }
}

#[test]
fn the_sound_study_has_every_ratio_and_the_broken_ones_say_why() {
    let sound = load_case("sound.json").unwrap();
    let result = analyse(sound.study(), &AnalysisOptions::default());
    assert!(result.withheld.is_empty());
    assert!(result.attributes.iter().all(|a| a.ratio.is_some()));
    assert!(result.cva().is_some());

    let thin = load_case("too-few-ratings.json").unwrap();
    let result = analyse(thin.study(), &AnalysisOptions::default());
    assert_eq!(result.withheld.len(), 5);
    assert!(
        result
            .withheld
            .iter()
            .all(|w| w.offer.as_str() == "quickkey" && w.count == 4 && w.min == 5)
    );
    assert_eq!(result.cva(), None);
    // Head to head with Meridian needs nothing of QuickKey's.
    assert!(result.head_to_head[0].scores.cva.is_some());
    assert_eq!(result.head_to_head[1].scores.cva, None);
}
