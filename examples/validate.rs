//! Validates a canvas, an instrument or a round of responses with the built-in
//! rule catalogues and prints the report.
//!
//! ```text
//! cargo run --example validate -- FILE [--profile draft|final] [--config RULES.toml] [--json]
//!                                      [--instrument INSTRUMENT.toml]
//! cargo run --example validate -- SIGNALS [--canvas CANVAS] [--round ROUND] [--json]
//! cargo run --example validate -- --list-rules [--json | --markdown] [--config RULES.toml]
//! ```
//!
//! FILE and the other documents may be JSON or TOML, told apart by their
//! extension. The kind of FILE is told by its content: a canvas has `metadata`,
//! an instrument `items`, a round `responses`, and anything else is read as
//! culture signals. A round is checked against `--instrument`, or the built-in
//! customer strategy maturity instrument. Culture signals are checked with the
//! culture and review rules, together with `--canvas` and `--round` if given.
//! Without `--profile`, a canvas's own stage (draft or final) chooses the
//! profile; other documents are judged as final.
//!
//! Exit status: 0 when the document is valid, 1 when there are error-level
//! findings, 2 when an input cannot be read or loaded, or the arguments are wrong.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use customer_strategy::validate::{Catalogue, Config, Profile, Report, Rule, RuleSet, Subject};
use customer_strategy::{
    Assessment, Canvas, CultureSignals, Document, Instrument, OrganizationReview, Round, Stage,
    rules,
};

const USAGE: &str = "usage: validate FILE [--profile draft|final] [--config RULES.toml] [--json] [--instrument FILE]
       validate SIGNALS [--canvas CANVAS] [--round ROUND [--instrument FILE]] [--json]
       validate --list-rules [--json | --markdown] [--config RULES.toml]";

#[derive(Default)]
struct Args {
    file: Option<PathBuf>,
    profile: Option<Profile>,
    config: Option<PathBuf>,
    instrument: Option<PathBuf>,
    canvas: Option<PathBuf>,
    round: Option<PathBuf>,
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
    if args.list_rules {
        list_rules(&args, &config)?;
        return Ok(ExitCode::SUCCESS);
    }

