//! Keeps the JSON Schemas in `schemas/` in step with the model, and checks them
//! with an independent validator (`jsonschema`): every sample document passes,
//! a real validation report passes, and documents the loaders refuse (unknown
//! fields, wrong types, values out of range, unknown enum variants, ids that
//! are no UUIDs, dates that are no dates) fail, whether the validator checks
//! `format` or not.
//!
//! To regenerate the schemas after changing a document type:
//! `UPDATE_SCHEMAS=1 cargo test --features schema --test schemas`.
#![cfg(feature = "schema")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use customer_strategy::validate::{Config, Profile, Report, RuleSet};
use customer_strategy::{
    Canvas, CultureSignals, Document, Instrument, Round, ValueStudy, rules, schema,
};
use jsonschema::Validator;
use proptest::prelude::*;
use proptest::test_runner::RngAlgorithm;
use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The command that rewrites the checked-in schemas.
const UPDATE: &str = "UPDATE_SCHEMAS=1 cargo test --features schema --test schemas";

fn schemas_dir() -> PathBuf {
    Path::new(ROOT).join("schemas")
}

/// A schema as written to `schemas/`: pretty-printed, with a trailing newline.
fn file_text(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).unwrap() + "\n"
}

#[test]
fn checked_in_schemas_match_the_model() {
    let dir = schemas_dir();
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for (stem, schema) in schema::all() {
        let path = dir.join(format!("{stem}.schema.json"));
        let generated = file_text(&schema);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, generated).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(generated.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "the schemas {stale:?} are missing or out of step with the document types; run \
         `{UPDATE}` and review the change"
    );
}

#[test]
fn schemas_holds_only_generated_files() {
    let expected: Vec<String> = schema::all()
        .into_iter()
        .map(|(stem, _)| format!("{stem}.schema.json"))
        .collect();
    let mut found: Vec<String> = std::fs::read_dir(schemas_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    found.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(
        found, sorted,
        "schemas/ should hold exactly the generated schemas"
    );
}

#[test]
fn generation_is_deterministic() {
    let first: Vec<String> = schema::all().iter().map(|(_, s)| file_text(s)).collect();
    let second: Vec<String> = schema::all().iter().map(|(_, s)| file_text(s)).collect();
    assert_eq!(first, second);
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema_with_a_title() {
    for (stem, schema) in schema::all() {
        jsonschema::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{stem}: not a valid JSON Schema: {e}"));
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{stem}"
        );
        assert!(schema.get("$id").is_none(), "{stem} has an $id");
        assert!(
            schema["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{stem}"
        );
        assert!(
            schema["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty()),
            "{stem}"
        );
        assert_eq!(schema["additionalProperties"], false, "{stem}");
        // Descriptions come from doc comments, tidied: no code examples, no rustdoc links.
        let text = schema.to_string();
        assert!(!text.contains("```"), "{stem} has a code block");
        assert!(!text.contains("[`"), "{stem} has a rustdoc link");
    }
}

// ---------------------------------------------------------------------------
// Validating documents
// ---------------------------------------------------------------------------

/// The kinds of document, each with its schema and its loader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Canvas,
    Instrument,
    Round,
    CultureSignals,
    RuleConfig,
    ValueStudy,
    Report,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::Canvas,
        Kind::Instrument,
        Kind::Round,
        Kind::CultureSignals,
        Kind::RuleConfig,
        Kind::ValueStudy,
        Kind::Report,
    ];

    fn stem(self) -> &'static str {
        match self {
            Kind::Canvas => "canvas",
            Kind::Instrument => "instrument",
            Kind::Round => "round",
            Kind::CultureSignals => "culture-signals",
            Kind::RuleConfig => "rule-config",
            Kind::ValueStudy => "value-study",
            Kind::Report => "report",
        }
    }

    /// The schema as checked in, which is what other tools read.
    fn checked_in_schema(self) -> Value {
        let path = schemas_dir().join(format!("{}.schema.json", self.stem()));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}; run `{UPDATE}`", path.display()));
        serde_json::from_str(&text).unwrap()
    }

    /// A validator that asserts formats too (`uuid`, `date`, `date-time`).
    fn validator(self) -> Validator {
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&self.checked_in_schema())
            .unwrap()
    }

    /// A validator that treats `format` as a note, as draft 2020-12 does by
    /// default and as most validators do unless told otherwise: only the
    /// patterns check ids and dates.
    fn pattern_validator(self) -> Validator {
        jsonschema::draft202012::options()
            .should_validate_formats(false)
            .build(&self.checked_in_schema())
            .unwrap()
    }

    /// Loads `document` (JSON) with the crate's own loader.
    fn load(self, document: &Value) -> Result<(), String> {
        let text = document.to_string();
        let loaded = match self {
            Kind::Canvas => Canvas::from_json(&text).map(drop),
            Kind::Instrument => Instrument::from_json(&text).map(drop),
            Kind::Round => Round::from_json(&text).map(drop),
            Kind::CultureSignals => CultureSignals::from_json(&text).map(drop),
            Kind::RuleConfig => Config::from_json(&text).map(drop),
            Kind::ValueStudy => ValueStudy::from_json(&text).map(drop),
            Kind::Report => {
                return serde_json::from_str::<Report>(&text)
                    .map(drop)
                    .map_err(|e| e.to_string());
            }
        };
        loaded.map_err(|e| e.to_string())
    }
}

