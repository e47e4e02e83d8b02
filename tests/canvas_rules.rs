//! Pins down every rule of the built-in canvas catalogue with the fixtures in
//! `tests/fixtures/canvas/`: each fixture is a sample canvas with a patch (or a
//! whole canvas), a profile, an optional rule configuration, and the exact list
//! of findings the report must hold.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod fixture_kit;

use fixture_kit::{
    Expected, Operation, apply, found_all, has_placeholder, list, parent_of, tokens,
};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use customer_strategy::validate::{Config, Profile, Report, RuleSet, Severity};
use customer_strategy::{Block, Canvas, Document, rules};
use serde::Deserialize;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/canvas");
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
const COMPLETE: &str = "harbour_bank_canvas";
const DRAFT: &str = "workshop_draft_canvas";

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// One fixture file, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    /// What the fixture shows, in words.
    description: String,
    /// A sample in `examples/data/` to start from.
    #[serde(default)]
    base: Option<String>,
    /// A whole canvas document to start from, instead of `base`.
    #[serde(default)]
    canvas: Option<Value>,
    /// Operations applied to the starting document, in order.
    #[serde(default)]
    patch: Vec<Operation>,
    /// The profile the canvas is judged under.
    profile: Profile,
    /// A rule configuration, as a configuration document.
    #[serde(default)]
    config: Option<Value>,
    /// The exact findings of the report.
    expect: Vec<Expected>,
}

/// A fixture made ready to run: the patched document, loaded, with its rules.
struct Case {
    name: String,
    fixture: Fixture,
    /// The patched document as JSON, which every finding path points into.
    document: Value,
    canvas: Canvas,
    rules: RuleSet<Canvas>,
}

impl Case {
    fn report(&self) -> Report {
        self.rules.validate(&self.canvas, self.fixture.profile)
    }
}

/// The names of every fixture file, sorted.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(FIXTURES)
        .unwrap_or_else(|e| panic!("cannot read {FIXTURES}: {e}"))
        .map(|entry| entry.unwrap())
        // Subdirectories, such as `realistic/`, hold canvases tested on their own.
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// A sample of `examples/data/` as JSON; a TOML sample is loaded and written as JSON.
fn sample_value(file: &str) -> Result<Value, String> {
    let path = Path::new(SAMPLES).join(file);
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {file}: {e}"))?;
    if Path::new(file).extension().is_some_and(|e| e == "toml") {
        let canvas = Canvas::from_toml(&text).map_err(|e| format!("{file}: {e}"))?;
        let json = canvas.to_json().map_err(|e| format!("{file}: {e}"))?;
        serde_json::from_str(&json).map_err(|e| format!("{file}: {e}"))
    } else {
        serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))
    }
}