    let file = args
        .file
        .clone()
        .ok_or_else(|| format!("no file given\n{USAGE}"))?;
    let (title, report) = match kind_of(&file)? {
        Kind::Canvas => {
            let canvas = load::<Canvas>(&file)?;
            let profile = args.profile.unwrap_or(match canvas.metadata.stage {
                Stage::Final => Profile::Final,
                _ => Profile::Draft,
            });
            let title = format!(
                "{} ({})",
                canvas.metadata.name, canvas.metadata.organization
            );
            (title, check(rules::canvas(), config, &canvas, profile)?)
        }
        Kind::Instrument => {
            let instrument = load::<Instrument>(&file)?;
            let title = format!("{} {}", instrument.name, instrument.version);
            let profile = args.profile.unwrap_or(Profile::Final);
            (
                title,
                check(rules::instrument(), config, &instrument, profile)?,
            )
        }
        Kind::Signals => {
            let signals = load::<CultureSignals>(&file)?;
            let title = format!("Culture signals of {}", signals.organization);
            let canvas = args.canvas.as_deref().map(load::<Canvas>).transpose()?;
            let assessment = match &args.round {
                Some(path) => Some(Assessment {
                    instrument: match &args.instrument {
                        Some(path) => load::<Instrument>(path)?,
                        None => {
                            Instrument::customer_strategy_maturity().map_err(|e| e.to_string())?
                        }
                    },
                    round: load::<Round>(path)?,
                }),
                None => None,
            };
            let review = OrganizationReview {
                canvas,
                signals: Some(signals),
                assessment,
            };
            let profile = args.profile.unwrap_or(Profile::Final);
            let mut catalogue = rules::culture();
            catalogue.extend(rules::review());
            (title, check(catalogue, config, &review, profile)?)
        }
        Kind::Round => {
            let round = load::<Round>(&file)?;
            let instrument = match &args.instrument {
                Some(path) => load::<Instrument>(path)?,
                None => Instrument::customer_strategy_maturity().map_err(|e| e.to_string())?,
            };
            let title = format!("{} ({} responses)", round.name, round.responses.len());
            let assessment = Assessment { instrument, round };
            let profile = args.profile.unwrap_or(Profile::Final);
            (
                title,
                check(rules::responses(), config, &assessment, profile)?,
            )
        }
    };
    if args.json {
        emit(&format!("{}\n", report.to_json()));
    } else {
        emit(&format!("{title}, {}\n{report}\n", file.display()));
    }
    Ok(if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn check<S: Subject + 'static>(
    catalogue: Vec<Box<dyn Rule<S>>>,
    config: Config,
    subject: &S,
    profile: Profile,
) -> Result<Report, String> {
    let rules = RuleSet::builder()
        .rules(catalogue)
        .config(config)
        .build()
        .map_err(|e| e.to_string())?;
    Ok(rules.validate(subject, profile))
}

enum Kind {
    Canvas,
    Instrument,
    Round,
    Signals,
}

/// Tells the kind of document by its top-level keys, before loading it strictly.
fn kind_of(path: &Path) -> Result<Kind, String> {
    let text = read(path)?;
    let keys: Vec<String> = match extension(path)? {
        Format::Toml => text
            .parse::<toml::Table>()
            .map(|table| table.keys().cloned().collect())
            .unwrap_or_default(),
        Format::Json => serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
            .map(|map| map.keys().cloned().collect())
            .unwrap_or_default(),
    };
    let has = |key: &str| keys.iter().any(|k| k == key);
    if has("responses") {
        Ok(Kind::Round)
    } else if has("items") || has("scale") {
        Ok(Kind::Instrument)
    } else if !has("metadata") && has("schema_version") {
        Ok(Kind::Signals)
    } else {
        // A canvas, or something that will fail to load as one with a clear error.
        Ok(Kind::Canvas)
    }
}

/// Lists every catalogue; a configuration applies to the catalogue that has
/// each code it names.
fn list_rules(args: &Args, config: &Config) -> Result<(), String> {
    let sections: [(&str, Catalogue); 5] = [
        ("Canvas rules", describe(rules::canvas(), config)?),
        ("Instrument rules", describe(rules::instrument(), config)?),
        ("Response rules", describe(rules::responses(), config)?),
        ("Culture rules", describe(rules::culture(), config)?),
        ("Review rules", describe(rules::review(), config)?),
    ];
    let known: BTreeSet<&str> = sections
        .iter()
        .flat_map(|(_, c)| c.rules().iter().map(|r| r.code))
        .collect();
    if let Some(unknown) = config
        .rules
        .keys()
        .find(|code| !known.contains(code.as_str()))
    {
        return Err(format!(
            "the configuration names rule `{unknown}`, which no catalogue has"
        ));
    }
    if args.json {
        let json: serde_json::Map<String, serde_json::Value> = sections
            .iter()
            .map(|(name, catalogue)| {
                let key = name.split(' ').next().unwrap_or(name).to_lowercase();
                let value = serde_json::to_value(catalogue).unwrap_or_default();
                (key, value)
            })
            .collect();
        let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
        emit(&format!("{text}\n"));
    } else {
        for (i, (name, catalogue)) in sections.iter().enumerate() {
            let body = if args.markdown {
                catalogue.to_markdown()
            } else {
                catalogue.to_string()
            };
            let heading = if args.markdown {
                format!("## {name}\n\n")
            } else {
                format!("== {name}\n\n")
            };
            emit(&format!("{}{heading}{body}", if i > 0 { "\n" } else { "" }));
        }
    }
    Ok(())
}

/// The catalogue with the configured settings of its own codes.
fn describe<S: Subject + 'static>(
    catalogue: Vec<Box<dyn Rule<S>>>,
    config: &Config,
) -> Result<Catalogue, String> {
    let codes: BTreeSet<&str> = catalogue.iter().map(|r| r.meta().code()).collect();
    let own = Config {
        rules: config
            .rules
            .iter()
            .filter(|(code, _)| codes.contains(code.as_str()))
            .map(|(code, settings)| (code.clone(), settings.clone()))
            .collect(),
        ..Config::default()
    };
    let rules = RuleSet::builder()
        .rules(catalogue)
        .config(own)
        .build()
        .map_err(|e| e.to_string())?;
    Ok(rules.describe())
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
            "--canvas" => {
                let value = raw.next().ok_or("--canvas needs a file")?;
                args.canvas = Some(PathBuf::from(value));
            }
            "--round" => {
                let value = raw.next().ok_or("--round needs a file")?;
                args.round = Some(PathBuf::from(value));
            }
            "--instrument" => {
                let value = raw.next().ok_or("--instrument needs a file")?;
                args.instrument = Some(PathBuf::from(value));
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

enum Format {
    Json,
    Toml,
}

fn extension(path: &Path) -> Result<Format, String> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => Ok(Format::Toml),
        Some("json") => Ok(Format::Json),
        _ => Err(format!(
            "cannot tell the format of {}: use a .json or .toml file",
            path.display()
        )),
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn load<D: Document>(path: &Path) -> Result<D, String> {
    let format = extension(path)?;
    let text = read(path)?;
    let loaded = match format {
        Format::Toml => D::from_toml(&text),
        Format::Json => D::from_json(&text),
    };
    loaded.map_err(|e| format!("{}: {e}", path.display()))
}
