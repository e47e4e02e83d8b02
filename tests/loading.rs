//! Loading documents: the exact error, kind, line, column and field for each way
//! JSON or TOML input can be wrong, size limits, and schema versions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use customer_strategy::{Canvas, Document, Format, LoadError, LoadOptions};

/// A small, valid canvas. Line numbers in the tests below count from its first line.
const TOML: &str = r#"[metadata]
schema_version = 1
id = "67e55044-10b1-426f-9247-bb680e5fe0c8"
name = "Customer strategy 2026-2029"
organization = "Northgate Coffee"
created = "2026-01-05T09:00:00Z"
updated = "2026-01-05T09:00:00Z"

[[context.customer.segments]]
id = "0b8e7c1a-5f3d-4e2b-9a6c-1d2e3f4a5b6c"
name = "Morning commuters"
status = "existing"
role = "both"

[[steering.performance.objectives]]
id = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
statement = "Keep nine in ten commuters"
lifecycle = "retain"
investment_share = 0.25
"#;

/// The same canvas as JSON.
const JSON: &str = r#"{
  "metadata": {
    "schema_version": 1,
    "id": "67e55044-10b1-426f-9247-bb680e5fe0c8",
    "name": "Customer strategy 2026-2029",
    "organization": "Northgate Coffee",
    "created": "2026-01-05T09:00:00Z",
    "updated": "2026-01-05T09:00:00Z"
  },
  "context": {
    "customer": {
      "segments": [
        {
          "id": "0b8e7c1a-5f3d-4e2b-9a6c-1d2e3f4a5b6c",
          "name": "Morning commuters",
          "status": "existing",
          "role": "both"
        }
      ]
    }
  },
  "steering": {
    "performance": {
      "objectives": [
        {
          "id": "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
          "statement": "Keep nine in ten commuters",
          "lifecycle": "retain",
          "investment_share": 0.25
        }
      ]
    }
  }
}"#;

/// The names of the metadata fields, as serde lists them after an unknown field.
const METADATA_FIELDS: &str = "`schema_version`, `id`, `name`, `organization`, \
    `organization_kind`, `stage`, `revision`, `supersedes`, `history`, `horizon`, `scope`, \
    `not_in_scope`, `sponsor`, `owner`, `stakeholders`, `functional_strategies`, `created`, \
    `updated`";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// The kinds of failure a `LoadError` tells apart with its predicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    UnknownField,
    MissingField,
    WrongType,
    InvalidValue,
    TooLarge,
    Syntax,
    UnsupportedVersion,
}

