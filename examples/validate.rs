//! Validates a canvas, an instrument or a round of responses with the built-in
//! rule catalogues and prints the report.
//!
//! ```text
//! cargo run --example validate -- FILE [--profile draft|final] [--config RULES.toml] [--json]
//!                                      [--instrument INSTRUMENT.toml] [--folded]
//! cargo run --example validate -- SIGNALS [--canvas CANVAS] [--round ROUND] [--json]
//! cargo run --example validate -- STUDY [--canvas CANVAS] [--json]
//! cargo run --example validate -- --list-rules [--json | --markdown] [--config RULES.toml]
//! ```
//!
//! FILE and the other documents may be JSON or TOML, told apart by their
//! extension, and at most 8 MiB (`LoadOptions::DEFAULT_MAX_BYTES`): a larger
//! file is refused before it is read. The kind of FILE is told by a quick scan
//! of its top-level keys, and then it is loaded once: a canvas has `metadata`,
//! an instrument `items` and `scale`, a round `instrument` and `date`, a value
//! study `our_offer` and `price_weight`, a rule configuration `rules`, and
//! anything else is read as culture signals. A value study is checked with the
//! value study rules and, with `--canvas`, against the canvas with the value
//! context rules as well (a second report). A round
//! is checked against `--instrument`, or the built-in customer strategy
//! maturity instrument. Culture signals are checked with the culture and review
//! rules, together with `--canvas` and `--round` if given. A rule configuration
//! is checked against the built-in catalogues: every code it names must exist
//! and every parameter must be known and in range. Without `--profile`, a
//! canvas's own stage (draft or final) chooses the profile; other documents are
//! judged as final.
//!
//! A finding that another implies (such as each missing field of a block
//! reported empty) is folded into it: the report lists the block once, says
//! how many findings it folds, and `--folded` lists them under it. The JSON
//! report always carries them, under `folded` of the finding that implies them.
//!
//! Exit status: 0 when the document is valid, 1 when there are error-level
//! findings, 2 when an input cannot be read or loaded, or the arguments are wrong.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use customer_strategy::validate::{Catalogue, Config, Profile, Report, Rule, RuleSet, Subject};
use customer_strategy::{
    Assessment, Canvas, CultureSignals, Document, Instrument, LoadOptions, OrganizationReview,
    Round, Stage, StudyInContext, ValueStudy, rules,
};
use serde::de::{self, IgnoredAny, MapAccess, Visitor};

const USAGE: &str = "usage: validate FILE [--profile draft|final] [--config RULES.toml] [--json] [--instrument FILE] [--folded]
       validate SIGNALS [--canvas CANVAS] [--round ROUND [--instrument FILE]] [--json]
       validate STUDY [--canvas CANVAS] [--json]
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
    folded: bool,
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
    let format = extension(&file)?;
    let text = read(&file)?;
    let (title, report) = match kind_of(&text, format) {
        Kind::Config => {
            let configured = parse::<Config>(&file, &text, format)?;
            return Ok(check_config(&args, &file, &configured));
        }
        Kind::Canvas => {
            let canvas = parse::<Canvas>(&file, &text, format)?;
            // A draft is judged as one; a canvas put forward for sign-off or
            // beyond is judged as final.
            let profile = args.profile.unwrap_or(match canvas.metadata.stage {
                Stage::Draft => Profile::Draft,
                _ => Profile::Final,
            });
            let title = format!(
                "{} ({})",
                canvas.metadata.name, canvas.metadata.organization
            );
            (title, check(rules::canvas(), config, &canvas, profile)?)
        }
        Kind::Instrument => {
            let instrument = parse::<Instrument>(&file, &text, format)?;
            let title = format!("{} {}", instrument.name, instrument.version);
            let profile = args.profile.unwrap_or(Profile::Final);
            (
                title,
                check(rules::instrument(), config, &instrument, profile)?,
            )
        }
        Kind::Signals => {
            let signals = parse::<CultureSignals>(&file, &text, format)?;
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
                value: None,
            };
            let profile = args.profile.unwrap_or(Profile::Final);
            let mut catalogue = rules::culture();
            catalogue.extend(rules::review());
            (title, check(catalogue, config, &review, profile)?)
        }
        Kind::Study => {
            let study = parse::<ValueStudy>(&file, &text, format)?;
            let title = format!("{} ({} customers)", study.name, study.responses.len());
            let profile = args.profile.unwrap_or(Profile::Final);
            let report = check(rules::value(), config.clone(), &study, profile)?;
            if let Some(path) = &args.canvas {
                let canvas = load::<Canvas>(path)?;
                let context = format!("{title} against {}", canvas.metadata.name);
                let pair = StudyInContext { canvas, study };
                let against = check(rules::value_in_context(), config, &pair, profile)?;
                if args.json {
                    let both = serde_json::json!({
                        "study": serde_json::from_str::<serde_json::Value>(&report.to_json())
                            .map_err(|e| e.to_string())?,
                        "context": serde_json::from_str::<serde_json::Value>(&against.to_json())
                            .map_err(|e| e.to_string())?,
                    });
                    let text = serde_json::to_string_pretty(&both).map_err(|e| e.to_string())?;
                    emit(&format!("{text}\n"));
                } else {
                    emit(&format!("{title}, {}\n{report}\n", file.display()));
                    emit(&format!("\n{context}\n{against}\n"));
                }
                return Ok(if report.is_valid() && against.is_valid() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                });
            }
            (title, report)
        }
        Kind::Round => {
            let round = parse::<Round>(&file, &text, format)?;
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
    } else if args.folded {
        emit(&format!("{title}, {}\n{report:#}\n", file.display()));
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

/// The six kinds of document `validate` judges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Canvas,
    Instrument,
    Round,
    Study,
    Config,
    Signals,
}

