//! A downstream service extends the built-in catalogue with a rule of its own,
//! and tunes built-in rules from a TOML configuration.
//!
//! Run with `cargo run --example custom_rule [CANVAS] [RULES.toml]`; by default it
//! validates the complete sample canvas with `examples/data/custom_rules.toml`.
//! CANVAS may be JSON or TOML, told apart by its extension.
//!
//! The tightened rules find fault with the sample, which is what the example
//! shows: it exits 0 once it has shown the report, whatever the report says
//! (judging a document by its exit status is the `validate` example's job),
//! and 2 when a file cannot be read or loaded, or the rules cannot be built.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Datelike;
use customer_strategy::rules::{self, CanvasIndex};
use customer_strategy::validate::{
    Check, Config, FnRule, IntegerParam, JsonPointer, Profile, RuleMeta, RuleSet, Severity,
};
use customer_strategy::{Canvas, Document};

/// Prints a line; a reader that goes away early (`| head`) is not an error.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// How soon after the start of the horizon the first target must fall due.
const MAX_MONTHS: IntegerParam = IntegerParam::new(
    "max_months",
    "Months from the start of the horizon by which the first target falls due",
    24,
    1,
    120,
);

/// The service's own rule: early milestones keep a strategy honest.
const FIRST_TARGET: RuleMeta = RuleMeta::new(
    "ACME-TARGET-001",
    "The first target falls due early in the horizon",
    Severity::Warning,
    "A strategy whose every target lies years away cannot show progress at its first \
     reviews; our practice asks for an early milestone.",
)
.with_tags(&["acme"])
.with_params(&[MAX_MONTHS.spec()]);

fn first_target(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let Some(horizon) = canvas.metadata.horizon else {
        return; // CANVAS-HORIZON-001 asks for a horizon.
    };
    let metrics = &canvas.steering.performance.metrics;
    let earliest = metrics
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.target.as_ref().and_then(|t| t.due).map(|due| (due, i)))
        .min();
    let Some((due, metric)) = earliest else {
        return; // CANVAS-PERF-002 asks for targets.
    };
    let months = (due.year() - horizon.start.year()) * 12 + due.month() as i32
        - horizon.start.month() as i32;
    let max = check.params().integer(&MAX_MONTHS);
    if i64::from(months) > max {
        check
            .finding(
                JsonPointer::from("/steering/performance/metrics")
                    .index(metric)
                    .key("target")
                    .key("due"),
                "acme.target.late_first",
                "The first target falls due {months} months into the horizon; our standard is {max}",
            )
            .arg("months", months)
            .arg("max", max)
            .hint("Add an interim target for the first year.")
            .emit();
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let canvas_path = args
        .next()
        .unwrap_or_else(|| data.join("harbour_bank_canvas.toml"));
    let config_path = args
        .next()
        .unwrap_or_else(|| data.join("custom_rules.toml"));

    let config = Config::from_toml(&read(&config_path)?)
        .map_err(|e| format!("{}: {e}", shown(&config_path).display()))?;
    let rules = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .rule(FnRule::new(FIRST_TARGET, first_target))
        .config(config)
        .build()
        .map_err(|e| e.to_string())?;
    say!(
        "{} rules: {} built in, 1 of our own, configured from {}\n",
        rules.len(),
        rules.len() - 1,
        shown(&config_path).display()
    );

    let text = read(&canvas_path)?;
    let loaded = match canvas_path.extension().and_then(|e| e.to_str()) {
        Some("json") => Canvas::from_json(&text),
        _ => Canvas::from_toml(&text),
    };
    let canvas = loaded.map_err(|e| format!("{}: {e}", shown(&canvas_path).display()))?;
    let report = rules.validate(&canvas, Profile::Final);
    say!("{report}");
    if !report.is_valid() {
        say!(
            "\nUnder the service's own standards, {} would be sent back for rework.",
            shown(&canvas_path).display()
        );
    }
    Ok(())
}

/// The path relative to the crate, for shorter output.
fn shown(path: &Path) -> &Path {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}