/// The errors the validator reports for `document`, one line each.
fn schema_errors(validator: &Validator, document: &Value) -> Vec<String> {
    validator
        .iter_errors(document)
        .map(|e| format!("at `{}`: {e}", e.instance_path()))
        .collect()
}

/// A TOML document as the JSON value the schemas describe: native TOML dates
/// and times become their RFC 3339 text, as the loaders read them.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, toml_to_json(value)))
                .collect(),
        ),
    }
}

/// Reads a JSON or TOML document as a JSON value.
fn read_document(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => serde_json::from_str(&text).unwrap(),
        Some("toml") => toml_to_json(toml::from_str(&text).unwrap()),
        _ => panic!("{} is neither JSON nor TOML", path.display()),
    }
}

/// The kind of a sample in `examples/data/`, by its name.
fn sample_kind(stem: &str) -> Kind {
    if stem.ends_with("_canvas") || stem.contains("_canvas_rev") {
        Kind::Canvas
    } else if stem.starts_with("team_round_") {
        Kind::Round
    } else if stem.ends_with("_culture") {
        Kind::CultureSignals
    } else if stem.ends_with("_rules") {
        Kind::RuleConfig
    } else if stem.ends_with("_value_study") {
        Kind::ValueStudy
    } else {
        panic!("examples/data/{stem}: which kind of document is it? Teach `sample_kind`.")
    }
}

/// Every sample document: the files in `examples/data/` and the built-in instrument.
fn samples() -> Vec<(PathBuf, Kind)> {
    let mut samples: Vec<(PathBuf, Kind)> =
        std::fs::read_dir(Path::new(ROOT).join("examples/data"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("json" | "toml")
                )
            })
            .map(|path| {
                let kind = sample_kind(path.file_stem().unwrap().to_str().unwrap());
                (path, kind)
            })
            .collect();
    samples.sort();
    samples.push((
        Path::new(ROOT).join("data/customer_strategy_maturity.toml"),
        Kind::Instrument,
    ));
    samples
}