impl Kind {
    /// In the order ties are broken.
    const ALL: [Kind; 6] = [
        Kind::Canvas,
        Kind::Instrument,
        Kind::Round,
        Kind::Study,
        Kind::Config,
        Kind::Signals,
    ];

    /// The top-level fields of the kind's document type, as its loader knows them.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Canvas => fields_of::<Canvas>(),
            Kind::Instrument => fields_of::<Instrument>(),
            Kind::Round => fields_of::<Round>(),
            Kind::Study => fields_of::<ValueStudy>(),
            Kind::Config => fields_of::<Config>(),
            Kind::Signals => fields_of::<CultureSignals>(),
        }
    }
}

/// Tells the kind of document by its top-level keys, without building the
/// document or a tree of it: the kind whose own fields (those no other kind
/// has) appear most often wins. A document with none of them is read as
/// culture signals when it has a `schema_version` (every signal is optional),
/// else as a canvas, whose loader then says what is missing.
fn kind_of(text: &str, format: Format) -> Kind {
    let mut found = BTreeSet::new();
    let mut note = |key: &str| {
        found.insert(key.to_owned());
    };
    match format {
        Format::Json => json_top_keys(text, &mut note),
        Format::Toml => toml_top_keys(text, &mut note),
    }
    let own = |kind: Kind| {
        kind.fields()
            .iter()
            .filter(|field| {
                Kind::ALL
                    .iter()
                    .filter(|other| **other != kind)
                    .all(|other| !other.fields().contains(field))
            })
            .filter(|field| found.contains(**field))
            .count()
    };
    let mut best = (0, None);
    for kind in Kind::ALL {
        let hits = own(kind);
        if hits > best.0 {
            best = (hits, Some(kind));
        }
    }
    match best.1 {
        Some(kind) => kind,
        None if found.contains("schema_version") => Kind::Signals,
        None => Kind::Canvas,
    }
}

/// The field names a derived `Deserialize` asks for: it hands them to
/// `deserialize_struct`, which records them and stops.
fn fields_of<D: Document>() -> &'static [&'static str] {
    struct FieldNames<'a>(&'a mut &'static [&'static str]);

    impl<'de> serde::Deserializer<'de> for FieldNames<'_> {
        type Error = serde::de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("only field names are asked for"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("only field names are asked for"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = D::deserialize(FieldNames(&mut fields));
    fields
}

/// Calls `note` with each key of the top-level JSON object, skipping over the
/// values without keeping them. Stops at the first syntax error: the loader
/// reports it.
fn json_top_keys(text: &str, note: &mut dyn FnMut(&str)) {
    struct Keys<'n>(&'n mut dyn FnMut(&str));

    impl<'de> Visitor<'de> for Keys<'_> {
        type Value = ();

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while map.next_key_seed(Key(&mut *self.0))?.is_some() {
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }

    struct Key<'n, 'k>(&'k mut (dyn FnMut(&str) + 'n));

    impl<'de> de::DeserializeSeed<'de> for Key<'_, '_> {
        type Value = ();

        fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_str(self)
        }
    }

    impl<'de> Visitor<'de> for Key<'_, '_> {
        type Value = ();

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a key")
        }

        fn visit_str<E: de::Error>(self, key: &str) -> Result<(), E> {
            (self.0)(key);
            Ok(())
        }
    }

    let mut deserializer = serde_json::Deserializer::from_str(text);
    let _ = serde::Deserializer::deserialize_map(&mut deserializer, Keys(note));
}

