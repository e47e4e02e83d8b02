//! JSON Schemas (draft 2020-12) for every document type, behind the `schema`
//! feature.
//!
//! Each function returns the schema of one document as a [`serde_json::Value`]:
//! [`canvas`], [`instrument`], [`round`], [`culture_signals`], [`rule_config`],
//! [`value_study`] and [`report`]; [`all`] returns them all with the file stem each is kept
//! under in the repository's `schemas/` directory. Editors, form builders and
//! services in other languages can check a document against its schema before
//! they hand it to this crate.
//!
//! The schemas say what the loaders accept: unknown fields are refused
//! (`additionalProperties: false`), required fields are listed, enums name
//! their values, shares lie from 0 to 1, amounts of money are whole numbers
//! with a three-letter currency, ids are UUIDs, dates are RFC 3339 text, and
//! `schema_version` is the one version this release reads.
//!
//! Ids, dates and date-times carry a `pattern` beside their `format`, since
//! most validators check `format` only when told to: whatever its settings, a
//! validator refuses an id that is no UUID, a date that is not in the calendar
//! (`2026-02-30`) and a timestamp without an offset. The patterns accept the
//! forms the loaders read and write, UUIDs in braces or as URNs and signed
//! years beyond 9999 (`+10000-01-01`) included, which `format` leaves out;
//! only a year beyond the range the loaders hold (±262143) needs `format` to
//! be refused. The loaders also read a few looser forms the patterns refuse
//! (`2026-3-5`, a space for the `T`, an offset without its colon).
//!
//! A TOML document is checked by converting it to JSON first, native TOML
//! dates becoming their RFC 3339 text. What a schema cannot express is left
//! to the loaders and the validation rules: cross-references between ids, a
//! report's counts matching its findings, and the like.
//!
//! The output is deterministic: the same release always gives the same schema,
//! with object keys in sorted order, and no `$id`.
//!
//! ```
//! let schema = customer_strategy::schema::canvas();
//! assert_eq!(schema["title"], "Customer Strategy Canvas");
//! assert_eq!(schema["additionalProperties"], false);
//!
//! // Dates are checked even by a validator that ignores `format`.
//! let date = &customer_strategy::schema::round()["properties"]["date"];
//! assert_eq!(date["format"], "date");
//! assert!(date["pattern"].as_str().is_some_and(|p| p.starts_with('^') && p.ends_with('$')));
//!
//! let stems: Vec<_> = customer_strategy::schema::all().into_iter().map(|(stem, _)| stem).collect();
//! assert_eq!(stems, [
//!     "canvas", "instrument", "round", "culture-signals", "rule-config", "value-study", "report",
//! ]);
//! ```

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::document::Document;
use crate::validate::{Config, Report};
use crate::{Canvas, CultureSignals, Instrument, Round, ValueStudy};

/// What every document's description ends with.
const LOADING: &str = "Written as JSON, or as TOML, which is checked once converted to \
                       JSON (native TOML dates become their RFC 3339 text).";

/// The schema of a Customer Strategy Canvas ([`Canvas`]).
#[must_use]
pub fn canvas() -> Value {
    document::<Canvas>(
        "Customer Strategy Canvas",
        "A customer strategy on one canvas: the metadata (whose strategy it is, what it \
         covers, who agreed it) and the five zones with their twelve blocks. Elements that \
         other elements refer to carry UUIDs, and references are those UUIDs.",
    )
}

/// The schema of a maturity assessment instrument ([`Instrument`]).
#[must_use]
pub fn instrument() -> Value {
    document::<Instrument>(
        "Maturity assessment instrument",
        "A questionnaire as data: its answer scale, its dimensions, its items and the \
         maturity levels its scores fall into, with the next steps for each.",
    )
}

/// The schema of a round of responses to an instrument ([`Round`]).
#[must_use]
pub fn round() -> Value {
    document::<Round>(
        "Assessment round",
        "One round of a maturity assessment: the instrument it answers, and each \
         respondent's organizational level and answers by item id.",
    )
}