fn rule_set(config: Config) -> Result<RuleSet<Canvas>, String> {
    RuleSet::builder()
        .rules(rules::canvas())
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
    let path: PathBuf = Path::new(FIXTURES).join(name);
    let text = fs::read_to_string(&path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let fixture: Fixture =
        serde_json::from_str(&text).map_err(|e| fail(format!("not a fixture: {e}")))?;
    if fixture.description.trim().is_empty() {
        return Err(fail("the description is empty".to_owned()));
    }
    let mut document = match (&fixture.base, &fixture.canvas) {
        (Some(base), None) => sample_value(base).map_err(fail)?,
        (None, Some(canvas)) => canvas.clone(),
        _ => return Err(fail("give exactly one of `base` and `canvas`".to_owned())),
    };
    for (i, operation) in fixture.patch.iter().enumerate() {
        apply(&mut document, operation)
            .map_err(|e| fail(format!("patch operation {i} ({}): {e}", operation.op)))?;
    }
    let canvas = Canvas::from_json(&document.to_string())
        .map_err(|e| fail(format!("the patched canvas does not load: {e}")))?;
    let config = match &fixture.config {
        None => Config::default(),
        Some(config) => Config::from_json(&config.to_string())
            .map_err(|e| fail(format!("the configuration does not load: {e}")))?,
    };
    let rules = rule_set(config).map_err(|e| fail(format!("the rule set does not build: {e}")))?;
    Ok(Case {
        name: name.to_owned(),
        fixture,
        document,
        canvas,
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
fn the_patch_applier_follows_rfc_6902() {
    let mut doc = serde_json::json!({"a": {"b~c/d": [1, 2]}, "e": 1});
    let op = |op: &str, path: &str, value: Option<Value>| Operation {
        op: op.to_owned(),
        path: path.to_owned(),
        value,
    };
    apply(&mut doc, &op("add", "/a/b~0c~1d/-", Some(3.into()))).unwrap();
    apply(&mut doc, &op("add", "/a/b~0c~1d/0", Some(0.into()))).unwrap();
    apply(&mut doc, &op("replace", "/e", Some(2.into()))).unwrap();
    apply(&mut doc, &op("add", "/f", Some(true.into()))).unwrap();
    apply(&mut doc, &op("remove", "/a/b~0c~1d/1", None)).unwrap();
    assert_eq!(
        doc,
        serde_json::json!({"a": {"b~c/d": [0, 2, 3]}, "e": 2, "f": true})
    );
    assert!(apply(&mut doc, &op("replace", "/missing", Some(1.into()))).is_err());
    assert!(apply(&mut doc, &op("remove", "/a/b~0c~1d/3", None)).is_err());
    assert!(apply(&mut doc, &op("add", "/a/b~0c~1d/01", Some(1.into()))).is_err());
    assert!(apply(&mut doc, &op("add", "/x/y", Some(1.into()))).is_err());
    assert!(apply(&mut doc, &op("move", "/e", None)).is_err());
    assert!(apply(&mut doc, &op("add", "e", Some(1.into()))).is_err());
}

// ---------------------------------------------------------------------------
// Every fixture
// ---------------------------------------------------------------------------

#[test]
fn every_fixture_gives_exactly_the_expected_findings() {
    let mut failures = String::new();
    for case in cases() {
        let report = case.report();
        let found = found_all(&report);
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
        let fast = case.rules.is_valid(&case.canvas, case.fixture.profile);
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

/// The codes of the catalogue.
fn catalogue_codes() -> BTreeSet<&'static str> {
    rules::canvas().iter().map(|r| r.meta().code()).collect()
}

#[test]
fn every_rule_fires_in_at_least_two_fixtures() {
    let codes = catalogue_codes();
    assert_eq!(codes.len(), 59, "the catalogue has changed size");
    let mut firing: BTreeMap<&str, Vec<String>> = codes.iter().map(|c| (*c, Vec::new())).collect();
    let mut unknown = Vec::new();
    for case in cases() {
        let in_fixture: BTreeSet<&str> = case
            .fixture
            .expect
            .iter()
            .map(|e| e.code.as_str())
            .collect();
        for code in in_fixture {
            match firing.get_mut(code) {
                Some(names) => names.push(case.name.clone()),
                None => unknown.push(format!("{} expects unknown code {code}", case.name)),
            }
        }
    }
    assert!(unknown.is_empty(), "{}", unknown.join("\n"));
    let thin: Vec<String> = firing
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

/// Every pointer in the complete sample with array indices written as `*`:
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
        &sample_value(&format!("{COMPLETE}.json")).unwrap(),
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

/// The document with every absent zone and block written as an empty object:
/// the two mean the same, since every zone and block defaults to empty.
fn with_blocks(document: &Value) -> Value {
    let mut document = document.clone();
    for block in Block::ALL {
        let mut node = &mut document;
        for token in tokens(block.pointer()).unwrap() {
            let Value::Object(map) = node else { break };
            node = map
                .entry(token)
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
        }
    }
    document
}

#[test]
fn every_finding_points_into_the_document_and_fills_its_message() {
    let shapes = shapes();
    let mut problems = Vec::new();
    for case in cases() {
        let report = case.report();
        let filled = with_blocks(&case.document);
        for finding in report.all_findings() {
            let path = finding.path.as_str();
            let resolves = case.document.pointer(path).is_some();
            // A missing optional field: its parent is there (an absent block
            // counting as an empty one), it names a field of an object, and the
            // complete sample shows that field at that place.
            let missing_field = !resolves
                && !path.is_empty()
                && filled
                    .pointer(parent_of(path))
                    .is_some_and(Value::is_object)
                && shapes.contains(&shape_of(path));
            if !resolves && !missing_field {
                problems.push(format!(
                    "{}: {} points at {path}, which is neither in the document nor a missing field",
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
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_path_and_message_helpers_work() {
    let shapes = shapes();
    assert!(shapes.contains("/steering/performance/objectives"));
    assert!(shapes.contains("/proposition/customer_value/elements/*/serves"));
    assert!(!shapes.contains("/steering/performance/objectivez"));
    let filled =
        with_blocks(&serde_json::json!({"metadata": {}, "steering": {"insight": {"sources": []}}}));
    assert!(
        filled
            .pointer("/steering/performance")
            .is_some_and(Value::is_object)
    );
    assert!(
        filled
            .pointer("/steering/insight/sources")
            .is_some_and(Value::is_array)
    );
    assert!(filled.pointer("/value_chain/people").is_some());
    assert!(has_placeholder("the {block} is empty"));
    assert!(has_placeholder("{min_years} years"));
    assert!(!has_placeholder("a set {} and {Braces} and { spaced }"));
    assert!(!has_placeholder("no braces"));
    assert_eq!(shape_of("/a/0/b/12"), "/a/*/b/*");
    assert_eq!(parent_of("/a/b"), "/a");
    assert_eq!(parent_of("/a"), "");
}

#[test]
fn validating_twice_gives_identical_reports() {
    for case in cases() {
        let first = case.report().to_json();
        let second = case.report().to_json();
        assert_eq!(first, second, "fixture {}", case.name);
        // A rule set built again from the same configuration agrees too.
        let config = match &case.fixture.config {
            None => Config::default(),
            Some(config) => Config::from_json(&config.to_string()).unwrap(),
        };
        let again = rule_set(config)
            .unwrap()
            .validate(&case.canvas, case.fixture.profile)
            .to_json();
        assert_eq!(first, again, "fixture {}", case.name);
    }
}

// ---------------------------------------------------------------------------
// The samples
// ---------------------------------------------------------------------------

fn sample(name: &str) -> Vec<(String, Canvas)> {
    let json = fs::read_to_string(Path::new(SAMPLES).join(format!("{name}.json"))).unwrap();
    let toml = fs::read_to_string(Path::new(SAMPLES).join(format!("{name}.toml"))).unwrap();
    vec![
        (format!("{name}.json"), Canvas::from_json(&json).unwrap()),
        (format!("{name}.toml"), Canvas::from_toml(&toml).unwrap()),
    ]
}

#[test]
fn the_complete_sample_gives_an_empty_report_under_both_profiles() {
    let rules = rule_set(Config::default()).unwrap();
    for (file, canvas) in sample(COMPLETE) {
        for profile in Profile::ALL {
            let report = rules.validate(&canvas, profile);
            assert!(report.is_empty(), "{file} under {profile}:\n{report}");
            assert!(rules.is_valid(&canvas, profile), "{file} under {profile}");
        }
    }
}

#[test]
fn the_draft_sample_is_a_valid_draft_but_not_a_final_canvas() {
    let rules = rule_set(Config::default()).unwrap();
    for (file, canvas) in sample(DRAFT) {
        let draft = rules.validate(&canvas, Profile::Draft);
        assert!(
            !draft.is_empty(),
            "{file}: a draft has something to fill in"
        );
        let serious: Vec<String> = draft
            .findings()
            .iter()
            .filter(|f| f.severity != Severity::Info)
            .map(ToString::to_string)
            .collect();
        assert!(
            serious.is_empty(),
            "{file} under draft:\n{}",
            serious.join("\n")
        );
        assert!(draft.is_valid() && rules.is_valid(&canvas, Profile::Draft));

        let fin = rules.validate(&canvas, Profile::Final);
        assert!(!fin.is_valid(), "{file} under final:\n{fin}");
        assert!(!rules.is_valid(&canvas, Profile::Final), "{file}");
        // What is information in a draft is an error or a warning in a final canvas.
        assert_eq!(fin.findings().len(), draft.findings().len(), "{file}");
        assert_eq!(fin.counts().info, 0, "{file}:\n{fin}");
    }
}

#[test]
fn emptying_any_block_of_the_complete_sample_fails_the_final_profile_there() {
    let rules = rule_set(Config::default()).unwrap();
    let complete = sample_value(&format!("{COMPLETE}.json")).unwrap();
    for block in Block::ALL {
        let pointer = block.pointer();
        let replace = Operation {
            op: "replace".to_owned(),
            path: pointer.to_owned(),
            value: Some(Value::Object(serde_json::Map::new())),
        };
        let remove = Operation {
            op: "remove".to_owned(),
            path: pointer.to_owned(),
            value: None,
        };
        for operation in [replace, remove] {
            let mut document = complete.clone();
            apply(&mut document, &operation).unwrap();
            let canvas = Canvas::from_json(&document.to_string())
                .unwrap_or_else(|e| panic!("{} {pointer}: {e}", operation.op));
            assert!(!canvas.is_filled(block), "{pointer}");
            let report = rules.validate(&canvas, Profile::Final);
            assert!(!report.is_valid(), "{} {pointer}", operation.op);
            assert!(!rules.is_valid(&canvas, Profile::Final), "{pointer}");
            let blocks: Vec<(&str, Severity)> = report
                .with_code("CANVAS-BLOCK-001")
                .map(|f| (f.path.as_str(), f.severity))
                .collect();
            assert_eq!(
                blocks,
                [(pointer, Severity::Error)],
                "{} {pointer}:\n{report}",
                operation.op
            );
            // A draft may leave the block empty: the finding is information.
            let draft = rules.validate(&canvas, Profile::Draft);
            assert!(
                draft
                    .with_code("CANVAS-BLOCK-001")
                    .all(|f| f.severity == Severity::Info && f.path.as_str() == pointer),
                "{pointer}:\n{draft}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Folding: one empty block, one finding
// ---------------------------------------------------------------------------

/// The paths of the standing CANVAS-BLOCK-001 findings: the blocks reported empty.
fn empty_blocks(report: &Report) -> Vec<String> {
    report
        .with_code("CANVAS-BLOCK-001")
        .map(|f| f.path.as_str().to_owned())
        .collect()
}

/// Whether `path` is `block` or lies under it.
fn at_or_under(path: &str, block: &str) -> bool {
    path.strip_prefix(block)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The standing errors, other than the block's own, at or under a block reported empty.
fn errors_under_empty_blocks(report: &Report) -> Vec<String> {
    let blocks = empty_blocks(report);
    report
        .with_severity(Severity::Error)
        .filter(|f| f.code != "CANVAS-BLOCK-001")
        .filter(|f| blocks.iter().any(|b| at_or_under(f.path.as_str(), b)))
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_draft_sample_under_final_reports_each_empty_block_once() {
    let rules = rule_set(Config::default()).unwrap();
    for (file, canvas) in sample(DRAFT) {
        let report = rules.validate(&canvas, Profile::Final);
        let empty: Vec<&str> = Block::ALL
            .iter()
            .filter(|b| !canvas.is_filled(**b))
            .map(|b| b.pointer())
            .collect();
        assert_eq!(empty.len(), 8, "{file}");
        // Each empty block once, in block order, as the one error there.
        assert_eq!(empty_blocks(&report), empty, "{file}:\n{report}");
        assert!(
            errors_under_empty_blocks(&report).is_empty(),
            "{file}:\n{report}"
        );
        // Before folding the sample gave 30 errors and 3 warnings; the eight
        // blocks and one stakeholder error stand, the other 24 are folded.
        // The three warnings are its journeys, which have no owner yet.
        let counts = report.counts();
        assert_eq!(
            (counts.error, counts.warning, counts.info, counts.folded),
            (9, 3, 0, 24),
            "{file}:\n{report}"
        );
        assert_eq!(
            report.with_code("CANVAS-TRACE-005").count(),
            3,
            "{file}:\n{report}"
        );
        assert_eq!(report.all_findings().count(), 36, "{file}");
        assert_eq!(
            report
                .all_findings()
                .filter(|f| f.severity == Severity::Error)
                .count(),
            // The voices of the employee and the operation are warnings.
            28,
            "{file}"
        );
        // What each block folds, by code.
        let folded = |block: &str| -> Vec<&str> {
            let cause = report
                .with_code("CANVAS-BLOCK-001")
                .find(|f| f.path.as_str() == block)
                .unwrap();
            assert_eq!(cause.covers.as_ref().map(|c| c.as_str()), Some(block));
            cause.folded.iter().map(|f| f.code.as_str()).collect()
        };
        assert_eq!(
            folded("/steering/governance"),
            [
                "CANVAS-CHOICES-001",
                "CANVAS-GOV-001",
                "CANVAS-GOV-002",
                "CANVAS-GOV-003",
                "CANVAS-QUESTIONS-001"
            ],
            "{file}"
        );
        assert_eq!(
            folded("/steering/insight"),
            [
                "CANVAS-INSIGHT-001",
                "CANVAS-INSIGHT-001",
                "CANVAS-INSIGHT-001",
                "CANVAS-QUESTIONS-001"
            ],
            "{file}"
        );
        assert_eq!(
            folded("/proposition/business_value"),
            [
                "CANVAS-QUESTIONS-001",
                "CANVAS-VALUE-001",
                "CANVAS-VALUE-002"
            ],
            "{file}"
        );
        // The goals no objective supports are about the empty performance
        // block, though their paths are in the foundation.
        assert_eq!(
            folded("/steering/performance")
                .iter()
                .filter(|c| **c == "CANVAS-DISSONANCE-002")
                .count(),
            2,
            "{file}"
        );
        assert!(folded("/context/business").is_empty(), "{file}");
        // The text says so, and the alternate text lists them.
        let text = report.to_string();
        assert!(text.contains("(+5 implied finding(s) folded)"), "{text}");
        assert!(
            text.ends_with("24 implied finding(s) folded into them"),
            "{text}"
        );
        assert!(!text.contains("CANVAS-GOV-001"), "{text}");
        assert!(format!("{report:#}").contains("CANVAS-GOV-001"));
        // The JSON carries them under their cause and reads back the same.
        let json = report.to_json();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report, "{file}");
    }
}

#[test]
fn no_error_stands_under_an_empty_block_in_any_fixture() {
    for case in cases() {
        let report = case.report();
        if case.fixture.profile == Profile::Final {
            let errors = errors_under_empty_blocks(&report);
            assert!(
                errors.is_empty(),
                "fixture {}:\n{}",
                case.name,
                errors.join("\n")
            );
        }
        assert_eq!(
            report.all_findings().count(),
            report.findings().len() + report.folded_count(),
            "fixture {}",
            case.name
        );
        // A folded finding is never more severe than the one carrying it.
        for finding in report.all_findings() {
            assert!(
                finding
                    .folded
                    .iter()
                    .all(|f| f.severity <= finding.severity),
                "fixture {}: {finding:#}",
                case.name
            );
        }
    }
}

#[test]
fn emptying_any_block_of_the_complete_sample_leaves_one_error_there() {
    let rules = rule_set(Config::default()).unwrap();
    let complete = sample_value(&format!("{COMPLETE}.json")).unwrap();
    for block in Block::ALL {
        let pointer = block.pointer();
        let mut document = complete.clone();
        let operation = Operation {
            op: "remove".to_owned(),
            path: pointer.to_owned(),
            value: None,
        };
        apply(&mut document, &operation).unwrap();
        let canvas = Canvas::from_json(&document.to_string()).unwrap();
        let report = rules.validate(&canvas, Profile::Final);
        assert_eq!(empty_blocks(&report), [pointer], "{pointer}:\n{report}");
        assert!(
            errors_under_empty_blocks(&report).is_empty(),
            "{pointer}:\n{report}"
        );
        assert_eq!(
            report.is_valid(),
            rules.is_valid(&canvas, Profile::Final),
            "{pointer}"
        );
    }
}