/// Calls `note` with each top-level key of TOML text: the first segment of
/// every key before the first table header, and of every table header. A
/// scan, not a parse: it steps over strings (all four kinds), arrays, inline
/// tables and comments, and leaves every error to the loader.
fn toml_top_keys(text: &str, note: &mut dyn FnMut(&str)) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut at_root = true;
    let mut i = 0;
    while i < bytes.len() {
        i = skip_blank(bytes, i);
        match bytes.get(i) {
            None => break,
            Some(b'\n' | b'\r') => i += 1,
            Some(b'#') => i = end_of_line(bytes, i),
            Some(b'[') => {
                // `[table]` or `[[array.of.tables]]`: its first segment is a
                // top-level key. A header fits on one line.
                at_root = false;
                let start = skip_blank(bytes, i + 1);
                let start = if bytes.get(start) == Some(&b'[') {
                    skip_blank(bytes, start + 1)
                } else {
                    start
                };
                if let (Some(key), _) = key_segment(text, start) {
                    note(&key);
                }
                i = end_of_line(bytes, start);
            }
            Some(_) => {
                let (key, mut next) = key_segment(text, i);
                if let Some(key) = key.filter(|_| at_root) {
                    note(&key);
                }
                // The rest of a dotted key, then `=` and the value.
                loop {
                    next = skip_blank(bytes, next);
                    match bytes.get(next) {
                        Some(b'.') => next = key_segment(text, skip_blank(bytes, next + 1)).1,
                        Some(b'=') => {
                            next = end_of_value(bytes, next + 1);
                            break;
                        }
                        _ => {
                            next = end_of_line(bytes, next);
                            break;
                        }
                    }
                }
                i = next.max(i + 1);
            }
        }
    }
}