/// The schema of an organization's culture signals ([`CultureSignals`]).
#[must_use]
pub fn culture_signals() -> Value {
    document::<CultureSignals>(
        "Culture signals",
        "What an organization can measure about its customer culture. Every signal is \
         optional: a missing signal means not known, never zero.",
    )
}

/// The schema of a rule configuration ([`Config`]).
#[must_use]
pub fn rule_config() -> Value {
    document::<Config>(
        "Rule configuration",
        "Which validation rules run, at what severity, with which parameters, by rule \
         code. Codes and parameters are checked against the rules when a rule set is built.",
    )
}

/// The schema of a customer value study ([`ValueStudy`]).
#[must_use]
pub fn value_study() -> Value {
    document::<ValueStudy>(
        "Customer value study",
        "A survey of customers comparing our offer with named competitors' in one market: \
         the quality and price attributes customers weigh, as a tree whose levels' weights \
         add up to 1, and each customer's ratings of each offer on each attribute (or \
         aggregated means with their counts) on one scale.",
    )
}

/// The schema of a validation report ([`Report`]), as [`Report::to_json`] writes it.
#[must_use]
pub fn report() -> Value {
    let mut schema = generate::<Report>();
    describe(
        &mut schema,
        "Validation report",
        "The findings of one validation run, in a stable order, with the profile the \
         subject was judged under and the number of findings of each severity. A report \
         is read back only when its counts match its findings.",
    );
    finish(schema)
}

/// Every document's schema, with the file stem it is kept under in `schemas/`
/// (`canvas` for `schemas/canvas.schema.json`, ...).
#[must_use]
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("canvas", canvas()),
        ("instrument", instrument()),
        ("round", round()),
        ("culture-signals", culture_signals()),
        ("rule-config", rule_config()),
        ("value-study", value_study()),
        ("report", report()),
    ]
}

fn generate<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

fn document<D: Document + JsonSchema>(title: &str, description: &str) -> Value {
    let mut schema = generate::<D>();
    pin_version(&mut schema, D::VERSION_KEYS, D::SCHEMA_VERSION.get());
    describe(&mut schema, title, &format!("{description} {LOADING}"));
    finish(schema)
}

fn describe(schema: &mut Value, title: &str, description: &str) {
    if let Some(root) = schema.as_object_mut() {
        root.insert("title".to_owned(), title.into());
        root.insert("description".to_owned(), description.into());
    }
}

/// Tidies the descriptions taken from the doc comments, bounds `u32`s, gives
/// ids and dates their patterns, and sorts every object's keys.
fn finish(mut schema: Value) -> Value {
    tidy_descriptions(&mut schema);
    bound_u32(&mut schema);
    add_patterns(&mut schema);
    sorted(schema)
}

/// A hexadecimal digit, in either case.
macro_rules! hex {
    () => {
        "[0-9A-Fa-f]"
    };
}

/// A hyphenated UUID: `8-4-4-4-12` hexadecimal digits.
macro_rules! hyphenated {
    () => {
        concat!(
            hex!(),
            "{8}-",
            hex!(),
            "{4}-",
            hex!(),
            "{4}-",
            hex!(),
            "{4}-",
            hex!(),
            "{12}"
        )
    };
}

/// The calendar date of RFC 3339 (`2026-03-15`), and the years beyond 0000 to
/// 9999 as the loaders read and write them: signed, of four to six digits
/// (`+10000-01-01`, `-0001-12-31`). Each month has its number of days, and
/// 29 February only a leap year: one whose last two digits are a multiple of
/// four other than `00`, or whose last two are `00` and the two before a
/// multiple of four.
macro_rules! date {
    () => {
        concat!(
            "(?:",
            // A year, then any day but 29 February.
            "(?:[0-9]{4}|[+-][0-9]{4,6})-(?:",
            "(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
            "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
            "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
            // A leap year, then 29 February.
            "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])",
            "|(?:[02468][048]|[13579][26])00",
            "|[+-][0-9]{2,4}(?:0[48]|[2468][048]|[13579][26])",
            "|[+-][0-9]{0,2}(?:[02468][048]|[13579][26])00)-02-29",
            ")"
        )
    };
}

