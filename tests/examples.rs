//! Runs the compiled example programs the way a user does: on the samples, on
//! documents of their own, and on files that are missing or do not load.
//!
//! `cargo test` builds the examples beside the test binaries
//! (`target/<profile>/examples/`), so the tests find them from their own path.
//! `cargo test --test examples` alone does not rebuild them: after changing an
//! example, run `cargo build --examples` first, with the same features.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The compiled example `name`, beside this test binary's directory.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/<profile>/deps/examples-<hash> -> target/<profile>/examples/<name>
    let profile = exe.parent().and_then(Path::parent).unwrap();
    let path = profile
        .join("examples")
        .join(name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(
        path.is_file(),
        "{} is not built; `cargo test` builds the examples",
        path.display()
    );
    path
}

/// Runs an example from the crate's root with `args`.
fn run(name: &str, args: &[&str]) -> Output {
    Command::new(example(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A directory of this test's own under cargo's scratch directory for tests.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("examples")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The part `key` of a fixture in `tests/fixtures/`, written as a document of its own.
fn fixture_document(fixture: &str, key: &str, to: &Path) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(fixture);
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    std::fs::write(to, serde_json::to_string_pretty(&fixture[key]).unwrap()).unwrap();
    to.to_owned()
}

/// A round answered with the fixtures' own two-dimension instrument.
fn fixture_round(dir: &Path) -> PathBuf {
    fixture_document(
        "round/group-in-draft.json",
        "round",
        &dir.join("round.json"),
    )
}

fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(output),
        stderr(output)
    );
}

#[test]
fn assessment_flow_tells_the_samples_story() {
    let output = run("assessment_flow", &[]);
    assert_exit(&output, 0);
    let story = stdout(&output);
    assert!(story.starts_with("Customer strategy maturity - Autumn 2026"));
    assert!(story.contains("Since Autumn 2025"));
    assert!(story.contains("Blocker: "));
    assert!(!story.contains("Note:"), "{story}");
}

#[test]
fn assessment_flow_takes_a_round_of_ones_own() {
    let dir = scratch("own_round");
    let round = fixture_round(&dir);
    let output = run("assessment_flow", &["--round", round.to_str().unwrap()]);
    assert_exit(&output, 0);
    let story = stdout(&output);
    assert!(story.starts_with("Customer strategy maturity - Spring 2026 (7 respondents)"));
    // Answered with another instrument than the built-in one it is scored with.
    assert!(
        story.contains("answered with instrument `team-check` version 1.0"),
        "{story}"
    );
    assert!(story.contains("--instrument FILE"));
    // The sample bank's documents are not mixed in.
    assert!(
        story.contains("No earlier round to compare with"),
        "{story}"
    );
    assert!(
        story.contains("No culture signals or canvas given"),
        "{story}"
    );
    assert!(!story.contains("Autumn 2025"));
}

#[test]
fn assessment_flow_scores_with_the_rounds_own_instrument() {
    let dir = scratch("own_instrument");
    let round = fixture_round(&dir);
    let instrument = fixture_document(
        "instrument/sound.json",
        "instrument",
        &dir.join("instrument.json"),
    );
    let earlier = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/team_round_2025.json");
    let output = run(
        "assessment_flow",
        &[
            "--round",
            round.to_str().unwrap(),
            "--instrument",
            instrument.to_str().unwrap(),
            "--earlier",
            earlier.to_str().unwrap(),
        ],
    );
    assert_exit(&output, 0);
    let story = stdout(&output);
    assert!(story.starts_with("Team check - Spring 2026"), "{story}");
    assert!(!story.contains("answered with instrument `team-check`"));
    // The earlier round used the built-in instrument: said, and compared on what is shared.
    assert!(
        story.contains("the earlier round \"Autumn 2025\" was answered with instrument `customer-strategy-maturity`"),
        "{story}"
    );
    assert!(story.contains("Since Autumn 2025"));
}