/// `text` with `from` (which must occur exactly once) replaced by `to`.
#[track_caller]
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` should occur exactly once in the base document"
    );
    text.replacen(from, to, 1)
}

#[track_caller]
fn json_error(text: &str) -> LoadError {
    match Canvas::from_json(text) {
        Ok(canvas) => panic!("the JSON should be refused, but loaded as {canvas:#?}"),
        Err(error) => error,
    }
}

#[track_caller]
fn toml_error(text: &str) -> LoadError {
    match Canvas::from_toml(text) {
        Ok(canvas) => panic!("the TOML should be refused, but loaded as {canvas:#?}"),
        Err(error) => error,
    }
}

/// What a `LoadError` should say, in full.
struct Expected<'a> {
    kind: Kind,
    format: Format,
    /// `(line, column)`, counting from 1.
    at: Option<(usize, usize)>,
    field: Option<&'a str>,
    message: &'a str,
    /// The whole `to_string()`.
    display: &'a str,
}

/// Checks every accessor and every predicate of `error`: exactly one predicate,
/// the one for `expected.kind`, holds.
#[track_caller]
fn assert_error(error: &LoadError, expected: &Expected<'_>) {
    assert_eq!(error.to_string(), expected.display, "Display");
    assert_eq!(error.message(), expected.message, "message()");
    assert_eq!(error.field(), expected.field, "field()");
    assert_eq!(error.line(), expected.at.map(|(line, _)| line), "line()");
    assert_eq!(
        error.column(),
        expected.at.map(|(_, column)| column),
        "column()"
    );
    assert_eq!(error.format(), expected.format, "format()");
    let kinds = [
        (Kind::UnknownField, error.is_unknown_field()),
        (Kind::MissingField, error.is_missing_field()),
        (Kind::WrongType, error.is_wrong_type()),
        (Kind::InvalidValue, error.is_invalid_value()),
        (Kind::TooLarge, error.is_too_large()),
        (Kind::Syntax, error.is_syntax()),
        (Kind::UnsupportedVersion, error.is_unsupported_version()),
    ];
    let holding: Vec<Kind> = kinds
        .iter()
        .filter(|(_, holds)| *holds)
        .map(|(kind, _)| *kind)
        .collect();
    assert_eq!(holding, [expected.kind], "the predicates that hold");
    assert_eq!(
        error.size_limit().is_some(),
        expected.kind == Kind::TooLarge,
        "size_limit() is given for a too-large input only"
    );
}

// ---------------------------------------------------------------------------
// The base documents
// ---------------------------------------------------------------------------

#[test]
fn the_base_documents_load_and_describe_the_same_canvas() {
    let from_toml = Canvas::from_toml(TOML).unwrap();
    let from_json = Canvas::from_json(JSON).unwrap();

    assert_eq!(from_toml, from_json);
    assert_eq!(from_toml.metadata.organization, "Northgate Coffee");
    assert_eq!(from_toml.context.customer.segments.len(), 1);
    assert_eq!(from_toml.steering.performance.objectives.len(), 1);
}

// ---------------------------------------------------------------------------
// Unknown fields
// ---------------------------------------------------------------------------

#[test]
fn a_misspelt_field_is_an_unknown_field_in_toml() {
    let error = toml_error(&edit(TOML, "organization =", "organisation ="));

    let message = format!("unknown field `organisation`, expected one of {METADATA_FIELDS}");
    assert_error(
        &error,
        &Expected {
            kind: Kind::UnknownField,
            format: Format::Toml,
            at: Some((5, 1)),
            field: Some("metadata.organisation"),
            message: &message,
            display: &format!(
                "cannot load canvas TOML at line 5, column 1: field `metadata.organisation`: \
                 {message}"
            ),
        },
    );
}

#[test]
fn a_misspelt_field_is_an_unknown_field_in_json() {
    let error = json_error(&edit(JSON, "\"organization\":", "\"organisation\":"));

    // serde_json points at the end of the key: `    "organisation"` ends in column 18.
    let message = format!("unknown field `organisation`, expected one of {METADATA_FIELDS}");
    assert_error(
        &error,
        &Expected {
            kind: Kind::UnknownField,
            format: Format::Json,
            at: Some((6, 18)),
            field: Some("metadata.organisation"),
            message: &message,
            display: &format!(
                "cannot load canvas JSON at line 6, column 18: field `metadata.organisation`: \
                 {message}"
            ),
        },
    );
}

// ---------------------------------------------------------------------------
// Missing fields
// ---------------------------------------------------------------------------

#[test]
fn a_segment_without_a_name_is_a_missing_field_in_toml() {
    let error = toml_error(&edit(TOML, "name = \"Morning commuters\"\n", ""));

    // Reported at the segment's table header.
    assert_error(
        &error,
        &Expected {
            kind: Kind::MissingField,
            format: Format::Toml,
            at: Some((9, 1)),
            field: Some("context.customer.segments[0].name"),
            message: "missing field `name`",
            display: "cannot load canvas TOML at line 9, column 1: \
                      field `context.customer.segments[0].name`: missing field `name`",
        },
    );
}

#[test]
fn a_segment_without_a_name_is_a_missing_field_in_json() {
    let error = json_error(&edit(
        JSON,
        "          \"name\": \"Morning commuters\",\n",
        "",
    ));

    // Reported at the `}` that closes the segment.
    assert_error(
        &error,
        &Expected {
            kind: Kind::MissingField,
            format: Format::Json,
            at: Some((17, 9)),
            field: Some("context.customer.segments[0].name"),
            message: "missing field `name`",
            display: "cannot load canvas JSON at line 17, column 9: \
                      field `context.customer.segments[0].name`: missing field `name`",
        },
    );
}

#[test]
fn an_empty_toml_document_misses_its_metadata() {
    let error = toml_error("");

    assert_error(
        &error,
        &Expected {
            kind: Kind::MissingField,
            format: Format::Toml,
            at: Some((1, 1)),
            field: None,
            message: "the input is empty: a canvas document needs at least `metadata`",
            display: "cannot load canvas TOML at line 1, column 1: \
                      the input is empty: a canvas document needs at least `metadata`",
        },
    );
}

// ---------------------------------------------------------------------------
// Wrong types
// ---------------------------------------------------------------------------

#[test]
fn a_number_for_a_name_is_a_wrong_type_in_toml() {
    let error = toml_error(&edit(TOML, "name = \"Morning commuters\"", "name = 42"));

    assert_error(
        &error,
        &Expected {
            kind: Kind::WrongType,
            format: Format::Toml,
            at: Some((11, 8)),
            field: Some("context.customer.segments[0].name"),
            message: "invalid type: integer `42`, expected a string",
            display: "cannot load canvas TOML at line 11, column 8: \
                      field `context.customer.segments[0].name`: \
                      invalid type: integer `42`, expected a string",
        },
    );
}

#[test]
fn a_number_for_a_name_is_a_wrong_type_in_json() {
    let error = json_error(&edit(
        JSON,
        "\"name\": \"Morning commuters\"",
        "\"name\": 42",
    ));

    assert_error(
        &error,
        &Expected {
            kind: Kind::WrongType,
            format: Format::Json,
            at: Some((15, 20)),
            field: Some("context.customer.segments[0].name"),
            message: "invalid type: integer `42`, expected a string",
            display: "cannot load canvas JSON at line 15, column 20: \
                      field `context.customer.segments[0].name`: \
                      invalid type: integer `42`, expected a string",
        },
    );
}

#[test]
fn a_number_for_an_enum_name_is_a_wrong_type_in_toml() {
    let error = toml_error(&edit(TOML, "status = \"existing\"", "status = 3"));

    // The wording is the toml crate's own.
    assert_error(
        &error,
        &Expected {
            kind: Kind::WrongType,
            format: Format::Toml,
            at: Some((12, 10)),
            field: Some("context.customer.segments[0].status"),
            message: "wanted string or table",
            display: "cannot load canvas TOML at line 12, column 10: \
                      field `context.customer.segments[0].status`: wanted string or table",
        },
    );
}

#[test]
fn a_number_for_an_enum_name_is_a_wrong_type_in_json() {
    let error = json_error(&edit(JSON, "\"status\": \"existing\"", "\"status\": 3"));

    // serde_json calls this a syntax error; the loader knows better.
    assert_error(
        &error,
        &Expected {
            kind: Kind::WrongType,
            format: Format::Json,
            at: Some((16, 21)),
            field: Some("context.customer.segments[0].status"),
            message: "invalid type: expected a string naming one of the allowed values",
            display: "cannot load canvas JSON at line 16, column 21: \
                      field `context.customer.segments[0].status`: \
                      invalid type: expected a string naming one of the allowed values",
        },
    );
}

// ---------------------------------------------------------------------------
// Invalid values
// ---------------------------------------------------------------------------

#[test]
fn an_unknown_enum_variant_is_an_invalid_value_in_toml() {
    let error = toml_error(&edit(TOML, "status = \"existing\"", "status = \"lapsed\""));

    assert_error(
        &error,
        &Expected {
            kind: Kind::InvalidValue,
            format: Format::Toml,
            at: Some((12, 10)),
            field: Some("context.customer.segments[0].status"),
            message: "unknown variant `lapsed`, expected `prospect` or `existing`",
            display: "cannot load canvas TOML at line 12, column 10: \
                      field `context.customer.segments[0].status`: \
                      unknown variant `lapsed`, expected `prospect` or `existing`",
        },
    );
}

#[test]
fn an_unknown_enum_variant_is_an_invalid_value_in_json() {
    let error = json_error(&edit(
        JSON,
        "\"status\": \"existing\"",
        "\"status\": \"lapsed\"",
    ));

    assert_error(
        &error,
        &Expected {
            kind: Kind::InvalidValue,
            format: Format::Json,
            at: Some((16, 28)),
            field: Some("context.customer.segments[0].status"),
            message: "unknown variant `lapsed`, expected `prospect` or `existing`",
            display: "cannot load canvas JSON at line 16, column 28: \
                      field `context.customer.segments[0].status`: \
                      unknown variant `lapsed`, expected `prospect` or `existing`",
        },
    );
}

#[test]
fn a_share_above_one_is_an_invalid_value_in_toml() {
    let error = toml_error(&edit(
        TOML,
        "investment_share = 0.25",
        "investment_share = 1.5",
    ));

    assert_error(
        &error,
        &Expected {
            kind: Kind::InvalidValue,
            format: Format::Toml,
            at: Some((19, 20)),
            field: Some("steering.performance.objectives[0].investment_share"),
            message: "a share must be a fraction from 0.0 to 1.0, got 1.5",
            display: "cannot load canvas TOML at line 19, column 20: \
                      field `steering.performance.objectives[0].investment_share`: \
                      a share must be a fraction from 0.0 to 1.0, got 1.5",
        },
    );
}

#[test]
fn a_share_above_one_is_an_invalid_value_in_json() {
    let error = json_error(&edit(
        JSON,
        "\"investment_share\": 0.25",
        "\"investment_share\": 1.5",
    ));

    // The error points just past the offending value on line 29.
    assert_error(
        &error,
        &Expected {
            kind: Kind::InvalidValue,
            format: Format::Json,
            at: Some((29, 33)),
            field: Some("steering.performance.objectives[0].investment_share"),
            message: "a share must be a fraction from 0.0 to 1.0, got 1.5",
            display: "cannot load canvas JSON at line 29, column 33: \
                      field `steering.performance.objectives[0].investment_share`: \
                      a share must be a fraction from 0.0 to 1.0, got 1.5",
        },
    );
}

#[test]
fn a_malformed_uuid_is_an_invalid_value_in_toml() {
    let error = toml_error(&edit(
        TOML,
        "0b8e7c1a-5f3d-4e2b-9a6c-1d2e3f4a5b6c",
        "not-a-uuid",
    ));

    assert_error(
        &error,
        &Expected {
            kind: Kind::InvalidValue,
            format: Format::Toml,
            at: Some((10, 6)),
            field: Some("context.customer.segments[0].id"),
            message: "`not-a-uuid` is not a valid id of a customer segment: ids are UUIDs, such as `67e55044-10b1-426f-9247-bb680e5fe0c8`",
            display: "cannot load canvas TOML at line 10, column 6: \
                      field `context.customer.segments[0].id`: \
                      `not-a-uuid` is not a valid id of a customer segment: ids are UUIDs, such as `67e55044-10b1-426f-9247-bb680e5fe0c8`",
        },
    );
}

#[test]
fn a_malformed_uuid_is_an_invalid_value_in_json() {
    let error = json_error(&edit(
        JSON,
        "0b8e7c1a-5f3d-4e2b-9a6c-1d2e3f4a5b6c",
        "not-a-uuid",
    ));

    assert_error(
        &error,
        &Expected {
            kind: Kind::InvalidValue,
            format: Format::Json,
            at: Some((14, 28)),
            field: Some("context.customer.segments[0].id"),
            message: "`not-a-uuid` is not a valid id of a customer segment: ids are UUIDs, such as `67e55044-10b1-426f-9247-bb680e5fe0c8`",
            display: "cannot load canvas JSON at line 14, column 28: \
                      field `context.customer.segments[0].id`: \
                      `not-a-uuid` is not a valid id of a customer segment: ids are UUIDs, such as `67e55044-10b1-426f-9247-bb680e5fe0c8`",
        },
    );
}

// ---------------------------------------------------------------------------
// Size limits
// ---------------------------------------------------------------------------

#[test]
fn the_default_size_limit_is_8_mib() {
    assert_eq!(LoadOptions::DEFAULT_MAX_BYTES, 8 * 1024 * 1024);
    assert_eq!(LoadOptions::default().max_bytes(), 8 * 1024 * 1024);
}

#[test]
fn an_input_over_the_limit_is_too_large_in_toml() {
    let options = LoadOptions::default().with_max_bytes(100);
    let error = Canvas::from_toml_with(TOML, &options).unwrap_err();

    assert_eq!(TOML.len(), 514);
    assert_eq!(error.size_limit(), Some((100, 514)));
    assert_error(
        &error,
        &Expected {
            kind: Kind::TooLarge,
            format: Format::Toml,
            at: None,
            field: None,
            message: "the input is 514 bytes, over the limit of 100 bytes",
            display: "cannot load canvas TOML: the input is 514 bytes, over the limit of 100 bytes",
        },
    );
}

#[test]
fn an_input_over_the_limit_is_too_large_in_json() {
    let options = LoadOptions::default().with_max_bytes(100);
    let error = Canvas::from_json_with(JSON, &options).unwrap_err();

    assert_eq!(JSON.len(), 777);
    assert_eq!(error.size_limit(), Some((100, 777)));
    assert_error(
        &error,
        &Expected {
            kind: Kind::TooLarge,
            format: Format::Json,
            at: None,
            field: None,
            message: "the input is 777 bytes, over the limit of 100 bytes",
            display: "cannot load canvas JSON: the input is 777 bytes, over the limit of 100 bytes",
        },
    );
}

#[test]
fn an_input_over_the_limit_is_refused_before_it_is_parsed() {
    // Neither JSON nor TOML: parsing it would be a syntax error.
    let garbage = "}]\"".repeat(40);
    let options = LoadOptions::default().with_max_bytes(100);

    let json = Canvas::from_json_with(&garbage, &options).unwrap_err();
    let toml = Canvas::from_toml_with(&garbage, &options).unwrap_err();

    assert!(json.is_too_large() && !json.is_syntax(), "{json}");
    assert!(toml.is_too_large() && !toml.is_syntax(), "{toml}");
    assert_eq!(json.size_limit(), Some((100, 120)));
    assert_eq!(toml.size_limit(), Some((100, 120)));
    // The same garbage under the limit is a syntax error.
    let roomy = LoadOptions::default().with_max_bytes(120);
    assert!(
        Canvas::from_json_with(&garbage, &roomy)
            .unwrap_err()
            .is_syntax()
    );
    assert!(
        Canvas::from_toml_with(&garbage, &roomy)
            .unwrap_err()
            .is_syntax()
    );
}

#[test]
fn an_input_exactly_at_the_limit_is_accepted_and_one_byte_more_is_not() {
    let at_toml = LoadOptions::default().with_max_bytes(TOML.len());
    let at_json = LoadOptions::default().with_max_bytes(JSON.len());
    let below_toml = LoadOptions::default().with_max_bytes(TOML.len() - 1);
    let below_json = LoadOptions::default().with_max_bytes(JSON.len() - 1);

    assert!(Canvas::from_toml_with(TOML, &at_toml).is_ok());
    assert!(Canvas::from_json_with(JSON, &at_json).is_ok());
    assert_eq!(
        Canvas::from_toml_with(TOML, &below_toml)
            .unwrap_err()
            .size_limit(),
        Some((513, 514))
    );
    assert_eq!(
        Canvas::from_json_with(JSON, &below_json)
            .unwrap_err()
            .size_limit(),
        Some((776, 777))
    );
}

/// The base document padded to exactly `bytes` with `padding(room)`.
#[track_caller]
fn padded(base: &str, bytes: usize, padding: impl Fn(usize) -> String) -> String {
    let text = format!("{base}{}", padding(bytes - base.len()));
    assert_eq!(text.len(), bytes);
    text
}

#[test]
fn a_document_of_exactly_8_mib_loads_with_the_default_options() {
    const LIMIT: usize = 8 * 1024 * 1024;
    // A TOML comment and JSON whitespace fill the room without changing the canvas.
    let toml_comment = |room: usize| format!("#{}\n", "x".repeat(room - 2));
    let json_space = |room: usize| " ".repeat(room);
    let toml = padded(TOML, LIMIT, toml_comment);
    let json = padded(JSON, LIMIT, json_space);

    assert_eq!(
        Canvas::from_toml(&toml).unwrap(),
        Canvas::from_toml(TOML).unwrap()
    );
    assert_eq!(
        Canvas::from_json(&json).unwrap(),
        Canvas::from_json(JSON).unwrap()
    );

    let over = LIMIT + 1;
    let toml = padded(TOML, over, toml_comment);
    let json = padded(JSON, over, json_space);
    assert_eq!(
        Canvas::from_toml(&toml).unwrap_err().to_string(),
        "cannot load canvas TOML: the input is 8388609 bytes, over the limit of 8388608 bytes"
    );
    assert_eq!(
        Canvas::from_json(&json).unwrap_err().to_string(),
        "cannot load canvas JSON: the input is 8388609 bytes, over the limit of 8388608 bytes"
    );
}

// ---------------------------------------------------------------------------
// Schema versions
// ---------------------------------------------------------------------------

/// The error every unsupported `schema_version` gives: no position, since the
/// version is checked after parsing or read apart from the rest of the document.
#[track_caller]
fn assert_unsupported_version(error: &LoadError, format: Format, found: u64) {
    // The version's value: `schema_version = 2` in TOML, `"schema_version": 2` in JSON.
    let at = match format {
        Format::Toml => (2, 18),
        _ => (3, 23),
    };
    let message = format!(
        "unsupported schema_version {found}: this release reads canvas documents of schema_version 1"
    );
    assert_error(
        error,
        &Expected {
            kind: Kind::UnsupportedVersion,
            format,
            at: Some(at),
            field: Some("metadata.schema_version"),
            message: &message,
            display: &format!(
                "cannot load canvas {format} at line {}, column {}: \
                 field `metadata.schema_version`: {message}",
                at.0, at.1
            ),
        },
    );
}

#[test]
fn a_future_schema_version_is_refused_in_toml() {
    let error = toml_error(&edit(TOML, "schema_version = 1", "schema_version = 2"));

    assert_unsupported_version(&error, Format::Toml, 2);
}

#[test]
fn a_future_schema_version_is_refused_in_json() {
    let error = json_error(&edit(
        JSON,
        "\"schema_version\": 1",
        "\"schema_version\": 2",
    ));

    assert_unsupported_version(&error, Format::Json, 2);
}

#[test]
fn a_future_schema_version_wins_over_a_field_this_release_does_not_know_in_toml() {
    let future = edit(TOML, "schema_version = 1", "schema_version = 2");
    let future = edit(
        &future,
        "role = \"both\"",
        "role = \"both\"\nloyalty_tier = \"gold\"",
    );

    let error = toml_error(&future);

    assert_unsupported_version(&error, Format::Toml, 2);
}

#[test]
fn a_future_schema_version_wins_over_a_field_this_release_does_not_know_in_json() {
    let future = edit(JSON, "\"schema_version\": 1", "\"schema_version\": 2");
    let future = edit(
        &future,
        "\"role\": \"both\"",
        "\"role\": \"both\",\n          \"loyalty_tier\": \"gold\"",
    );

    let error = json_error(&future);

    assert_unsupported_version(&error, Format::Json, 2);
}

#[test]
fn the_new_field_alone_is_an_unknown_field() {
    // The same document at the current version: the new field is what is wrong.
    let current = edit(
        TOML,
        "role = \"both\"",
        "role = \"both\"\nloyalty_tier = \"gold\"",
    );

    let error = toml_error(&current);

    assert!(error.is_unknown_field(), "{error}");
    assert_eq!(
        error.field(),
        Some("context.customer.segments[0].loyalty_tier")
    );
}

#[test]
fn schema_version_0_is_refused_in_toml() {
    let error = toml_error(&edit(TOML, "schema_version = 1", "schema_version = 0"));

    assert_unsupported_version(&error, Format::Toml, 0);
}

#[test]
fn schema_version_0_is_refused_in_json() {
    let error = json_error(&edit(
        JSON,
        "\"schema_version\": 1",
        "\"schema_version\": 0",
    ));

    assert_unsupported_version(&error, Format::Json, 0);
}

// ---------------------------------------------------------------------------
// Syntax
// ---------------------------------------------------------------------------

#[test]
fn an_unclosed_table_header_is_a_syntax_error_in_toml() {
    let error = toml_error(&edit(TOML, "[metadata]", "[metadata"));

    assert_error(
        &error,
        &Expected {
            kind: Kind::Syntax,
            format: Format::Toml,
            at: Some((1, 10)),
            field: None,
            message: "unclosed table, expected `]`",
            display: "cannot load canvas TOML at line 1, column 10: unclosed table, expected `]`",
        },
    );
}

#[test]
fn an_unclosed_array_of_tables_header_is_a_syntax_error_in_toml() {
    let error = toml_error(&edit(
        TOML,
        "[[steering.performance.objectives]]",
        "[[steering.performance.objectives",
    ));

    assert_error(
        &error,
        &Expected {
            kind: Kind::Syntax,
            format: Format::Toml,
            at: Some((15, 34)),
            field: None,
            message: "unclosed array table, expected `]]`",
            display: "cannot load canvas TOML at line 15, column 34: \
                      unclosed array table, expected `]]`",
        },
    );
}

#[test]
fn truncated_json_is_a_syntax_error() {
    // Without the final "\n}": the text ends after the `}` in column 3 of line 33.
    let truncated = JSON.strip_suffix("\n}").unwrap();

    let error = json_error(truncated);

    assert_error(
        &error,
        &Expected {
            kind: Kind::Syntax,
            format: Format::Json,
            at: Some((33, 3)),
            field: None,
            message: "EOF while parsing an object",
            display: "cannot load canvas JSON at line 33, column 3: EOF while parsing an object",
        },
    );
}

#[test]
fn trailing_characters_after_json_are_a_syntax_error() {
    let error = json_error(&format!("{JSON} x"));

    assert_error(
        &error,
        &Expected {
            kind: Kind::Syntax,
            format: Format::Json,
            at: Some((34, 3)),
            field: None,
            message: "trailing characters after the document",
            display: "cannot load canvas JSON at line 34, column 3: \
                      trailing characters after the document",
        },
    );
}

#[test]
fn a_second_json_document_after_the_first_is_a_syntax_error() {
    let error = json_error(&format!("{JSON}\n{JSON}"));

    assert!(error.is_syntax(), "{error}");
    assert_eq!(error.message(), "trailing characters after the document");
    assert_eq!((error.line(), error.column()), (Some(35), Some(1)));
}

#[test]
fn trailing_whitespace_after_json_is_fine() {
    assert!(Canvas::from_json(&format!("{JSON}\n\n  \t\n")).is_ok());
}

/// `column()` counts from 1, even for JSON that ends right after a line break.
#[test]
fn columns_count_from_one_even_at_the_start_of_a_line() {
    let empty = json_error("");
    let truncated = json_error(JSON.strip_suffix('}').unwrap());

    assert_eq!((empty.line(), empty.column()), (Some(1), Some(1)));
    assert_eq!((truncated.line(), truncated.column()), (Some(34), Some(1)));
}