/// What the loaders accept as an id (`Uuid::parse_str`): a UUID hyphenated
/// (the form they write), as 32 digits, in braces, or as a URN
/// (`urn:uuid:`, in any case), its hexadecimal digits in either case.
const UUID_PATTERN: &str = concat!(
    "^(?:",
    hex!(),
    "{32}|",
    hyphenated!(),
    "|\\{",
    hyphenated!(),
    "\\}|[Uu][Rr][Nn]:[Uu][Uu][Ii][Dd]:",
    hyphenated!(),
    ")$"
);

/// A date as the loaders write it, and as RFC 3339's `full-date` with the
/// years beyond 9999; see `date!`.
const DATE_PATTERN: &str = concat!("^", date!(), "$");

/// A date and time as RFC 3339 writes it, with the years of [`DATE_PATTERN`]:
/// the date, `T`, the time to the second (60 for a leap second) with any
/// fraction, and the offset, `Z` or `+hh:mm`/`-hh:mm`. RFC 3339 allows `t`
/// and `z` for `T` and `Z`, and so do the loaders.
const DATE_TIME_PATTERN: &str = concat!(
    "^",
    date!(),
    "[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?",
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$"
);

/// Gives every UUID, date and date-time its `pattern` beside its `format`.
///
/// JSON Schema validators treat `format` as a note by default (Python's
/// `jsonschema`, ajv without `ajv-formats`, draft 2020-12 itself), so without
/// a pattern they accept any string as an id or a date. The patterns accept
/// only what the loaders accept, in the forms written above; the loaders are
/// more lenient than the patterns in a few ways the patterns leave out
/// (white space, one-digit months and hours, a space for `T`, offsets without
/// a colon or named `UTC`), and a pattern cannot know the range of years the
/// loaders hold (up to ±262143): a year beyond it, and an instant with an
/// offset that takes it beyond, match the pattern and are refused by the
/// loader, and by `format` when a validator checks formats.
fn add_patterns(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let pattern = match map.get("format").and_then(Value::as_str) {
                Some("uuid") => Some(UUID_PATTERN),
                Some("date") => Some(DATE_PATTERN),
                Some("date-time") => Some(DATE_TIME_PATTERN),
                _ => None,
            };
            if let Some(pattern) = pattern {
                map.entry("pattern").or_insert_with(|| pattern.into());
            }
            map.values_mut().for_each(add_patterns);
        }
        Value::Array(items) => items.iter_mut().for_each(add_patterns),
        _ => {}
    }
}

/// Gives every `u32` its largest value, which the loaders refuse to exceed
/// (`schemars` gives it a minimum only).
fn bound_u32(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("format").and_then(Value::as_str) == Some("uint32") {
                map.entry("maximum").or_insert_with(|| u32::MAX.into());
            }
            map.values_mut().for_each(bound_u32);
        }
        Value::Array(items) => items.iter_mut().for_each(bound_u32),
        _ => {}
    }
}

/// Narrows the document's `schema_version` to the one version this release
/// reads, since the loader refuses every other. `keys` lead from the root to
/// the field, through the definitions that `$ref`s point at.
fn pin_version(schema: &mut Value, keys: &[&str], version: u32) {
    let Some(pointer) = property_pointer(schema, keys) else {
        return;
    };
    if let Some(field) = schema.pointer_mut(&pointer)
        && let Some(field) = field.as_object_mut()
    {
        let description = field.remove("description");
        field.clear();
        field.insert("type".to_owned(), "integer".into());
        field.insert("const".to_owned(), version.into());
        if let Some(description) = description {
            field.insert("description".to_owned(), description);
        }
    }
}

/// The JSON Pointer, within `schema`, of the property that `keys` lead to.
fn property_pointer(schema: &Value, keys: &[&str]) -> Option<String> {
    let mut pointer = String::new();
    for key in keys {
        let node = schema.pointer(&pointer)?;
        if let Some(target) = node.get("$ref").and_then(Value::as_str) {
            pointer = target.strip_prefix('#')?.to_owned();
        }
        schema.pointer(&pointer)?.get("properties")?.get(*key)?;
        pointer = format!("{pointer}/properties/{key}");
    }
    Some(pointer)
}

