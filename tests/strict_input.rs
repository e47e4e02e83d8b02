//! Input that loaders used to misread or take too long over: duplicate map
//! keys, numbers that are not finite, documents written as arrays, misleading
//! messages and pathological TOML. Each case is refused with an error that says
//! what is wrong and where.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use customer_strategy::validate::Config;
use customer_strategy::{Canvas, CultureSignals, Document, Instrument, LoadError, Round};

const ROUND_JSON: &str = include_str!("../examples/data/team_round_2026.json");
const CANVAS_TOML: &str = include_str!("../examples/data/harbour_bank_canvas.toml");
const CANVAS_JSON: &str = include_str!("../examples/data/harbour_bank_canvas.json");
const INSTRUMENT_TOML: &str = include_str!("../data/customer_strategy_maturity.toml");

#[track_caller]
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` is not in the text");
    text.replacen(from, to, 1)
}

#[track_caller]
fn refused<D: Document>(result: Result<D, LoadError>) -> LoadError {
    match result {
        Ok(_) => panic!("the input should be refused, but loaded"),
        Err(error) => error,
    }
}

// ---------------------------------------------------------------------------
// 1. Duplicate keys in maps
// ---------------------------------------------------------------------------

#[test]
fn an_answer_given_twice_is_refused_with_the_item_and_its_line() {
    let twice = replace_once(
        ROUND_JSON,
        "\"culture-01\": 4,",
        "\"culture-01\": 4,\n        \"culture-01\": 1,",
    );
    let error = refused(Round::from_json(&twice));
    assert!(error.is_invalid_value(), "{error}");
    assert_eq!(
        error.message(),
        "duplicate key `culture-01`: each key may appear only once"
    );
    assert_eq!(error.line(), Some(19));
    assert_eq!(error.field(), Some("responses[0].answers"));
}

#[test]
fn a_rule_or_parameter_configured_twice_is_refused() {
    let rule = r#"{"schema_version": 1, "rules": {
        "CANVAS-HORIZON-003": {"enabled": false},
        "CANVAS-HORIZON-003": {"enabled": true}
    }}"#;
    let error = refused(Config::from_json(rule));
    assert_eq!(
        error.to_string(),
        "cannot load rule configuration JSON at line 3, column 28: field `rules`: \
         duplicate key `CANVAS-HORIZON-003`: each key may appear only once"
    );

    let param = r#"{"schema_version": 1, "rules": {
        "CANVAS-HORIZON-003": {"params": {"min_years": 3, "min_years": 5}}
    }}"#;
    let error = refused(Config::from_json(param));
    assert!(
        error.message().starts_with("duplicate key `min_years`"),
        "{error}"
    );
    assert_eq!(error.field(), Some("rules.CANVAS-HORIZON-003.params"));
}

#[test]
fn a_key_given_twice_in_toml_is_named() {
    let error = refused(Config::from_toml(
        "schema_version = 1\n[rules.CANVAS-HORIZON-003]\nenabled = true\nenabled = false\n",
    ));
    assert!(error.is_syntax(), "{error}");
    assert_eq!(error.message(), "duplicate key `enabled`");
    assert_eq!((error.line(), error.column()), (Some(4), Some(1)));
}

// ---------------------------------------------------------------------------
// 2. Numbers that are not finite
// ---------------------------------------------------------------------------

#[test]
fn a_metric_target_that_is_not_a_number_is_refused_with_its_field() {
    for spelling in ["nan", "inf", "-inf", "+inf", "-nan"] {
        let text = replace_once(CANVAS_TOML, "value = 45.0", &format!("value = {spelling}"));
        let error = refused(Canvas::from_toml(&text));
        assert!(error.is_invalid_value(), "{spelling}: {error}");
        assert_eq!(
            error.field(),
            Some("steering.performance.metrics[0].target.value"),
            "{spelling}"
        );
        assert!(
            error.message().contains("numbers must be finite"),
            "{spelling}: {error}"
        );
        let line = CANVAS_TOML
            .lines()
            .position(|l| l.contains("value = 45.0"))
            .map(|i| i + 1);
        assert_eq!(error.line(), line, "{spelling}");
    }
}

#[test]
fn instrument_weights_and_rule_parameters_must_be_finite() {
    let text = replace_once(INSTRUMENT_TOML, "weight = 1.0", "weight = nan");
    let error = refused(Instrument::from_toml(&text));
    assert!(
        error.message().contains("numbers must be finite"),
        "{error}"
    );
    assert!(
        error.field().is_some_and(|f| f.ends_with("weight")),
        "{error}"
    );

    let error = refused(Config::from_toml(
        "schema_version = 1\n[rules.CANVAS-HORIZON-003]\nparams = { min_years = inf }\n",
    ));
    assert!(
        error.message().contains("numbers must be finite"),
        "{error}"
    );
}

#[test]
fn a_number_too_large_for_a_float_is_a_syntax_error_in_json() {
    let text = replace_once(CANVAS_JSON, "\"value\": 45.0", "\"value\": 1e400");
    let error = refused(Canvas::from_json(&text));
    assert!(error.is_syntax(), "{error}");
    assert_eq!(error.message(), "number out of range");
    assert!(error.line().is_some());
}

// ---------------------------------------------------------------------------
// 3. Documents written as arrays
// ---------------------------------------------------------------------------

#[test]
fn a_document_written_as_an_array_is_refused() {
    let error = refused(Config::from_json("[1]"));
    assert!(error.is_wrong_type(), "{error}");
    assert_eq!(
        error.to_string(),
        "cannot load rule configuration JSON at line 1, column 1: invalid type: array, \
         expected a table (an object in JSON) with named fields"
    );

    let positional = r#"[1, "Autumn", {"id": "customer-strategy-maturity", "version": "1.0"}, "2026-10-30", []]"#;
    let error = refused(Round::from_json(positional));
    assert!(error.is_wrong_type(), "{error}");
}

#[test]
fn a_nested_struct_written_as_an_array_is_refused() {
    let text = replace_once(
        ROUND_JSON,
        r#""instrument": {
    "id": "customer-strategy-maturity",
    "version": "1.0"
  },"#,
        r#""instrument": ["customer-strategy-maturity", "1.0"],"#,
    );
    let error = refused(Round::from_json(&text));
    assert!(error.is_wrong_type(), "{error}");
    assert_eq!(error.field(), Some("instrument"));

    let text = replace_once(
        CANVAS_TOML,
        r#"target = { value = 45.0, unit = "points", direction = "at_least", due = "2029-12-31" }"#,
        r#"target = [45.0, "points", "at_least", "2029-12-31"]"#,
    );
    let error = refused(Canvas::from_toml(&text));
    assert!(error.is_wrong_type(), "{error}");
    assert_eq!(
        error.field(),
        Some("steering.performance.metrics[0].target")
    );
}

// ---------------------------------------------------------------------------
// 5. Misleading errors
// ---------------------------------------------------------------------------

#[test]
fn a_lone_surrogate_is_a_syntax_error_and_a_bad_key_has_no_question_mark() {
    let text = replace_once(CANVAS_JSON, "\"Harbour Bank\"", r#""Harbour \ud800Bank""#);
    let error = refused(Canvas::from_json(&text));
    assert!(error.is_syntax(), "{error}");
    assert_eq!(error.message(), "unexpected end of hex escape");
    let alone = replace_once(CANVAS_JSON, "\"Harbour Bank\"", r#""Harbour \udc00 Bank""#);
    let error = refused(Canvas::from_json(&alone));
    assert!(error.is_syntax(), "{error}");
    assert!(error.message().contains("surrogate"), "{error}");

    let key = r#"{"schema_version": 1, "rules": {"\ud800": {}}}"#;
    let error = refused(Config::from_json(key));
    assert!(error.is_syntax(), "{error}");
    assert!(!error.to_string().contains('?'), "{error}");
}

// ---------------------------------------------------------------------------
// 6. Pathological TOML
// ---------------------------------------------------------------------------

#[test]
fn deeply_nested_toml_is_refused_before_it_is_parsed() {
    let text = format!("x = {}", "[".repeat(8 * 1024 * 1024 - 8));
    let error = refused(Canvas::from_toml(&text));
    assert!(error.is_too_deep(), "{error}");
    assert_eq!(error.line(), Some(1));
    assert_eq!(
        error.message(),
        "arrays and inline tables nest more than 32 deep, which no document does"
    );
}

#[test]
fn long_dotted_keys_are_refused_before_they_are_parsed() {
    let text = format!("{} = 1", vec!["a"; 4 * 1024 * 1024 - 8].join("."));
    let error = refused(Round::from_toml(&text));
    assert!(error.is_too_deep(), "{error}");
    assert_eq!(
        error.message(),
        "a dotted key has more than 32 parts, which no document has"
    );
}

#[test]
fn toml_with_too_many_tokens_is_refused_before_it_is_parsed() {
    let text = ",".repeat(8 * 1024 * 1024 - 8);
    let error = refused(Round::from_toml(&text));
    assert!(error.is_too_large(), "{error}");
    assert!(error.message().contains("1500000 tokens"), "{error}");
    assert_eq!((error.line(), error.column()), (Some(1), Some(1_500_001)));
}

// ---------------------------------------------------------------------------
// Messages a new user found unhelpful
// ---------------------------------------------------------------------------

#[test]
fn a_timestamp_without_offset_says_what_is_missing() {
    let text = replace_once(
        CANVAS_TOML,
        "created = \"2025-09-08T09:00:00Z\"",
        "created = \"2025-09-08T09:00:00\"",
    );
    let error = refused(Canvas::from_toml(&text));
    assert_eq!(
        error.message(),
        "`2025-09-08T09:00:00` has no offset from UTC: end it with `Z` for UTC or with an \
         offset such as `+01:00`, as in `2025-09-08T09:00:00Z`"
    );
    assert_eq!(error.field(), Some("metadata.created"));
}

#[test]
fn json_given_to_the_toml_loader_is_recognised() {
    let error = refused(Canvas::from_toml(CANVAS_JSON));
    assert!(error.is_syntax(), "{error}");
    assert!(
        error
            .message()
            .ends_with("(the text looks like JSON: read it with the JSON loader)"),
        "{error}"
    );
    // TOML that is merely broken is not called JSON.
    let error = refused(Canvas::from_toml("[metadata\n"));
    assert!(!error.message().contains("JSON"), "{error}");
}

#[test]
fn an_empty_document_is_called_empty() {
    for text in ["", "  \n\t\n"] {
        let error = refused(Canvas::from_json(text));
        assert_eq!(
            error.to_string(),
            "cannot load canvas JSON at line 1, column 1: \
             the input is empty: a canvas document needs at least `metadata`"
        );
    }
    let error = refused(CultureSignals::from_toml("# nothing yet\n\n"));
    assert_eq!(
        error.message(),
        "the input is empty: a culture signals document needs at least `schema_version`"
    );
}

#[test]
fn an_id_that_is_not_a_uuid_says_what_an_id_looks_like() {
    let text = replace_once(
        CANVAS_TOML,
        "id = \"3e000000-0000-4000-8000-000000000001\"",
        "id = \"nps-mortgages\"",
    );
    let error = refused(Canvas::from_toml(&text));
    assert_eq!(
        error.message(),
        "`nps-mortgages` is not a valid id of a metric: ids are UUIDs, such as \
         `67e55044-10b1-426f-9247-bb680e5fe0c8`"
    );
    let error = refused(Canvas::from_toml(&replace_once(
        CANVAS_TOML,
        "id = \"3e000000-0000-4000-8000-000000000001\"",
        "id = 7",
    )));
    assert!(error.message().contains("a UUID such as"), "{error}");
}

#[test]
fn an_unsupported_schema_version_gives_its_line_and_column() {
    let error = refused(Round::from_json(&replace_once(
        ROUND_JSON,
        "\"schema_version\": 1",
        "\"schema_version\": 7",
    )));
    assert!(error.is_unsupported_version());
    assert_eq!((error.line(), error.column()), (Some(2), Some(21)));
    let error = refused(Round::from_toml("schema_version = 3\nname = \"Q1\"\n"));
    assert_eq!((error.line(), error.column()), (Some(1), Some(18)));
}

#[test]
fn a_measure_outside_the_range_of_its_kind_is_refused_with_its_metric() {
    let json = include_str!("../examples/data/harbour_bank_canvas.json");
    for (from, to, what) in [
        (
            "\"value\": 32.0",
            "\"value\": 120.0",
            "an observation is 120",
        ),
        ("\"value\": 31.0", "\"value\": -101.0", "baseline is -101"),
        ("\"value\": 45.0", "\"value\": 140.0", "the target is 140"),
    ] {
        let text = replace_once(json, from, to);
        let error = refused(Canvas::from_json(&text));
        assert_eq!(
            error.field(),
            Some("steering.performance.metrics[0]"),
            "{error}"
        );
        assert!(
            error.message().contains(&format!(
                "the metric \"Net Promoter Score of mortgage customers\" is a Net Promoter Score, from -100 to 100, but {what}"
            )),
            "{error}"
        );
    }
    // A metric of no kind takes any number.
    let text = replace_once(json, "\"kind\": \"nps\",\n", "");
    let text = replace_once(&text, "\"value\": 32.0", "\"value\": 120.0");
    assert!(Canvas::from_json(&text).is_ok());
}