#[test]
fn every_sample_document_matches_its_schema() {
    let samples = samples();
    for kind in [
        Kind::Canvas,
        Kind::Instrument,
        Kind::Round,
        Kind::CultureSignals,
        Kind::RuleConfig,
        Kind::ValueStudy,
    ] {
        assert!(
            samples.iter().any(|(_, k)| *k == kind),
            "no sample of {kind:?}"
        );
    }
    let mut validators = BTreeMap::new();
    for (path, kind) in samples {
        let validator = validators
            .entry(kind.stem())
            .or_insert_with(|| kind.validator());
        let document = read_document(&path);
        // The loader takes it, so the schema must too.
        kind.load(&document)
            .unwrap_or_else(|e| panic!("{}: the loader refuses it: {e}", path.display()));
        let errors = schema_errors(validator, &document);
        assert!(
            errors.is_empty(),
            "{} does not match schemas/{}.schema.json:\n{}",
            path.display(),
            kind.stem(),
            errors.join("\n")
        );
    }
}

#[test]
fn native_toml_dates_match_once_converted() {
    let signals = "schema_version = 1\nas_of = 2026-10-31\n";
    CultureSignals::from_toml(signals).unwrap();
    let document = toml_to_json(toml::from_str(signals).unwrap());
    assert_eq!(document["as_of"], "2026-10-31");
    assert!(Kind::CultureSignals.validator().is_valid(&document));

    let round = r#"
        schema_version = 1
        name = "Spring"
        date = 2026-03-15
        instrument = { id = "customer-strategy-maturity", version = "1" }
        [[responses]]
        respondent = { id = "r1", level = "board" }
        submitted = 2026-03-02T09:00:00+01:00
        answers = { strategy-01 = 4 }
    "#;
    Round::from_toml(round).unwrap();
    let document = toml_to_json(toml::from_str(round).unwrap());
    let errors = schema_errors(&Kind::Round.validator(), &document);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The workshop draft judged as final: a report with many findings.
fn draft_report() -> Report {
    let canvas = Canvas::from_toml(
        &std::fs::read_to_string(Path::new(ROOT).join("examples/data/workshop_draft_canvas.toml"))
            .unwrap(),
    )
    .unwrap();
    let rules = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap();
    rules.validate(&canvas, Profile::Final)
}

#[test]
fn a_validation_report_matches_its_schema() {
    let report = draft_report();
    assert!(!report.is_valid());
    let document: Value = serde_json::from_str(&report.to_json()).unwrap();
    let findings = document["findings"].as_array().unwrap();
    // The report exercises the optional parts of a finding.
    assert!(findings.iter().any(|f| f.get("args").is_some()));
    assert!(findings.iter().any(|f| f.get("hint").is_some()));
    let validator = Kind::Report.validator();
    let errors = schema_errors(&validator, &document);
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    // A report with no findings, too.
    let empty: Value = serde_json::from_str(
        &RuleSet::<Canvas>::builder()
            .build()
            .unwrap()
            .validate(&Canvas::new("Empty", "Nobody"), Profile::Draft)
            .to_json(),
    )
    .unwrap();
    assert!(validator.is_valid(&empty), "{empty}");
}

// ---------------------------------------------------------------------------
// The schema refuses what the loader refuses, and accepts what it accepts
// ---------------------------------------------------------------------------

fn sample(relative: &str) -> Value {
    read_document(&Path::new(ROOT).join(relative))
}

fn base(kind: Kind) -> Value {
    match kind {
        Kind::Canvas => sample("examples/data/harbour_bank_canvas.json"),
        Kind::Instrument => sample("data/customer_strategy_maturity.toml"),
        Kind::Round => sample("examples/data/team_round_2026.json"),
        Kind::CultureSignals => sample("examples/data/harbour_bank_culture.json"),
        Kind::RuleConfig => sample("examples/data/custom_rules.toml"),
        Kind::ValueStudy => sample("examples/data/harbour_bank_value_study.json"),
        Kind::Report => serde_json::from_str(&draft_report().to_json()).unwrap(),
    }
}

/// Sets the value at `pointer` (its parent must exist), or removes it when `value` is `None`.
fn edit(document: &mut Value, pointer: &str, value: Option<Value>) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = document
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent} in the document"));
    match (parent, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(key.replace("~1", "/").replace("~0", "~"), value);
        }
        (Value::Object(map), None) => {
            map.remove(key)
                .unwrap_or_else(|| panic!("no {pointer} to remove"));
        }
        (Value::Array(items), Some(value)) => items[key.parse::<usize>().unwrap()] = value,
        (Value::Array(items), None) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        (other, _) => panic!("{pointer}: the parent is {other}"),
    }
}