/// Rewrites every `description` taken from a doc comment as plain prose: code
/// examples dropped, rustdoc links reduced to their text, wrapped lines joined.
fn tidy_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::String(text) if key == "description" => *text = prose(text),
                    _ => tidy_descriptions(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

/// A doc comment as plain prose; see [`tidy_descriptions`].
fn prose(doc: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut in_code = false;
    for line in doc.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            if !in_code {
                flush(&mut paragraphs, &mut current);
                // The sentence that led into the example now ends the paragraph.
                if let Some(last) = paragraphs.last_mut()
                    && last.ends_with(':')
                {
                    last.pop();
                    last.push('.');
                }
            }
            in_code = !in_code;
        } else if !in_code {
            if trimmed.is_empty() {
                flush(&mut paragraphs, &mut current);
            } else {
                current.push(trimmed);
            }
        }
    }
    flush(&mut paragraphs, &mut current);
    unlink(&paragraphs.join("\n\n"))
}

fn flush(paragraphs: &mut Vec<String>, current: &mut Vec<&str>) {
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
        current.clear();
    }
}

/// Reduces rustdoc links (``[`Name`]`` and ``[`name`](path)``) to their code text.
fn unlink(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("[`") {
        let (before, from_open) = rest.split_at(open);
        out.push_str(before);
        let inner = from_open.get(1..).unwrap_or_default();
        let Some(close) = inner.find("`]") else {
            out.push_str(from_open);
            rest = "";
            break;
        };
        // The code text, backticks included.
        out.push_str(inner.get(..=close).unwrap_or_default());
        rest = inner.get(close + 2..).unwrap_or_default();
        if rest.starts_with('(')
            && let Some(end) = rest.find(')')
        {
            rest = rest.get(end + 1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
}

/// `value` with the keys of every object in sorted order, whatever order the
/// map type keeps, so that the output never depends on `serde_json`'s features.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(key, child)| (key, sorted(child)))
                    .collect::<Map<String, Value>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_drops_examples_and_links() {
        let doc = "A canvas.\n\nLoad one with the [`Document`] loaders\nor [`new`](Canvas::new):\n\n```\nlet x = 1;\n```\n\nMore.";
        assert_eq!(
            prose(doc),
            "A canvas.\n\nLoad one with the `Document` loaders or `new`.\n\nMore."
        );
    }

    #[test]
    fn unlink_leaves_other_brackets() {
        assert_eq!(unlink("from [0, 1] and [`x`"), "from [0, 1] and [`x`");
    }

    /// Every `(format, pattern)` pair in `value`.
    fn formats(value: &Value, found: &mut Vec<(String, Option<String>)>) {
        match value {
            Value::Object(map) => {
                if let Some(format) = map.get("format").and_then(Value::as_str) {
                    let pattern = map.get("pattern").and_then(Value::as_str);
                    found.push((format.to_owned(), pattern.map(str::to_owned)));
                }
                map.values().for_each(|child| formats(child, found));
            }
            Value::Array(items) => items.iter().for_each(|child| formats(child, found)),
            _ => {}
        }
    }

    #[test]
    fn every_id_and_date_has_its_pattern() {
        let mut found = Vec::new();
        for (_, schema) in all() {
            formats(&schema, &mut found);
        }
        for (format, pattern) in [
            ("uuid", UUID_PATTERN),
            ("date", DATE_PATTERN),
            ("date-time", DATE_TIME_PATTERN),
        ] {
            let with: Vec<_> = found.iter().filter(|(f, _)| f == format).collect();
            assert!(!with.is_empty(), "no {format} in the schemas");
            assert!(
                with.iter().all(|(_, p)| p.as_deref() == Some(pattern)),
                "{format}: {with:?}"
            );
        }
    }

    #[test]
    fn every_document_pins_its_version() {
        for (stem, schema) in all() {
            if stem == "report" {
                continue;
            }
            let keys: &[&str] = if stem == "canvas" {
                &["metadata", "schema_version"]
            } else {
                &["schema_version"]
            };
            let pointer = property_pointer(&schema, keys).unwrap();
            assert_eq!(schema.pointer(&pointer).unwrap()["const"], 1, "{stem}");
        }
    }
}
