//! The assessment flow most products show first: a team has answered the
//! built-in customer strategy maturity questionnaire; where does the
//! organization stand, how far apart are its boardroom and back office, what
//! should it do next, how has it moved since the last round, and what in its
//! culture blocks the strategy (from its culture signals and its canvas)?
//!
//! ```text
//! cargo run --example assessment_flow            # the story of the samples, as text
//! cargo run --example assessment_flow -- --json  # every number, as JSON
//! cargo run --example assessment_flow -- --round my_round.toml --earlier last_year.toml
//! cargo run --features render --example assessment_flow -- --out report
//! ```
//!
//! The story is told of the sample bank in `examples/data/` unless given the
//! user's own documents, JSON or TOML by their extension:
//!
//! - `--round FILE`: the round of answers (the sample's 2026 round).
//! - `--instrument FILE`: the questionnaire the round was answered with (the
//!   built-in customer strategy maturity instrument).
//! - `--earlier FILE`: an earlier round to compare with.
//! - `--canvas FILE`: the customer strategy canvas.
//! - `--signals FILE`: the culture signals.
//! - `--study FILE`: a customer value study: what customers get from the
//!   organization against its competitors (the CVA, where value is lost).
//!
//! Without `--round`, the sample's earlier round, canvas, culture signals and
//! value study complete the sample's story. With a round of one's own, the sample bank's
//! documents would tell of someone else, so only those given are used, and
//! the story says what is missing (no trend without an earlier round, blockers
//! judged from the answers alone without culture signals).
//!
//! `--out DIR` (with the `render` feature) also writes the charts and the
//! review for the leadership team into DIR: `radar.svg`, `gaps.svg`,
//! `report.md` and `report.html`, and with a value study `value_map.svg` and
//! `head_to_head.svg`.
//!
//! Exit status: 0 when the story is told, 2 when a file cannot be read or
//! loaded, or the arguments are wrong.

use std::fmt::Write as _;
use std::fs::File;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use customer_strategy::validate::{Profile, Report, RuleSet};
use customer_strategy::{
    AnalysisOptions, Assessment, Canvas, CanvasLink, CultureSignals, Document, Instrument,
    LoadOptions, OrgLevel, OrganizationReview, ReviewOptions, ReviewResult, Round, RoundResult,
    Scorer, ScoringOptions, StudyResult, Trend, ValueStudy, Verdict, analyse, rules,
};
use serde::Serialize;

const USAGE: &str = "usage: assessment_flow [OPTIONS]

Tells where an organization stands from a round of answers to a maturity
questionnaire. Without options, the story of the sample bank in examples/data/.