/// Edits of the valid samples, one a line: who accepts the edited document
/// (see [`Verdict`]), the kind of document, the JSON Pointer edited, the new
/// value as JSON (`-` removes it), and what the case is about.
const CASES: &str = r#"
# Unknown fields, at the root and deep down.
refuse | canvas          | /colour                                                 | "blue"          | unknown root field
refuse | canvas          | /metadata/organisation                                  | "Harbour Bank"  | misspelt field
refuse | canvas          | /context/customer/segments/0/age                        | 40              | unknown field in a segment
refuse | canvas          | /steering/budget                                        | 1               | unknown field in a zone
refuse | canvas          | /proposition/business_value/investments/0/amount/cents  | 0               | unknown field in money
refuse | canvas          | /steering/performance/metrics/0/measures/0              | {"dream": "ab000000-0000-4000-8000-000000000001"} | unknown kind of measured element
refuse | instrument      | /items/0/hint                                           | "?"             | unknown field in an item
refuse | round           | /responses/0/mood                                       | "good"          | unknown field in a response
refuse | culture-signals | /happiness                                              | 0.5             | unknown signal
refuse | rule-config     | /rules/CANVAS-GOV-004/priority                          | 1               | unknown rule setting
refuse | report          | /valid                                                  | false           | unknown field in a report
refuse | report          | /findings/0/rule                                        | "x"             | unknown field in a finding

# Wrong types: text where a number belongs, and the like. (Not a list for a
# struct: serde also reads a struct from a list of its fields in order, a form
# the schemas leave out.)
refuse | culture-signals | /executive_customer_time                                | "9%"            | text for a share
refuse | culture-signals | /improvement_programmes                                 | "3"             | text for a count
refuse | instrument      | /scale/min                                              | "1"             | text for a scale point
refuse | instrument      | /dimensions/0/weight                                    | "1"             | text for a weight
refuse | canvas          | /metadata/name                                          | 2026            | a number for a name
refuse | culture-signals | /policies_reviewed_for_customers                        | "yes"           | text for a flag
refuse | rule-config     | /rules/CANVAS-GOV-004                                   | 5               | a number for a rule's settings
refuse | rule-config     | /rules/CANVAS-GOV-004/params/max_days                   | {"days": 31}    | an object for a parameter
refuse | report          | /counts/error                                           | "many"          | text for a count in a report

# Values out of range.
refuse | culture-signals | /executive_customer_time                                | 1.5             | a share of 1.5
refuse | culture-signals | /incentive_mix/customer                                 | -0.1            | a negative share
refuse | canvas          | /steering/performance/objectives/0/investment_share     | 1.5             | an investment share of 1.5
refuse | canvas          | /proposition/business_value/investments/0/amount/amount | -1              | a negative amount
refuse | canvas          | /proposition/business_value/investments/0/amount/amount | 1.5             | an amount with a fraction
refuse | canvas          | /proposition/business_value/investments/0/amount/amount | 9223372036854775808 | an amount over i64::MAX
refuse | canvas          | /proposition/business_value/investments/0/amount/currency | "gbp"         | a lower-case currency
refuse | canvas          | /proposition/business_value/investments/0/amount/currency | "GBPX"        | a four-letter currency
refuse | instrument      | /scale/max                                              | 256             | a scale point over 255
refuse | culture-signals | /improvement_programmes                                 | -1              | a negative count
refuse | culture-signals | /improvement_programmes                                 | 4294967296      | a count over u32::MAX
refuse | round           | /responses/0/answers/culture-01                         | 256             | an answer over 255
refuse | round           | /responses/0/answers/culture-01                         | -1              | a negative answer
refuse | round           | /responses/0/answers/culture-01                         | "maybe"         | an unknown answer word
refuse | round           | /responses/0/answers/culture-01                         | 3.5             | an answer with a fraction