/// Past spaces and tabs.
fn skip_blank(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// At the line break that ends the line, or the end of the text.
fn end_of_line(bytes: &[u8], mut i: usize) -> usize {
    while !matches!(bytes.get(i), None | Some(b'\n')) {
        i += 1;
    }
    i
}

/// One segment of a key (bare, `"basic"` or `'literal'`) and where it ends.
/// Escapes in a quoted key are left as written.
fn key_segment(text: &str, start: usize) -> (Option<String>, usize) {
    let bytes = text.as_bytes();
    let (from, to, next) = match bytes.get(start) {
        Some(&quote @ (b'"' | b'\'')) => {
            let end = end_of_string(bytes, start + 1, quote);
            // `end` is past the closing quote, when there is one.
            let closed = end > start + 1 && bytes.get(end - 1) == Some(&quote);
            (start + 1, if closed { end - 1 } else { end }, end)
        }
        _ => {
            let mut end = start;
            while bytes
                .get(end)
                .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
            {
                end += 1;
            }
            (start, end, end)
        }
    };
    let key = text.get(from..to).filter(|k| !k.is_empty() || next > start);
    (key.map(str::to_owned), next)
}

/// Past the closing quote of a one-line string that opened before `i`, or at
/// the line break of an unclosed one. Basic strings (`"`) have escapes.
fn end_of_string(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    loop {
        match bytes.get(i) {
            None | Some(b'\n') => return i,
            Some(b'\\') if quote == b'"' => i += 2,
            Some(&b) if b == quote => return i + 1,
            Some(_) => i += 1,
        }
    }
}

/// Past the closing delimiter of a multi-line string (`"""` or `'''`) that
/// opened before `i`; up to two more quotes before it belong to the string.
fn end_of_multiline(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    let delimiter = [quote; 3];
    loop {
        match bytes.get(i) {
            None => return i,
            Some(b'\\') if quote == b'"' => i += 2,
            Some(_) if bytes.get(i..i + 3) == Some(&delimiter[..]) => {
                let mut end = i + 3;
                while end < i + 5 && bytes.get(end) == Some(&quote) {
                    end += 1;
                }
                return end;
            }
            Some(_) => i += 1,
        }
    }
}

/// Past the value that starts at `i` and the line break after it: strings,
/// arrays and inline tables may span lines.
fn end_of_value(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0_usize;
    loop {
        match bytes.get(i) {
            None => return i,
            Some(b'\n') if depth == 0 => return i + 1,
            Some(b'#') => i = end_of_line(bytes, i),
            Some(&quote @ (b'"' | b'\'')) => {
                i = if bytes.get(i..i + 3) == Some(&[quote; 3][..]) {
                    end_of_multiline(bytes, i + 3, quote)
                } else {
                    end_of_string(bytes, i + 1, quote)
                };
            }
            Some(b'[' | b'{') => {
                depth += 1;
                i += 1;
            }
            Some(b']' | b'}') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            Some(_) => i += 1,
        }
    }
}
/// Checks a rule configuration against the built-in catalogues: every code it
/// names belongs to one, and each catalogue builds with the settings of its
/// own codes (known parameters, in range). Problems are error-level: exit 1.
fn check_config(args: &Args, file: &Path, config: &Config) -> ExitCode {
    let mut problems: Vec<String> = [
        describe(rules::canvas(), config).err(),
        describe(rules::instrument(), config).err(),
        describe(rules::responses(), config).err(),
        describe(rules::culture(), config).err(),
        describe(rules::review(), config).err(),
        describe(rules::value(), config).err(),
        describe(rules::value_in_context(), config).err(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let all: BTreeSet<&str> = [
        codes(rules::canvas()),
        codes(rules::instrument()),
        codes(rules::responses()),
        codes(rules::culture()),
        codes(rules::review()),
        codes(rules::value()),
        codes(rules::value_in_context()),
    ]
    .into_iter()
    .flatten()
    .collect();
    problems.extend(
        config
            .rules
            .keys()
            .filter(|code| !all.contains(code.as_str()))
            .map(|code| format!("the configuration names rule `{code}`, which no catalogue has")),
    );
    if args.json {
        let json = serde_json::json!({
            "kind": "rule configuration",
            "valid": problems.is_empty(),
            "rules": config.rules.len(),
            "problems": problems,
        });
        emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        ));
    } else {
        let mut text = format!(
            "Rule configuration of {} rule(s), {}\n",
            config.rules.len(),
            file.display()
        );
        if problems.is_empty() {
            text.push_str("valid: every code it names is a built-in rule, every parameter known and in range\n");
        } else {
            text.push_str(&format!("invalid: {} problem(s)\n", problems.len()));
            for problem in &problems {
                text.push_str(&format!("  - {problem}\n"));
            }
        }
        emit(&text);
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The codes of a catalogue's rules.
fn codes<S: Subject + 'static>(catalogue: Vec<Box<dyn Rule<S>>>) -> Vec<&'static str> {
    catalogue.iter().map(|r| r.meta().code()).collect()
}

/// Lists every catalogue; a configuration applies to the catalogue that has
/// each code it names.
fn list_rules(args: &Args, config: &Config) -> Result<(), String> {
    let sections: [(&str, Catalogue); 7] = [
        ("Canvas rules", describe(rules::canvas(), config)?),
        ("Instrument rules", describe(rules::instrument(), config)?),
        ("Response rules", describe(rules::responses(), config)?),
        ("Culture rules", describe(rules::culture(), config)?),
        ("Review rules", describe(rules::review(), config)?),
        ("Value rules", describe(rules::value(), config)?),
        (
            "Context rules",
            describe(rules::value_in_context(), config)?,
        ),
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
            "--folded" => args.folded = true,
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

#[derive(Clone, Copy)]
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

/// Reads a file of at most [`LoadOptions::DEFAULT_MAX_BYTES`], the loaders'
/// limit. A file the file system says is larger is refused before any of it
/// is read; reading stops one byte past the limit in case the size was not
/// known (a pipe) or the file grew.
fn read(path: &Path) -> Result<String, String> {
    let limit = LoadOptions::DEFAULT_MAX_BYTES;
    let limit64 = u64::try_from(limit).unwrap_or(u64::MAX);
    let too_large = |size: Option<u64>| {
        let size = size.map_or_else(String::new, |s| format!("{s} bytes, "));
        format!(
            "{}: the file is {size}over the limit of {limit} bytes",
            path.display()
        )
    };
    let cannot = |e: std::io::Error| format!("cannot read {}: {e}", path.display());
    let file = File::open(path).map_err(cannot)?;
    if let Ok(metadata) = file.metadata()
        && metadata.is_file()
        && metadata.len() > limit64
    {
        return Err(too_large(Some(metadata.len())));
    }
    let mut bytes = Vec::new();
    file.take(limit64.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > limit {
        return Err(too_large(None));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "cannot read {}: not UTF-8 text (at byte {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Reads and loads a document, the format told by the file's extension.
fn load<D: Document>(path: &Path) -> Result<D, String> {
    let format = extension(path)?;
    parse(path, &read(path)?, format)
}

/// Loads a document from text already read.
fn parse<D: Document>(path: &Path, text: &str, format: Format) -> Result<D, String> {
    let loaded = match format {
        Format::Toml => D::from_toml(text),
        Format::Json => D::from_json(text),
    };
    loaded.map_err(|e| format!("{}: {e}", path.display()))
}