#[test]
fn assessment_flow_json_says_where_each_document_came_from() {
    let dir = scratch("json");
    let round = fixture_round(&dir);
    let output = run(
        "assessment_flow",
        &["--json", &format!("--round={}", round.display())],
    );
    assert_exit(&output, 0);
    let flow: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(flow["inputs"]["instrument"], "built-in");
    assert_eq!(flow["inputs"]["round"], round.to_str().unwrap());
    assert!(flow["inputs"]["canvas"].is_null());
    assert!(flow["earlier"].is_null());
    assert!(flow["trend"].is_null());
    assert_eq!(flow["result"]["round"], "Spring 2026");

    let samples = run("assessment_flow", &["--json"]);
    assert_exit(&samples, 0);
    let flow: Value = serde_json::from_str(&stdout(&samples)).unwrap();
    assert_eq!(
        flow["inputs"]["earlier"],
        "examples/data/team_round_2025.toml"
    );
    assert_eq!(flow["trend"]["from"], "Autumn 2025");
}

#[test]
fn assessment_flow_names_a_missing_file() {
    let output = run("assessment_flow", &["--round", "no/such/round.toml"]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("no/such/round.toml"), "{message}");
    assert!(message.contains("cannot read"), "{message}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn assessment_flow_gives_the_loaders_line_and_column() {
    let dir = scratch("invalid");
    let path = dir.join("round.toml");
    std::fs::write(
        &path,
        "schema_version = 1\nname = \"Spring\"\nnmae = \"typo\"\n",
    )
    .unwrap();
    for option in ["--round", "--earlier"] {
        let output = run("assessment_flow", &[option, path.to_str().unwrap()]);
        assert_exit(&output, 2);
        let message = stderr(&output);
        assert!(message.contains(path.to_str().unwrap()), "{message}");
        assert!(
            message.contains("cannot load round TOML at line 3, column 1: field `nmae`"),
            "{message}"
        );
    }
    let output = run("assessment_flow", &["--signals", path.to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("cannot load culture signals TOML at line 2, column 1"));
}

#[test]
fn assessment_flow_wants_json_or_toml() {
    let dir = scratch("extension");
    let path = dir.join("round.yaml");
    std::fs::write(&path, "name: Spring\n").unwrap();
    let output = run("assessment_flow", &["--canvas", path.to_str().unwrap()]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains("round.yaml"), "{message}");
    assert!(message.contains("use a .json or .toml file"), "{message}");
}

#[test]
fn assessment_flow_lists_its_options() {
    let output = run("assessment_flow", &["--help"]);
    assert_exit(&output, 0);
    let help = stdout(&output);
    for option in [
        "--round FILE",
        "--instrument FILE",
        "--earlier FILE",
        "--canvas FILE",
        "--signals FILE",
        "--json",
        "--out DIR",
    ] {
        assert!(help.contains(option), "{option} missing from\n{help}");
    }

    for wrong in [
        &["--bogus"][..],
        &["--round"],
        &["--out", "--json"],
        &["round.toml"],
    ] {
        let output = run("assessment_flow", wrong);
        assert_exit(&output, 2);
        assert!(stderr(&output).contains("--help"));
    }
}

#[cfg(feature = "render")]
#[test]
fn assessment_flow_writes_the_reports_of_ones_own_round() {
    let dir = scratch("reports");
    let round = fixture_round(&dir);
    let out = dir.join("report");
    let output = run(
        "assessment_flow",
        &[
            "--round",
            round.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_exit(&output, 0);
    for file in ["radar.svg", "gaps.svg", "report.md", "report.html"] {
        assert!(out.join(file).is_file(), "{file} not written");
    }
    let svg = std::fs::read_to_string(out.join("radar.svg")).unwrap();
    roxmltree::Document::parse(&svg).unwrap();
    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(markdown.starts_with("# Customer strategy review: the organization"));
}

#[test]
fn custom_rule_exits_0_after_showing_what_it_finds() {
    let output = run("custom_rule", &[]);
    assert_exit(&output, 0);
    let report = stdout(&output);
    assert!(report.contains("ACME-TARGET-001"), "{report}");
    assert!(
        report.contains("invalid under the final profile"),
        "{report}"
    );

    let output = run("custom_rule", &["no/such/canvas.toml"]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("no/such/canvas.toml"));
}

#[test]
fn validate_tells_each_sample_kind_apart() {
    for (file, title) in [
        (
            "harbour_bank_canvas",
            "Harbour Bank customer strategy 2026-2029 (Harbour Bank)",
        ),
        ("workshop_draft_canvas", "(Northgate Coffee)"),
        ("team_round_2026", "Autumn 2026 ("),
        ("harbour_bank_culture", "Culture signals of Harbour Bank"),
    ] {
        for extension in ["toml", "json"] {
            let path = format!("examples/data/{file}.{extension}");
            let output = run("validate", &[&path]);
            assert_exit(&output, 0);
            let first = stdout(&output)
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned();
            assert!(first.contains(title), "{path}: {first}");
        }
    }
    let output = run("validate", &["examples/data/custom_rules.toml"]);
    let text = stdout(&output);
    assert!(
        text.starts_with("Rule configuration of 4 rule(s)"),
        "{text}"
    );
    // The service's own rule is not a built-in one.
    assert!(text.contains("`ACME-TARGET-001`"), "{text}");
    assert_exit(&output, 1);
}

#[test]
fn validate_tells_a_kind_by_the_keys_only_it_has() {
    let dir = scratch("validate_kinds");
    // A round without responses, its keys in an unusual order, with strings
    // and arrays that look like other kinds' keys and table headers.
    let round = dir.join("round.toml");
    std::fs::write(
        &round,
        "date = 2026-04-30 # [metadata]\n\
         name = \"\"\"\n[metadata]\nitems = 1\n\"\"\"\n\
         schema_version = 1\n\
         [instrument]\nid = 'customer-strategy-maturity'\nversion = \"1.0\"\n",
    )
    .unwrap();
    let output = run("validate", &[round.to_str().unwrap()]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("(0 responses)"),
        "{}",
        stdout(&output)
    );

    // A misspelt field still shows the kind by the others, and the loader names it.
    let typo = dir.join("instrument.json");
    std::fs::write(
        &typo,
        r#"{"schema_version": 1, "scale": {}, "itemz": [], "levels": []}"#,
    )
    .unwrap();
    let output = run("validate", &[typo.to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("cannot load instrument JSON at line 1, column"),
        "{}",
        stderr(&output)
    );

    let config = dir.join("rules.json");
    std::fs::write(
        &config,
        r#"{"schema_version": 1, "rules": {"CANVAS-GOV-004": {"params": {"max_days": 0}}}}"#,
    )
    .unwrap();
    let output = run("validate", &["--json", config.to_str().unwrap()]);
    assert_exit(&output, 1);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["valid"], false);
    assert!(report["problems"][0].as_str().unwrap().contains("max_days"));
}

#[test]
fn validate_refuses_a_file_over_the_limit_before_reading_it() {
    let dir = scratch("validate_large");
    let path = dir.join("canvas.json");
    let limit = customer_strategy::LoadOptions::DEFAULT_MAX_BYTES;
    // Sparse: as large as it says, without writing the bytes.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(u64::try_from(limit).unwrap() + 1).unwrap();
    let output = run("validate", &[path.to_str().unwrap()]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(
        message.contains(&format!(
            "the file is {} bytes, over the limit of {limit} bytes",
            limit + 1
        )),
        "{message}"
    );

    // At the limit, the file is read and loaded (and here fails as a canvas).
    file.set_len(u64::try_from(limit).unwrap()).unwrap();
    let output = run("validate", &[path.to_str().unwrap()]);
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("cannot load canvas JSON"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn validate_names_a_file_that_does_not_load() {
    let output = run("validate", &["no/such/canvas.toml"]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("cannot read no/such/canvas.toml"));

    let dir = scratch("validate_syntax");
    let path = dir.join("signals.toml");
    std::fs::write(&path, "schema_version = 1\norganization = \"Harbour\n").unwrap();
    let output = run("validate", &[path.to_str().unwrap()]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(message.contains(path.to_str().unwrap()), "{message}");
    assert!(message.contains("TOML at line 2, column"), "{message}");
}

#[test]
fn customer_value_tells_the_banks_value_story() {
    let output = run("customer_value", &[]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(
        text.contains("Customer Value Added: 1.06 (106 as an index)"),
        "{text}"
    );
    assert!(text.contains("against QuickKey Mortgages: 1.05"), "{text}");
    for row in [
        "Speed of decision                        quality    22.7%     6.28         7.15   0.88",
        "Rate offered to existing customers       price      21.0%     5.85         7.38   0.79",
    ] {
        assert!(text.contains(row), "{row}\n{text}");
    }
    assert!(text.contains("Harbour Bank (ours)"), "{text}");
    assert!(
        text.contains(
            "1. Rate offered to existing customers (ratio 0.79): +0.044, speaks to \"The Rate Promise\""
        ),
        "{text}"
    );
}

#[test]
fn customer_value_json_gives_every_number() {
    let output = run("customer_value", &["--json"]);
    assert_exit(&output, 0);
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let cva = json["cva"].as_f64().unwrap();
    assert!((1.0..1.1).contains(&cva), "{cva}");
    assert_eq!(json["analysis"]["overall"]["cva"], json["cva"]);
    let attributes = json["analysis"]["attributes"].as_array().unwrap();
    assert_eq!(attributes.len(), 6);
    for attribute in attributes {
        assert!(attribute["weight"].is_f64(), "{attribute}");
        assert!(attribute["ratio"].is_f64(), "{attribute}");
    }
    assert_eq!(json["analysis"]["value_map"].as_array().unwrap().len(), 3);
}

#[test]
fn customer_value_runs_on_ones_own_study_and_says_what_is_withheld() {
    let dir = scratch("customer_value_own");
    let study = fixture_document("value/sound.json", "study", &dir.join("study.json"));
    let output = run("customer_value", &["--study", study.to_str().unwrap()]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(
        text.starts_with("Mortgage customers, spring 2026"),
        "{text}"
    );
    assert!(text.contains("6 customers"), "{text}");

    let output = run(
        "customer_value",
        &["--study", study.to_str().unwrap(), "--min-ratings", "7"],
    );
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(text.contains("Customer Value Added: withheld"), "{text}");
    assert!(text.contains("Withheld (fewer than 7 ratings):"), "{text}");
}

#[test]
fn customer_value_exits_2_with_a_clear_message() {
    let output = run("customer_value", &["--study", "no/such/study.json"]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("cannot read no/such/study.json"));

    let dir = scratch("customer_value_bad");
    let path = dir.join("study.toml");
    std::fs::write(&path, "schema_version = 1\nname = \"S\"\nmarket = 7\n").unwrap();
    let output = run("customer_value", &["--study", path.to_str().unwrap()]);
    assert_exit(&output, 2);
    let message = stderr(&output);
    assert!(
        message.contains("cannot load value study TOML at line 3"),
        "{message}"
    );

    let output = run("customer_value", &["--bogus"]);
    assert_exit(&output, 2);
    assert!(stderr(&output).contains("unknown argument `--bogus`"));
}

#[test]
fn validate_judges_a_value_study_alone_and_against_its_canvas() {
    let study = "examples/data/harbour_bank_value_study.json";
    let output = run("validate", &[study]);
    assert_exit(&output, 0);
    assert!(
        stdout(&output).starts_with("Harbour Bank mortgage customers, spring 2026 (300 customers)"),
        "{}",
        stdout(&output)
    );
    let output = run(
        "validate",
        &[study, "--canvas", "examples/data/harbour_bank_canvas.toml"],
    );
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("info VALUE-CANVAS-002"),
        "{}",
        stdout(&output)
    );

    let dir = scratch("validate_study");
    let path = fixture_document("value/sound.json", "study", &dir.join("study.json"));
    let mut study: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    study["responses"][0]["ratings"]["harbour"]["speed"] = 11.into();
    std::fs::write(&path, study.to_string()).unwrap();
    let output = run("validate", &["--json", path.to_str().unwrap()]);
    assert_exit(&output, 1);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["findings"][0]["code"], "VALUE-SCALE-001");
    assert_eq!(
        report["findings"][0]["path"],
        "/responses/0/ratings/harbour/speed"
    );
}

#[test]
fn canvas_diff_compares_the_two_revisions_of_the_sample() {
    let output = run("canvas_diff", &[]);
    assert_exit(&output, 0);
    let text = stdout(&output);
    assert!(
        text.contains("30 change(s), 2 material: the strategy needs signing again"),
        "{text}"
    );
    assert!(
        text.contains("  added   /context/customer/segments/1/needs/3 [material]"),
        "{text}"
    );
    assert!(
        text.contains("  changed /steering/performance/metrics/0/target/value [material]"),
        "{text}"
    );
    assert!(
        text.contains("  changed /proposition/experience/journeys/0/name\n"),
        "{text}"
    );
    // What follows: five stakeholders to sign again, one invalidated claim.
    assert_eq!(text.matches("error CANVAS-OWNER-009").count(), 5, "{text}");
    assert_eq!(
        text.matches("error CANVAS-EVIDENCE-001").count(),
        1,
        "{text}"
    );
}

#[test]
fn canvas_diff_json_lists_the_changes_with_their_pointers() {
    let output = run("canvas_diff", &["--json"]);
    assert_exit(&output, 0);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["material"], true);
    let changes = value["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 30);
    assert!(
        changes
            .iter()
            .all(|c| c["path"].as_str().unwrap().starts_with('/'))
    );
    assert!(
        changes
            .iter()
            .any(|c| c["path"] == "/steering/governance/will_not_do/3" && c["kind"] == "removed")
    );
    assert_eq!(value["findings"]["counts"]["error"], 6);
    assert_eq!(value["findings"]["counts"]["warning"], 2);
}

#[test]
fn canvas_diff_sees_no_change_in_a_reordered_canvas_and_refuses_unrelated_ones() {
    let dir = scratch("canvas_diff");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut canvas: Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("harbour_bank_canvas.json")).unwrap(),
    )
    .unwrap();
    canvas["context"]["customer"]["segments"]
        .as_array_mut()
        .unwrap()
        .reverse();
    let reordered = dir.join("reordered.json");
    std::fs::write(&reordered, canvas.to_string()).unwrap();
    let old = data.join("harbour_bank_canvas.json");
    let output = run(
        "canvas_diff",
        &[old.to_str().unwrap(), reordered.to_str().unwrap()],
    );
    assert_exit(&output, 0);
    assert!(
        stdout(&output).contains("Nothing changed"),
        "{}",
        stdout(&output)
    );

    let draft = data.join("workshop_draft_canvas.toml");
    let output = run(
        "canvas_diff",
        &[old.to_str().unwrap(), draft.to_str().unwrap()],
    );
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("the canvases are not revisions of one another"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn canvas_diff_writes_the_changes_for_the_people_who_sign() {
    let dir = scratch("canvas_diff_out");
    let output = run("canvas_diff", &["--out", dir.to_str().unwrap()]);
    assert_exit(&output, 0);
    let markdown = std::fs::read_to_string(dir.join("diff.md")).unwrap();
    assert!(markdown.starts_with("# What changed\n"), "{markdown}");
    assert!(
        markdown.contains(
            "- changed `/steering/performance/metrics/0/target/value` **material**: 45.0 → 50.0"
        ),
        "{markdown}"
    );
    let html = dir.join("diff.html");
    if cfg!(feature = "render") {
        let page = std::fs::read_to_string(html).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<code>/context/customer/segments/1/needs/3</code>"));
    } else {
        assert!(!html.exists());
    }
}

#[test]
fn customer_value_out_writes_the_two_charts() {
    let dir = scratch("customer_value_out");
    let output = run("customer_value", &["--out", dir.to_str().unwrap()]);
    if cfg!(feature = "render") {
        assert_exit(&output, 0);
        let map = std::fs::read_to_string(dir.join("value_map.svg")).unwrap();
        let doc = roxmltree::Document::parse(&map).unwrap();
        assert!(
            doc.descendants()
                .any(|n| n.attribute("data-ours") == Some("true"))
        );
        let head = std::fs::read_to_string(dir.join("head_to_head.svg")).unwrap();
        roxmltree::Document::parse(&head).unwrap();
        assert!(stderr(&output).contains("wrote "));
        // The story is still told on standard output.
        assert!(stdout(&output).contains("Customer Value Added: 1.06"));
    } else {
        assert_exit(&output, 2);
        assert!(stderr(&output).contains("need the `render` feature"));
        assert!(!dir.join("value_map.svg").exists());
    }
}

#[test]
fn assessment_flow_tells_what_customers_get_from_the_bank() {
    let output = run("assessment_flow", &[]);
    assert_exit(&output, 0);
    let story = stdout(&output);
    assert!(
        story.contains(
            "Customer value (Harbour Bank mortgage customers, spring 2026: 300 customers)\n  \
             Customer Value Added 1.06: customers get more value from Harbour Bank than from the competitors\n  \
             (against Meridian National Bank 1.10, against QuickKey Mortgages 1.05).\n  \
             Value is lost most on \"Rate offered to existing customers\" (ratio 0.79 to the competitors,\n  \
             4.4 points of the CVA), which speaks to \"The Rate Promise\".\n"
        ),
        "{story}"
    );
    // After the culture, before the checks of the answers.
    assert!(story.find("Customer value (").unwrap() > story.find("What in the culture").unwrap());
    assert!(story.find("Customer value (").unwrap() < story.find("Checks of the answers").unwrap());

    let json = run("assessment_flow", &["--json"]);
    assert_exit(&json, 0);
    let flow: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(
        flow["inputs"]["study"],
        "examples/data/harbour_bank_value_study.json"
    );
    let cva = flow["value"]["overall"]["cva"].as_f64().unwrap();
    assert!((1.05..1.07).contains(&cva), "{cva}");

    // With a round of one's own, the sample bank's study is not mixed in.
    let dir = scratch("own_round_value");
    let round = fixture_round(&dir);
    let own = run("assessment_flow", &["--round", round.to_str().unwrap()]);
    assert_exit(&own, 0);
    assert!(!stdout(&own).contains("Customer value ("));
}

#[cfg(feature = "render")]
#[test]
fn assessment_flow_report_shows_the_value_map() {
    let dir = scratch("value_report");
    let output = run("assessment_flow", &["--out", dir.to_str().unwrap()]);
    assert_exit(&output, 0);
    for file in ["value_map.svg", "head_to_head.svg"] {
        let svg = std::fs::read_to_string(dir.join(file)).unwrap();
        roxmltree::Document::parse(&svg).unwrap();
    }
    let markdown = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(markdown.contains("## Customer value"), "{markdown}");
    assert!(markdown.contains("![Customer value map](value_map.svg)"));
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.contains("<title>Customer value map: Harbour Bank mortgage customers"));
}