# Unknown enum variants.
refuse | canvas          | /metadata/stage                                         | "finished"      | an unknown stage
refuse | canvas          | /metadata/scope/0                                       | "astrology"     | an unknown scope area
refuse | canvas          | /proposition/experience/journeys/0/stages/0/touch_points/0/channel | "pigeon" | an unknown channel
refuse | round           | /responses/0/respondent/level                           | "intern"        | an unknown organizational level
refuse | culture-signals | /circles/cadence                                        | "hourly"        | an unknown cadence
refuse | rule-config     | /rules/CANVAS-GOV-004/severity                          | "fatal"         | an unknown severity
refuse | report          | /profile                                                | "finished"      | an unknown profile

# Ids, dates and versions. The patterns refuse these without `format`.
refuse | canvas          | /metadata/id                                            | "harbour-bank"  | an id that is no UUID
refuse | canvas          | /metadata/id                                            | ""              | an empty id
refuse | canvas          | /metadata/id                                            | "ab000000-0000-4000-8000-00000000000g" | a UUID with a digit that is not hexadecimal
refuse | canvas          | /metadata/id                                            | "ab000000-0000-4000-8000-0000000000011" | a UUID with a digit too many
refuse | canvas          | /metadata/id                                            | "ab00000-00000-4000-8000-000000000001" | a UUID with a hyphen out of place
refuse | canvas          | /metadata/id                                            | " ab000000-0000-4000-8000-000000000001" | a UUID after a space
refuse | canvas          | /metadata/id                                            | "{ab000000-0000-4000-8000-000000000001" | a UUID with one brace
refuse | canvas          | /metadata/id                                            | "urn:uuid:ab000000000040008000000000000001" | a URN of 32 digits
refuse | canvas          | /context/customer/segments/0/id                         | "home-movers"   | a segment id that is no UUID
refuse | canvas          | /metadata/horizon/start                                 | "2026-13-01"    | a date that is no date
refuse | canvas          | /metadata/horizon/start                                 | "2026-00-10"    | month 0
refuse | canvas          | /metadata/horizon/start                                 | "2026-01-32"    | 32 January
refuse | canvas          | /metadata/horizon/start                                 | "2026-04-31"    | 31 April
refuse | canvas          | /metadata/horizon/start                                 | "2026-02-30"    | 30 February
refuse | canvas          | /metadata/horizon/start                                 | "2026-02-29"    | 29 February of a common year
refuse | canvas          | /metadata/horizon/start                                 | "1900-02-29"    | 29 February of a century that is no leap year
refuse | canvas          | /metadata/horizon/start                                 | "2026-03-15T00:00:00Z" | a timestamp for a date
refuse | canvas          | /metadata/horizon/start                                 | "10000-01-01"   | a five-digit year without its sign
refuse | culture-signals | /as_of                                                  | "31/10/2026"    | a date written day first
refuse | round           | /responses/0/submitted                                  | "2026-03-02T09:00:00" | a timestamp without an offset
refuse | round           | /responses/0/submitted                                  | "2026-03-02"    | a date for a timestamp
refuse | round           | /responses/0/submitted                                  | "2026-03-02T24:00:00Z" | hour 24
refuse | round           | /responses/0/submitted                                  | "2026-03-02T09:60:00Z" | minute 60
refuse | round           | /responses/0/submitted                                  | "2026-02-30T09:00:00Z" | a timestamp on 30 February
refuse | round           | /responses/0/submitted                                  | "2026-03-02T09:00:00+24:00" | an offset of a whole day
refuse | canvas          | /metadata/created                                       | "yesterday"     | a timestamp that is no timestamp
refuse | round           | /date                                                   | 20260315        | a date as a number
refuse | canvas          | /metadata/schema_version                                | 2               | another schema version
refuse | rule-config     | /schema_version                                         | 2               | another schema version
refuse | culture-signals | /as_of                                                  | null            | null for a date
refuse | canvas          | /metadata/scope                                         | null            | null for a list

