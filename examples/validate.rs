//! Validates a canvas with the built-in rule catalogue and prints the report.
//!
//! ```text
//! cargo run --example validate -- FILE [--profile draft|final] [--config RULES.toml] [--json]
//! cargo run --example validate -- --list-rules [--json | --markdown] [--config RULES.toml]
//! ```
//!
//! FILE and RULES may be JSON or TOML, told apart by their extension. Without
//! `--profile`, the canvas's own stage (draft or final) chooses the profile.
//!
//! Exit status: 0 when the canvas is valid, 1 when there are error-level
//! findings, 2 when the input cannot be read or loaded, or the arguments are wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use customer_strategy::validate::{Config, Profile, RuleSet};
use customer_strategy::{Canvas, Document, Stage, rules};

const USAGE: &str = "usage: validate FILE [--profile draft|final] [--config RULES.toml] [--json]
       validate --list-rules [--json | --markdown] [--config RULES.toml]";

#[derive(Default)]
struct Args {
    file: Option<PathBuf>,
    profile: Option<Profile>,
    config: Option<PathBuf>,
    json: bool,
    markdown: bool,
    list_rules: bool,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let args = parse_args(std::env::args().skip(1))?;
    let config = match &args.config {
        Some(path) => load::<Config>(path)?,
        None => Config::default(),
    };
    let rules = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .config(config)
        .build()
        .map_err(|e| e.to_string())?;

    if args.list_rules {
        let catalogue = rules.describe();
        if args.json {
            emit(&format!("{}\n", catalogue.to_json()));
        } else if args.markdown {
            emit(&catalogue.to_markdown());
        } else {
            emit(&catalogue.to_string());
        }
        return Ok(ExitCode::SUCCESS);
    }

    let file = args
        .file
        .ok_or_else(|| format!("no canvas file given\n{USAGE}"))?;
    let canvas = load::<Canvas>(&file)?;
    let profile = args.profile.unwrap_or(match canvas.metadata.stage {
        Stage::Final => Profile::Final,
        _ => Profile::Draft,
    });
    let report = rules.validate(&canvas, profile);
    if args.json {
        emit(&format!("{}\n", report.to_json()));
    } else {
        emit(&format!(
            "{} ({}), {}\n{report}\n",
            canvas.metadata.name,
            canvas.metadata.organization,
            file.display()
        ));
    }
    Ok(if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Writes to standard output; a reader that goes away early (`| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn parse_args(mut raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args::default();
    while let Some(arg) = raw.next() {
        match arg.as_str() {
            "--profile" => {
                let value = raw
                    .next()
                    .ok_or("--profile needs a value: draft or final")?;
                args.profile = Some(value.parse().map_err(|e| format!("{e}"))?);
            }
            "--config" => {
                let value = raw.next().ok_or("--config needs a file")?;
                args.config = Some(PathBuf::from(value));
            }
            "--json" => args.json = true,
            "--markdown" => args.markdown = true,
            "--list-rules" => args.list_rules = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option `{other}`\n{USAGE}"));
            }
            other => {
                if args.file.replace(PathBuf::from(other)).is_some() {
                    return Err(format!("more than one file given\n{USAGE}"));
                }
            }
        }
    }
    Ok(args)
}

fn load<D: Document>(path: &Path) -> Result<D, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let loaded = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => D::from_toml(&text),
        Some("json") => D::from_json(&text),
        _ => {
            return Err(format!(
                "cannot tell the format of {}: use a .json or .toml file",
                path.display()
            ));
        }
    };
    loaded.map_err(|e| format!("{}: {e}", path.display()))
}