Options (FILE is .json or .toml):
  --round FILE        the round of answers (default: the sample's 2026 round)
  --instrument FILE   the questionnaire it was answered with (default: the
                      built-in customer strategy maturity instrument)
  --earlier FILE      an earlier round, to show the trend
  --canvas FILE       the organization's customer strategy canvas
  --signals FILE      the organization's culture signals
  --study FILE        a customer value study of its market
  --json              print every number as JSON instead of the story
  --out DIR           also write radar.svg, gaps.svg, report.md and report.html
                      (and value_map.svg, head_to_head.svg with a value study)
                      into DIR (needs the `render` feature)
  -h, --help          print this help

Without --round, the sample's earlier round, canvas, culture signals and
value study are used too; with your own round, only the documents you give are.

Exit status: 0 when the story is told, 2 when a file cannot be read or loaded,
or the arguments are wrong.";

/// Everything the flow computes, as `--json` prints it.
#[derive(Serialize)]
struct Flow {
    inputs: Inputs,
    instrument: String,
    instrument_version: String,
    options: Options,
    result: RoundResult,
    earlier: Option<RoundResult>,
    trend: Option<Trend>,
    checks: Report,
    review: ReviewResult,
    review_checks: Report,
    /// What the value study says, when one is given.
    value: Option<StudyResult>,
}

/// Where each document came from: a file, the built-in instrument, or
/// nothing (`null`).
#[derive(Serialize)]
struct Inputs {
    instrument: String,
    round: String,
    earlier: Option<String>,
    canvas: Option<String>,
    signals: Option<String>,
    study: Option<String>,
}

#[derive(Serialize)]
struct Options {
    min_group_size: usize,
    gap_threshold: f64,
}

/// The command line.
#[derive(Default)]
struct Args {
    json: bool,
    out: Option<PathBuf>,
    instrument: Option<PathBuf>,
    round: Option<PathBuf>,
    earlier: Option<PathBuf>,
    canvas: Option<PathBuf>,
    signals: Option<PathBuf>,
    study: Option<PathBuf>,
    help: bool,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n(run with --help for the options)");
            return ExitCode::from(2);
        }
    };
    if args.help {
        emit(&format!("{USAGE}\n"));
        return ExitCode::SUCCESS;
    }
    #[cfg(not(feature = "render"))]
    if args.out.is_some() {
        eprintln!(
            "error: --out writes charts and reports, which need the `render` feature; run\n  \
             cargo run --features render --example assessment_flow -- --out DIR\n\
             (or with --all-features)"
        );
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(output) => {
            emit(&output);
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes to standard output; a reader that goes away early (`| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Reads the options; each takes its value as the next argument or after `=`.
fn parse_args(raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args::default();
    let mut raw = raw.peekable();
    while let Some(arg) = raw.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let flag = |value: Option<String>| match value {
            Some(_) => Err(format!("{name} takes no value")),
            None => Ok(true),
        };
        match name.as_str() {
            "-h" | "--help" => args.help = flag(inline)?,
            "--json" => args.json = flag(inline)?,
            "--out" | "--instrument" | "--round" | "--earlier" | "--canvas" | "--signals"
            | "--study" => {
                let what = if name == "--out" {
                    "a directory, such as `--out report`"
                } else {
                    "a file"
                };
                let value = match inline {
                    Some(value) => value,
                    None => raw
                        .next_if(|next| !next.starts_with("--"))
                        .unwrap_or_default(),
                };
                if value.is_empty() {
                    return Err(format!("{name} needs {what}"));
                }
                let value = Some(PathBuf::from(value));
                match name.as_str() {
                    "--out" => args.out = value,
                    "--instrument" => args.instrument = value,
                    "--round" => args.round = value,
                    "--earlier" => args.earlier = value,
                    "--canvas" => args.canvas = value,
                    "--study" => args.study = value,
                    _ => args.signals = value,
                }
            }
            other if other.starts_with('-') => return Err(format!("unknown option `{other}`")),
            other => {
                return Err(format!(
                    "unexpected argument `{other}`: documents are given with an option, such as `--round {other}`"
                ));
            }
        }
    }
    Ok(args)
}

/// The file of a sample document in `examples/data/`.
fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(name)
}

/// The path as the user gave it, or a sample's relative to the crate.
fn shown(path: &Path) -> String {
    let samples = sample("");
    match path.strip_prefix(env!("CARGO_MANIFEST_DIR")) {
        Ok(relative) if path.starts_with(&samples) => relative.display().to_string(),
        _ => path.display().to_string(),
    }
}

/// An instrument and the round answered with it do not name the same one.
fn mismatch(instrument: &Instrument, round: &Round) -> bool {
    round.instrument.id != instrument.id || round.instrument.version != instrument.version
}

fn run(args: &Args) -> Result<String, String> {
    // The sample's documents belong together: they complete the story only
    // when the round is the sample's too.
    let samples = args.round.is_none();
    let or_sample = |given: &Option<PathBuf>, name: &str| {
        given.clone().or_else(|| samples.then(|| sample(name)))
    };
    let round_path = or_sample(&args.round, "team_round_2026.toml").unwrap_or_default();
    let earlier_path = or_sample(&args.earlier, "team_round_2025.toml");
    let canvas_path = or_sample(&args.canvas, "harbour_bank_canvas.toml");
    let signals_path = or_sample(&args.signals, "harbour_bank_culture.toml");
    let study_path = or_sample(&args.study, "harbour_bank_value_study.json");

    let instrument = match &args.instrument {
        Some(path) => load::<Instrument>(path)?,
        None => Instrument::customer_strategy_maturity().map_err(|e| e.to_string())?,
    };
    let round: Round = load(&round_path)?;
    let earlier: Option<Round> = earlier_path.as_deref().map(load).transpose()?;
    let canvas: Option<Canvas> = canvas_path.as_deref().map(load).transpose()?;
    let signals: Option<CultureSignals> = signals_path.as_deref().map(load).transpose()?;
    let study: Option<ValueStudy> = study_path.as_deref().map(load).transpose()?;
    let inputs = Inputs {
        instrument: args
            .instrument
            .as_deref()
            .map_or_else(|| "built-in".to_owned(), shown),
        round: shown(&round_path),
        earlier: earlier_path.as_deref().map(shown),
        canvas: canvas_path.as_deref().map(shown),
        signals: signals_path.as_deref().map(shown),
        study: study_path.as_deref().map(shown),
    };

    // Check the answers before trusting the scores.
    let checks = RuleSet::<Assessment>::builder()
        .rules(rules::responses())
        .build()
        .map_err(|e| e.to_string())?;
    let assessment = Assessment {
        instrument: instrument.clone(),
        round: round.clone(),
    };
    let report = checks.validate(&assessment, Profile::Final);

    let options = ScoringOptions::default();
    let scorer = Scorer::new(&instrument).map_err(|e| match &args.instrument {
        Some(path) => format!("{}: cannot score with this instrument: {e}", path.display()),
        None => e.to_string(),
    })?;
    let result = scorer.score_round(&round, &options);
    let before = earlier.as_ref().map(|r| scorer.score_round(r, &options));
    let trend = before.as_ref().map(|b| Trend::between(b, &result));

    // The whole organization: the canvas, the culture signals and the answers.
    let organization = OrganizationReview {
        canvas,
        signals,
        assessment: Some(assessment),
        value: study.clone(),
    };
    let review = organization
        .assess(&ReviewOptions::default())
        .map_err(|e| e.to_string())?;
    let review_rules = RuleSet::<OrganizationReview>::builder()
        .rules(rules::culture())
        .rules(rules::review())
        .build()
        .map_err(|e| e.to_string())?;
    let review_checks = review_rules.validate(&organization, Profile::Final);

    let flow = Flow {
        inputs,
        instrument: instrument.name.clone(),
        instrument_version: instrument.version.clone(),
        options: Options {
            min_group_size: options.min_group_size(),
            gap_threshold: options.gap_threshold(),
        },
        result,
        earlier: before,
        trend,
        checks: report,
        review,
        review_checks,
        value: study
            .as_ref()
            .map(|study| analyse(study, &AnalysisOptions::default())),
    };
    #[cfg(feature = "render")]
    if let Some(dir) = &args.out {
        write_reports(dir, &flow, &organization, study.as_ref())?;
    }
    if args.json {
        serde_json::to_string_pretty(&flow)
            .map(|mut text| {
                text.push('\n');
                text
            })
            .map_err(|e| e.to_string())
    } else {
        let notes = Notes {
            instrument: &instrument,
            instrument_mismatch: mismatch(&instrument, &round),
            earlier_mismatch: earlier.as_ref().is_some_and(|e| mismatch(&instrument, e)),
            round: &round,
            earlier: earlier.as_ref(),
            has_canvas: organization.canvas.is_some(),
            has_signals: organization.signals.is_some(),
            study: study.as_ref(),
            canvas: organization.canvas.as_ref(),
        };
        Ok(story(&flow, &notes).unwrap_or_default())
    }
}

/// What the story says about the documents themselves: an instrument that is
/// not the one the rounds name, and documents not given.
struct Notes<'a> {
    instrument: &'a Instrument,
    instrument_mismatch: bool,
    earlier_mismatch: bool,
    round: &'a Round,
    earlier: Option<&'a Round>,
    has_canvas: bool,
    has_signals: bool,
    study: Option<&'a ValueStudy>,
    canvas: Option<&'a Canvas>,
}

/// Writes the charts and the review for the leadership team into `dir`.
#[cfg(feature = "render")]
fn write_reports(
    dir: &Path,
    flow: &Flow,
    organization: &OrganizationReview,
    study: Option<&ValueStudy>,
) -> Result<(), String> {
    use customer_strategy::render::{
        ReviewReport, gap_chart, head_to_head_chart, html_report, markdown_report, radar_chart,
        value_map_chart,
    };

    let canvas_rules = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .map_err(|e| e.to_string())?;
    let canvas_checks = organization
        .canvas
        .as_ref()
        .map(|canvas| canvas_rules.validate(canvas, Profile::Final));
    let name = organization
        .canvas
        .as_ref()
        .map(|c| c.metadata.organization.as_str())
        .or(organization
            .signals
            .as_ref()
            .map(|s| s.organization.as_str()))
        .filter(|name| !name.trim().is_empty())
        .unwrap_or("the organization");
    let mut report = ReviewReport::new(name, &flow.result, &flow.review, &flow.review_checks)
        .with_chart_files("radar.svg", "gaps.svg");
    if let Some(earlier) = &flow.earlier {
        report = report.with_earlier(earlier);
    }
    if let Some(trend) = &flow.trend {
        report = report.with_trend(trend);
    }
    if let Some(canvas) = &organization.canvas {
        report = report.with_canvas(canvas);
    }
    if let Some(checks) = &canvas_checks {
        report = report.with_canvas_checks(checks);
    }
    let value = study.zip(flow.value.as_ref());
    if let Some((study, result)) = value {
        report = report
            .with_value(study, result)
            .with_value_chart_files("value_map.svg", "head_to_head.svg");
    }

    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut files = vec![
        (
            "radar.svg",
            radar_chart(&flow.result, flow.earlier.as_ref()),
        ),
        ("gaps.svg", gap_chart(&flow.result)),
    ];
    if let Some((study, result)) = value {
        files.push(("value_map.svg", value_map_chart(result, study)));
        files.push(("head_to_head.svg", head_to_head_chart(result, study)));
    }
    files.push(("report.md", markdown_report(&report)));
    files.push(("report.html", html_report(&report)));
    for (file, content) in files {
        let path = dir.join(file);
        std::fs::write(&path, content)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        // On standard error, so `--json --out DIR` still prints pure JSON.
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Reads and loads a document, JSON or TOML by the file's extension. A file
/// over the loaders' size limit is refused before it is read.
fn load<D: Document>(path: &Path) -> Result<D, String> {
    let name = shown(path);
    let toml = match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => true,
        Some("json") => false,
        _ => {
            return Err(format!(
                "cannot tell the format of {name}: use a .json or .toml file"
            ));
        }
    };
    let text = read(path, &name)?;
    let loaded = if toml {
        D::from_toml(&text)
    } else {
        D::from_json(&text)
    };
    loaded.map_err(|e| format!("{name}: {e}"))
}

/// Reads a file of at most [`LoadOptions::DEFAULT_MAX_BYTES`], stopping one
/// byte past the limit where the size is not known beforehand (a pipe).
fn read(path: &Path, name: &str) -> Result<String, String> {
    let limit = LoadOptions::DEFAULT_MAX_BYTES;
    let limit64 = u64::try_from(limit).unwrap_or(u64::MAX);
    let too_large = || format!("{name}: the file is over the limit of {limit} bytes");
    let cannot = |e: std::io::Error| format!("cannot read {name}: {e}");
    let file = File::open(path).map_err(cannot)?;
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > limit64)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit64.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > limit {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| format!("cannot read {name}: not UTF-8 text"))
}

fn score(value: Option<customer_strategy::Score>) -> String {
    value.map_or_else(|| "-".to_owned(), |s| format!("{s}"))
}

/// The result as a story a leadership team reads in a minute.
fn story(flow: &Flow, notes: &Notes<'_>) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    let r = &flow.result;
    writeln!(
        out,
        "{} - {} ({} respondents)\n",
        flow.instrument, r.round, r.respondents
    )?;
    let hint = if flow.inputs.instrument == "built-in" {
        " (the built-in one; give the round's own with --instrument FILE)"
    } else {
        ""
    };
    if notes.instrument_mismatch {
        write!(
            out,
            "Note: \"{}\" was answered with instrument `{}` version {}, but is scored with\n  \
             `{}` version {}{hint}",
            notes.round.name,
            notes.round.instrument.id,
            notes.round.instrument.version,
            notes.instrument.id,
            notes.instrument.version,
        )?;
        match r.answers.unknown_item {
            0 => writeln!(out, ".\n")?,
            n => writeln!(
                out,
                ":\n  {n} answer(s) name items this instrument does not have and are left out of the scores.\n"
            )?,
        }
    }
    if let Some(earlier) = notes.earlier.filter(|_| notes.earlier_mismatch) {
        writeln!(
            out,
            "Note: the earlier round \"{}\" was answered with instrument `{}` version {}:\n  \
             it is compared on the dimensions and items it shares with this one.\n",
            earlier.name, earlier.instrument.id, earlier.instrument.version,
        )?;
    }

    writeln!(out, "In short: {}\n", headline(flow))?;

    // 1. Where we stand.
    match &r.level {
        Some(level) => writeln!(
            out,
            "Maturity level {} of 5: {} (overall score {} of 100)",
            level.number,
            level.name,
            score(r.overall)
        )?,
        None => writeln!(out, "No maturity level: no answers on the scale")?,
    }
    if let Some(cap) = &r.weakest_link {
        let name = r
            .dimension(cap.dimension.as_str())
            .map_or(cap.dimension.as_str(), |d| d.name.as_str());
        writeln!(
            out,
            "  The score alone would give level {} ({}), but the weakest dimension,\n  \
             {name}, is at level {}: the overall level may be at most {} above it.",
            cap.uncapped.number,
            cap.uncapped.name,
            cap.dimension_level.number,
            cap.max_levels_above
        )?;
    }

    // 2. Per dimension.
    writeln!(out, "\nScores by dimension (0 to 100)")?;
    writeln!(
        out,
        "  {:<46} {:>6} {:>7} {:>5} {:>3}  level",
        "dimension", "mean", "median", "sd", "n"
    )?;
    for d in &r.dimensions {
        match d.stats {
            Some(s) => writeln!(
                out,
                "  {:<46} {:>6} {:>7} {:>5.1} {:>3}  {}",
                d.name,
                s.mean.to_string(),
                s.median.to_string(),
                s.sd,
                s.n,
                d.level
                    .as_ref()
                    .map_or_else(String::new, |l| format!("{} {}", l.number, l.name))
            )?,
            None => writeln!(out, "  {:<46} {:>6}", d.name, "-")?,
        }
    }

    // 3. Boardroom to back office.
    let shown: Vec<_> = r.levels.iter().filter(|l| l.reported).collect();
    writeln!(out, "\nFrom boardroom to back office (mean by level)")?;
    write!(out, "  {:<46}", "dimension")?;
    for level in &shown {
        write!(out, " {:>10}", level.level.title())?;
    }
    writeln!(out, " {:>6}", "gap")?;
    for (i, d) in r.dimensions.iter().enumerate() {
        write!(out, "  {:<46}", d.name)?;
        for level in &shown {
            let mean = level.dimensions.get(i).copied().flatten().map(|s| s.mean);
            write!(out, " {:>10}", score(mean))?;
        }
        match &d.gap {
            Some(gap) => writeln!(
                out,
                " {:>6.1}{}",
                gap.points,
                if gap.flagged { " !" } else { "" }
            )?,
            None => writeln!(out, " {:>6}", "-")?,
        }
    }
    writeln!(
        out,
        "  ! the levels see this dimension more than {} points apart",
        flow.options.gap_threshold
    )?;
    for level in r.levels.iter().filter(|l| !l.reported) {
        writeln!(
            out,
            "  {} ({} respondent(s)) not shown: fewer than {} answered, so no one's answers are exposed",
            level.level.title(),
            level.respondents,
            flow.options.min_group_size
        )?;
    }
    if let Some(widest) = r
        .dimensions
        .iter()
        .filter_map(|d| d.gap.as_ref().map(|g| (d, g)))
        .max_by(|a, b| a.1.points.total_cmp(&b.1.points))
    {
        writeln!(
            out,
            "  Widest gap: {}, where {} rate it {:.1} points above {}.",
            widest.0.name,
            level_phrase(widest.1.highest),
            widest.1.points,
            level_phrase(widest.1.lowest)
        )?;
    }

    // 4. What to do next.
    writeln!(out, "\nWeakest areas and next steps")?;
    for (i, steps) in r.next_steps.iter().enumerate() {
        let mean = r
            .dimension(steps.dimension.as_str())
            .and_then(|d| d.stats)
            .map(|s| s.mean);
        writeln!(
            out,
            "  {}. {} (level {} {}, score {})",
            i + 1,
            steps.name,
            steps.level.number,
            steps.level.name,
            score(mean)
        )?;
        for step in &steps.steps {
            writeln!(out, "     - {step}")?;
        }
    }

    // 5. Since the last round.
    match &flow.trend {
        Some(trend) => since(&mut out, trend)?,
        None => writeln!(
            out,
            "\nSince the last round\n  No earlier round to compare with: give one with --earlier FILE."
        )?,
    }

    // 6. What in the culture blocks the strategy.
    culture(&mut out, flow, notes)?;

    // 7. What customers get from us against the competitors.
    if let (Some(study), Some(value)) = (notes.study, &flow.value) {
        customer_value(&mut out, study, value, notes.canvas)?;
    }

    // 8. Are the answers sound?
    let counts = flow.checks.counts();
    writeln!(
        out,
        "\nChecks of the answers: {} error(s), {} warning(s), {} info",
        counts.error, counts.warning, counts.info
    )?;
    for finding in flow.checks.findings() {
        writeln!(out, "  {finding}")?;
    }
    writeln!(out, "\nRun with --json for every number.")?;
    Ok(out)
}

/// The value paragraph: the CVA overall and against each competitor, and the
/// attribute where value is lost most, with what it speaks to in the canvas.
fn customer_value(
    out: &mut String,
    study: &ValueStudy,
    value: &StudyResult,
    canvas: Option<&Canvas>,
) -> std::fmt::Result {
    let ours = &study.our_offer.name;
    writeln!(
        out,
        "\nCustomer value ({}: {} customers)",
        study.name,
        study.responses.len()
    )?;
    let against: Vec<String> = value
        .head_to_head
        .iter()
        .map(|c| {
            format!(
                "against {} {}",
                c.name,
                c.scores
                    .cva
                    .map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
            )
        })
        .collect();
    let against = if against.is_empty() {
        String::new()
    } else {
        format!("\n  ({})", against.join(", "))
    };
    match value.cva() {
        Some(cva) => {
            let verdict = if cva > 1.0 {
                format!("customers get more value from {ours} than from the competitors")
            } else if cva < 1.0 {
                format!("customers get less value from {ours} than from the competitors")
            } else {
                format!("customers get as much value from {ours} as from the competitors")
            };
            writeln!(out, "  Customer Value Added {cva:.2}: {verdict}{against}.")?;
        }
        None => writeln!(
            out,
            "  Customer Value Added withheld: too few ratings to compare{against}."
        )?,
    }
    match value.where_to_act.first().filter(|p| p.loss > 0.0) {
        Some(point) => {
            let link = point
                .speaks_to
                .map(|link| format!(", which speaks to {}", link_name(canvas, link)))
                .unwrap_or_default();
            writeln!(
                out,
                "  Value is lost most on \"{}\" (ratio {:.2} to the competitors,\n  {:.1} points of the CVA){link}.",
                point.name,
                point.ratio,
                point.loss * 100.0
            )?;
        }
        None => writeln!(out, "  No attribute loses value against the competitors.")?,
    }
    Ok(())
}

/// The canvas element an attribute speaks to, by name where the canvas has it.
fn link_name(canvas: Option<&Canvas>, link: CanvasLink) -> String {
    let named = canvas.and_then(|canvas| match link {
        CanvasLink::ValueElement(id) => canvas
            .proposition
            .customer_value
            .elements
            .iter()
            .find(|e| e.id == id)
            .map(|e| format!("\"{}\"", e.name)),
        CanvasLink::Need(id) => canvas
            .context
            .customer
            .segments
            .iter()
            .flat_map(|s| &s.needs)
            .find(|n| n.id == id)
            .map(|n| format!("the need \"{}\"", n.description)),
        _ => None,
    });
    named.unwrap_or_else(|| link.to_string())
}

/// How the organization moved since the earlier round.
fn since(out: &mut String, t: &Trend) -> std::fmt::Result {
    writeln!(out, "\nSince {}", t.from)?;
    if let Some(change) = t.overall {
        write!(
            out,
            "  Overall {} -> {} ({:+.1})",
            change.before, change.after, change.change
        )?;
    }
    match (&t.level_before, &t.level_after) {
        (Some(b), Some(a)) if b.number != a.number => {
            writeln!(
                out,
                "; level {} {} -> {} {}",
                b.number, b.name, a.number, a.name
            )?;
        }
        (_, Some(a)) => writeln!(out, "; still level {} {}", a.number, a.name)?,
        _ => writeln!(out)?,
    }
    for d in &t.dimensions {
        if let Some(change) = d.change {
            writeln!(
                out,
                "  {:<46} {:>5} -> {:>5}  {:+.1}",
                d.name,
                change.before.to_string(),
                change.after.to_string(),
                change.change
            )?;
        }
    }
    Ok(())
}

/// The culture section: the level after blockers, each blocker at work with its
/// evidence and the promoters that answer it, and the promoters in place.
fn culture(out: &mut String, flow: &Flow, notes: &Notes<'_>) -> std::fmt::Result {
    let review = &flow.review;
    writeln!(out, "\nWhat in the culture blocks the strategy")?;
    match (notes.has_signals, notes.has_canvas) {
        (true, true) => {}
        (false, true) => writeln!(
            out,
            "  No culture signals given (--signals FILE): the blockers are judged from the answers alone."
        )?,
        (true, false) => writeln!(
            out,
            "  No canvas given (--canvas FILE): what the strategy says is not held against the culture."
        )?,
        (false, false) => writeln!(
            out,
            "  No culture signals or canvas given (--signals FILE, --canvas FILE): the blockers are\n  \
             judged from the answers alone."
        )?,
    }
    match (&review.blocker_cap, &review.level) {
        (Some(cap), _) => {
            let total: f64 = cap.weights.iter().sum();
            writeln!(
                out,
                "  The cap: {} blocker(s) at work weigh {total:.2} in all (each its margin past its line,\n  \
                 half when the sources disagree; borderline ones weigh nothing). {} level(s) per unit of\n  \
                 weight, rounded up and at most {}, take {} level(s) off the highest: the cap is level {}.",
                cap.blockers.len(),
                cap.levels_per_blocker,
                cap.max_cap_levels,
                cap.levels_taken,
                cap.cap
            )?;
            if cap.binds() {
                writeln!(
                    out,
                    "  The answers give level {} ({}), so the level is capped at {} ({}).",
                    cap.uncapped.number, cap.uncapped.name, cap.capped.number, cap.capped.name
                )?;
            } else {
                writeln!(
                    out,
                    "  The answers give level {} ({}), under the cap: the level stands.",
                    cap.uncapped.number, cap.uncapped.name
                )?;
            }
        }
        (None, Some(level)) => writeln!(
            out,
            "  No blocker is clearly at work: the level stays {} ({}).",
            level.number, level.name
        )?,
        (None, None) => {}
    }
    for judgement in review.present() {
        writeln!(
            out,
            "  Blocker: {} (margin {:.2}{})",
            judgement.blocker.title(),
            judgement.margin,
            if judgement.contested {
                ", contested: the signals and the answers disagree"
            } else {
                ""
            }
        )?;
        for evidence in judgement.evidence.iter() {
            let margin = evidence
                .margin
                .filter(|_| evidence.tripped)
                .map_or_else(String::new, |m| format!(", margin {m:.2}"));
            writeln!(
                out,
                "     {}: {}: {} (a customer culture shows {}{margin})",
                if evidence.tripped {
                    "evidence"
                } else {
                    "against"
                },
                evidence.subject,
                evidence.observed,
                evidence.expected
            )?;
        }
        let promoters: Vec<&str> = judgement.promoters.iter().map(|p| p.title()).collect();
        writeln!(out, "     answer it with: {}", promoters.join("; "))?;
    }
    let borderline: Vec<String> = review
        .blockers
        .iter()
        .filter(|j| j.verdict == Verdict::Borderline)
        .map(|j| format!("{} (margin {:.2})", j.blocker.title(), j.margin))
        .collect();
    if !borderline.is_empty() {
        writeln!(
            out,
            "  Borderline (past the line by less than the tolerance; no cap): {}",
            borderline.join("; ")
        )?;
    }
    let unknown: Vec<&str> = review
        .blockers
        .iter()
        .filter(|j| j.verdict == Verdict::Unknown)
        .map(|j| j.blocker.title())
        .collect();
    if !unknown.is_empty() {
        writeln!(
            out,
            "  Could not be judged (no evidence): {}",
            unknown.join("; ")
        )?;
    }
    let clear: Vec<&str> = review
        .blockers
        .iter()
        .filter(|j| j.verdict == Verdict::Absent)
        .map(|j| j.blocker.title())
        .collect();
    if !clear.is_empty() {
        writeln!(out, "  No sign of: {}", clear.join("; "))?;
    }
    if !review.promoters.is_empty() {
        writeln!(out, "  Promoters already in place:")?;
        for promoter in &review.promoters {
            writeln!(
                out,
                "   - {} ({}: {})",
                promoter.promoter.title(),
                promoter.evidence.subject,
                promoter.evidence.observed
            )?;
        }
    }
    let others: Vec<_> = flow
        .review_checks
        .findings()
        .iter()
        .filter(|f| !f.code.starts_with("CULTURE-") && f.code != "REVIEW-CAP-001")
        .collect();
    if !others.is_empty() {
        writeln!(
            out,
            "  Strategy, culture and answers held against each other:"
        )?;
        for finding in others {
            writeln!(out, "   - {}", finding.message)?;
        }
    }
    Ok(())
}

/// One sentence: the level and its move, the widest gap, where to focus.
fn headline(flow: &Flow) -> String {
    let r = &flow.result;
    let mut parts = Vec::new();
    if let Some(level) = &r.level {
        let moved = match flow.trend.as_ref().and_then(|t| t.level_change) {
            Some(change) if change > 0 => {
                format!(", up from level {}", level.number as i16 - change)
            }
            Some(change) if change < 0 => {
                format!(", down from level {}", level.number as i16 - change)
            }
            Some(_) => ", unchanged since the last round".to_owned(),
            None => String::new(),
        };
        parts.push(format!("level {} ({}){moved}", level.number, level.name));
    }
    if let Some(cap) = flow.review.blocker_cap.as_ref().filter(|c| c.binds()) {
        parts.push(format!(
            "{} culture blocker(s) cap it at level {} ({})",
            cap.blockers.len(),
            cap.capped.number,
            cap.capped.name
        ));
    }
    if let Some((dimension, gap)) = r
        .dimensions
        .iter()
        .filter_map(|d| d.gap.as_ref().filter(|g| g.flagged).map(|g| (d, g)))
        .max_by(|a, b| a.1.points.total_cmp(&b.1.points))
    {
        parts.push(format!(
            "{} and {} are {:.0} points apart on \"{}\"",
            level_phrase(gap.highest),
            level_phrase(gap.lowest),
            gap.points,
            dimension.name
        ));
    }
    let focus: Vec<String> = r
        .next_steps
        .iter()
        .map(|s| format!("\"{}\"", s.name))
        .collect();
    if !focus.is_empty() {
        parts.push(format!("focus next on {}", focus.join(" and ")));
    }
    let mut sentence = parts.join("; ");
    if let Some(first) = sentence.get(..1) {
        sentence = first.to_uppercase() + sentence.get(1..).unwrap_or("");
    }
    sentence.push('.');
    sentence
}

fn level_phrase(level: OrgLevel) -> &'static str {
    match level {
        OrgLevel::Board => "the board",
        OrgLevel::Executive => "the executives",
        OrgLevel::Manager => "the managers",
        OrgLevel::FrontLine => "the front line",
        _ => "the others",
    }
}