# Missing required fields.
refuse | canvas          | /metadata/name                                          | -               | no name
refuse | canvas          | /metadata                                               | -               | no metadata
refuse | instrument      | /scale                                                  | -               | no scale
refuse | culture-signals | /schema_version                                         | -               | no schema version
refuse | report          | /counts                                                 | -               | no counts

# What the loader accepts, the schema accepts.
accept | canvas          | /foundation                                             | -               | no foundation
accept | canvas          | /metadata/stage                                         | -               | no stage
accept | culture-signals | /scorecard                                              | -               | a signal left out
accept | culture-signals | /scorecard                                              | null            | null for an optional signal
accept | canvas          | /metadata/owner                                         | null            | null for an optional owner
accept | culture-signals | /executive_customer_time                                | 1               | a whole share
accept | culture-signals | /executive_customer_time                                | 0               | a share of zero
accept | canvas          | /proposition/business_value/investments/0/amount/amount | 9223372036854775807 | the largest amount
accept | culture-signals | /improvement_programmes                                 | 4294967295      | the largest count
accept | round           | /responses/0/answers/culture-01                         | 0               | an answer of 0
accept | round           | /responses/0/answers/culture-01                         | "dont_know"     | dont_know
accept | round           | /responses/0/answers/culture-01                         | "not_applicable" | not_applicable
accept | round           | /responses/0/answers/not-in-the-instrument              | 3               | any item id
accept | round           | /responses/0/submitted                                  | "2026-03-02T09:00:00+01:00" | a timestamp with an offset
accept | round           | /responses/0/submitted                                  | "2026-03-02t09:00:00z" | a timestamp with t and z
accept | round           | /responses/0/submitted                                  | "2026-03-02T09:00:00.123456789-05:30" | a timestamp to the nanosecond
accept | round           | /responses/0/submitted                                  | "2016-12-31T23:59:60Z" | a leap second
accept | canvas          | /metadata/id                                            | "AB000000-0000-4000-8000-00000000000F" | an upper-case UUID
accept | canvas          | /metadata/horizon/start                                 | "2028-02-29"    | 29 February of a leap year
accept | canvas          | /metadata/horizon/start                                 | "2000-02-29"    | 29 February of a leap century

# Forms the loader reads that `format` (RFC 3339 and RFC 4122's hyphenated
# UUID) leaves out; the patterns accept them, as the loader does.
accept:pattern | canvas  | /metadata/id                                            | "ab000000000040008000000000000001" | a UUID of 32 digits
accept:pattern | canvas  | /metadata/id                                            | "{ab000000-0000-4000-8000-000000000001}" | a UUID in braces
accept:pattern | canvas  | /metadata/id                                            | "URN:uuid:ab000000-0000-4000-8000-000000000001" | a UUID as a URN
accept:pattern | canvas  | /metadata/horizon/end                                   | "+10000-01-01"  | a year beyond 9999, as the loader writes it
accept:pattern | canvas  | /metadata/horizon/end                                   | "+2030-12-31"   | a signed four-digit year
accept:pattern | canvas  | /metadata/horizon/end                                   | "+10400-02-29"  | 29 February of a leap year beyond 9999
accept:pattern | canvas  | /metadata/updated                                       | "+10000-01-01T00:00:00Z" | a timestamp beyond 9999

# What only the loader accepts: it is more lenient than RFC 3339, and the
# schemas ask for the form the loader writes.
accept:loader | canvas   | /metadata/horizon/start                                 | "2026-1-5"      | one-digit month and day
accept:loader | canvas   | /metadata/horizon/start                                 | "26-01-01"      | a two-digit year (the year 26)
accept:loader | round    | /responses/0/submitted                                  | "2026-03-02 09:00:00Z" | a space for T
accept:loader | round    | /responses/0/submitted                                  | "2026-03-02T09:00:00+0100" | an offset without a colon
accept:loader | round    | /responses/0/submitted                                  | "2026-03-02T09:00:00 UTC" | UTC for Z

# What only `format` refuses: a pattern cannot know the range of years the
# loader holds (up to ±262143), nor whether an offset takes an instant
# beyond it.
refuse:format | canvas   | /metadata/horizon/end                                   | "+262144-01-01" | a year beyond the range of dates
refuse:format | canvas   | /metadata/updated                                       | "+262143-12-31T23:00:00-05:00" | an instant that the offset takes beyond the range
accept | canvas          | /steering/performance/metrics/0/target/value            | 7               | a whole target
accept | rule-config     | /rules/CANVAS-GOV-004/params/note                       | "monthly"       | a text parameter
accept | rule-config     | /rules/CANVAS-GOV-004/params/max_days                   | 30.5            | a fractional parameter
accept | rule-config     | /rules/CANVAS-GOV-004/params/strict                     | true            | a boolean parameter
accept | rule-config     | /rules/ANY-CODE-AT-ALL                                  | {}              | any rule code

# Value studies: what the types cannot hold is refused; a rating off the
# study's scale (11 on 1 to 10) is the rules' to report, so both accept it.
refuse | value-study     | /competitors/0/colour                                   | "red"           | unknown field in an offer
refuse | value-study     | /quality/0/weight                                       | 1.5             | a weight of 1.5
refuse | value-study     | /quality/0/weight                                       | 40              | a weight as a percentage
refuse | value-study     | /responses/0/ratings/harbour/speed                      | 300             | a rating over 255
refuse | value-study     | /responses/0/ratings/harbour/speed                      | 7.5             | a rating with a fraction
refuse | value-study     | /responses/0/ratings/harbour/speed                      | -1              | a negative rating
refuse | value-study     | /quality/0/children/0/speaks_to                         | {"journey": "7a000000-0000-4000-8000-000000000003"} | an unknown kind of link
refuse | value-study     | /responses/0/segment                                    | "movers"        | a segment id that is no UUID
refuse | value-study     | /price_weight                                           | -               | no price weight
accept | value-study     | /responses/0/ratings/harbour/speed                      | 11              | a rating off the study's scale
accept | value-study     | /scale                                                  | -               | the default scale
accept | value-study     | /competitors                                            | -               | no competitors
"#;

/// Who accepts an edited sample: the loader, a validator that checks
/// `format`, and one that does not, so only the patterns check ids and dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// `accept`: all three.
    Accept,
    /// `refuse`: none of them.
    Refuse,
    /// `accept:pattern`: the loader and the patterns; `format` is narrower.
    AcceptPattern,
    /// `accept:loader`: the loader alone.
    AcceptLoader,
    /// `refuse:format`: the patterns alone; what no pattern can catch.
    RefuseFormat,
}

impl Verdict {
    /// Whether the loader, the schema with formats and the schema without
    /// them accept the document.
    fn expected(self) -> (bool, bool, bool) {
        match self {
            Verdict::Accept => (true, true, true),
            Verdict::Refuse => (false, false, false),
            Verdict::AcceptPattern => (true, false, true),
            Verdict::AcceptLoader => (true, false, false),
            Verdict::RefuseFormat => (false, false, true),
        }
    }
}

/// One edit of a valid sample; see [`CASES`].
struct Case {
    verdict: Verdict,
    kind: Kind,
    pointer: String,
    value: Option<Value>,
    what: String,
}

fn cases() -> Vec<Case> {
    CASES
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let columns: Vec<&str> = line.split(" | ").map(str::trim).collect();
            let [verdict, kind, pointer, value, what] = columns[..] else {
                panic!("a case has five columns: {line}");
            };
            Case {
                verdict: match verdict {
                    "accept" => Verdict::Accept,
                    "refuse" => Verdict::Refuse,
                    "accept:pattern" => Verdict::AcceptPattern,
                    "accept:loader" => Verdict::AcceptLoader,
                    "refuse:format" => Verdict::RefuseFormat,
                    other => panic!("`{other}` is no verdict: {line}"),
                },
                kind: Kind::ALL
                    .into_iter()
                    .find(|k| k.stem() == kind)
                    .unwrap_or_else(|| panic!("no kind `{kind}`: {line}")),
                pointer: pointer.to_owned(),
                value: (value != "-").then(|| {
                    serde_json::from_str(value)
                        .unwrap_or_else(|e| panic!("`{value}` is not JSON ({e}): {line}"))
                }),
                what: what.to_owned(),
            }
        })
        .collect()
}

/// Whether a validator accepts `document`, and its errors when it does not.
fn judge(validator: &Validator, document: &Value) -> Result<(), String> {
    let errors = schema_errors(validator, document);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

fn says(accepts: bool) -> &'static str {
    if accepts { "accepts" } else { "refuses" }
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let mut validators = BTreeMap::new();
    let mut disagreements = Vec::new();
    for case in cases() {
        let (with_formats, patterns_only) = validators
            .entry(case.kind.stem())
            .or_insert_with(|| (case.kind.validator(), case.kind.pattern_validator()));
        let mut document = base(case.kind);
        // Every base document is valid to all.
        assert!(with_formats.is_valid(&document), "{:?} base", case.kind);
        assert!(patterns_only.is_valid(&document), "{:?} base", case.kind);
        edit(&mut document, &case.pointer, case.value.clone());
        let what = format!("{:?}: {} ({})", case.kind, case.what, case.pointer);
        let (loader, formats, patterns) = case.verdict.expected();
        let loaded = case.kind.load(&document);
        assert_eq!(
            loaded.is_ok(),
            loader,
            "the loader unexpectedly {} {what}: {loaded:?}",
            says(!loader),
        );
        for (validator, expected, how) in [
            (&*with_formats, formats, "with formats"),
            (&*patterns_only, patterns, "without formats"),
        ] {
            let judged = judge(validator, &document);
            if judged.is_ok() != expected {
                disagreements.push(format!(
                    "{what}: the schema {how} should {} it, but {}{}",
                    if expected { "accept" } else { "refuse" },
                    says(judged.is_ok()),
                    judged.err().map_or_else(String::new, |e| format!(": {e}"))
                ));
            }
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
fn an_unknown_field_is_refused_where_the_loader_names_it() {
    let mut document = base(Kind::Canvas);
    edit(
        &mut document,
        "/context/customer/segments/0/nmae",
        Some(json!("Home movers")),
    );
    let error = Canvas::from_json(&document.to_string()).unwrap_err();
    assert!(error.is_unknown_field());
    let validator = Kind::Canvas.validator();
    let errors: Vec<_> = validator.iter_errors(&document).collect();
    assert!(!errors.is_empty());
    assert!(
        errors
            .iter()
            .any(|e| e.instance_path().to_string() == "/context/customer/segments/0"),
        "{errors:?}"
    );
}

// ---------------------------------------------------------------------------
// Any canvas the model can hold matches the schema
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    })]

    /// Formats are not asserted here: the model holds years beyond 9999, which
    /// it writes as `+10000-01-01` and reads back, and which `format: date`
    /// (RFC 3339) does not allow. Everything else must match, the patterns of
    /// ids, dates and times included, over the whole range of each.
    #[test]
    fn any_canvas_matches_the_schema(canvas in support::canvas()) {
        thread_local! {
            static VALIDATOR: Validator = jsonschema::draft202012::new(&schema::canvas()).unwrap();
        }
        let document: Value = serde_json::from_str(&canvas.to_json().unwrap()).unwrap();
        let errors = VALIDATOR.with(|validator| schema_errors(validator, &document));
        prop_assert!(errors.is_empty(), "{}\n--- document ---\n{}", errors.join("\n"), document);
    }
}
