//! Customer value: what Harbour Bank's mortgage customers get from it compared
//! with its competitors. Prints the CVA, the attribute table, the positions on
//! the customer value map and where to act.
//!
//! ```text
//! cargo run --example customer_value [-- --study STUDY] [--canvas CANVAS] [--min-ratings N] [--json]
//! cargo run --example customer_value --features render -- --out DIR  # value_map.svg and head_to_head.svg
//! ```
//!
//! Without `--study` the sample study (`examples/data/harbour_bank_value_study.json`)
//! is analysed, and its links are named from the sample canvas. STUDY and
//! CANVAS may be JSON or TOML, told apart by their extension. `--json` prints
//! every number of the analysis. `--out DIR` (with the `render` feature) also
//! writes the customer value map and the head-to-head chart into DIR, as
//! `value_map.svg` and `head_to_head.svg`. Exit status: 0, or 2 when an input cannot be
//! read or loaded or the arguments are wrong.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use customer_strategy::{
    AnalysisOptions, Canvas, CanvasLink, Document, LoadOptions, StudyResult, ValueStudy, analyse,
};

const USAGE: &str = "usage: customer_value [--study STUDY] [--canvas CANVAS] [--min-ratings N] [--json] [--out DIR]";
const SAMPLE_STUDY: &str = "examples/data/harbour_bank_value_study.json";
const SAMPLE_CANVAS: &str = "examples/data/harbour_bank_canvas.toml";

/// Prints a line; a reader that goes away early (`| head`) is not an error.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

#[derive(Default)]
struct Args {
    study: Option<PathBuf>,
    canvas: Option<PathBuf>,
    min_ratings: Option<u32>,
    json: bool,
    out: Option<PathBuf>,
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

fn parse_args(mut raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut args = Args::default();
    while let Some(arg) = raw.next() {
        let mut value = |name: &str| {
            raw.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--study" => args.study = Some(PathBuf::from(value("--study")?)),
            "--canvas" => args.canvas = Some(PathBuf::from(value("--canvas")?)),
            "--min-ratings" => {
                let text = value("--min-ratings")?;
                args.min_ratings = Some(text.parse().map_err(|_| {
                    format!("--min-ratings takes a whole number, not `{text}`\n{USAGE}")
                })?);
            }
            "--json" => args.json = true,
            "--out" => args.out = Some(PathBuf::from(value("--out")?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(args)
}

/// Reads and loads a document, refusing a file over the loaders' size limit
/// before reading it.
fn load<D: Document>(path: &Path) -> Result<D, String> {
    let shown = path.display();
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot read {shown}: {e}"))?
        .len();
    let limit = LoadOptions::DEFAULT_MAX_BYTES;
    if usize::try_from(size).map_or(true, |size| size > limit) {
        return Err(format!(
            "cannot read {shown}: the file is {size} bytes, over the limit of {limit} bytes"
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let loaded = match path.extension().and_then(|e| e.to_str()) {
        Some("json") => D::from_json(&text),
        Some("toml") => D::from_toml(&text),
        _ => return Err(format!("{shown}: give a .json or .toml file")),
    };
    loaded.map_err(|e| format!("{shown}: {e}"))
}

fn run() -> Result<(), String> {
    let args = parse_args(std::env::args().skip(1))?;
    let (study_path, canvas_path) = match &args.study {
        Some(study) => (study.clone(), args.canvas.clone()),
        None => (
            PathBuf::from(SAMPLE_STUDY),
            Some(args.canvas.clone().unwrap_or_else(|| SAMPLE_CANVAS.into())),
        ),
    };
    let study = load::<ValueStudy>(&study_path)?;
    let canvas = canvas_path.as_deref().map(load::<Canvas>).transpose()?;
    let mut options = AnalysisOptions::default();
    if let Some(min) = args.min_ratings {
        options = options.with_min_ratings(min);
    }
    let result = analyse(&study, &options);
    if let Some(dir) = &args.out {
        write_charts(dir, &study, &result)?;
    }
    if args.json {
        let json = serde_json::json!({
            "study": study.name,
            "file": study_path.display().to_string(),
            "cva": result.cva(),
            "analysis": result,
        });
        say!(
            "{}",
            serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?
        );
    } else {
        print_story(&study, &study_path, canvas.as_ref(), &result);
    }
    Ok(())
}

/// Writes the value map and the head-to-head chart into `dir`.
#[cfg(feature = "render")]
fn write_charts(dir: &Path, study: &ValueStudy, result: &StudyResult) -> Result<(), String> {
    use customer_strategy::render::{head_to_head_chart, value_map_chart};

    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (file, content) in [
        ("value_map.svg", value_map_chart(result, study)),
        ("head_to_head.svg", head_to_head_chart(result, study)),
    ] {
        let path = dir.join(file);
        std::fs::write(&path, content)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        // On standard error, so `--json --out DIR` still prints pure JSON.
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Without the `render` feature there are no charts to write.
#[cfg(not(feature = "render"))]
fn write_charts(_dir: &Path, _study: &ValueStudy, _result: &StudyResult) -> Result<(), String> {
    Err(
        "--out writes charts, which need the `render` feature; run\n  \
         cargo run --features render --example customer_value -- --out DIR"
            .to_owned(),
    )
}

/// A ratio to two decimals, or a dash where it is withheld.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

fn print_story(study: &ValueStudy, path: &Path, canvas: Option<&Canvas>, result: &StudyResult) {
    let ours = &study.our_offer.name;
    say!("{} ({})", study.name, path.display());
    say!(
        "{}; {} customers, as of {}; quality counts {:.0}%, price {:.0}%",
        study.market,
        study.responses.len(),
        study.as_of,
        (1.0 - result.price_weight) * 100.0,
        result.price_weight * 100.0
    );
    say!();
    match result.cva() {
        Some(cva) => {
            let verdict = if cva > 1.0 {
                format!("customers get more value from {ours} than from the competitors")
            } else if cva < 1.0 {
                format!("customers get less value from {ours} than from the competitors")
            } else {
                "customers get as much value from us as from the competitors".to_owned()
            };
            say!(
                "Customer Value Added: {cva:.2} ({:.0} as an index): {verdict}",
                cva * 100.0
            );
        }
        None => say!("Customer Value Added: withheld (too few ratings, see below)"),
    }
    for competitor in &result.head_to_head {
        say!(
            "  against {}: {}",
            competitor.name,
            figure(competitor.scores.cva)
        );
    }
    say!(
        "Market-perceived quality {}, price score {}, relative perceived price {}",
        figure(result.overall.quality),
        figure(result.overall.price),
        figure(result.overall.relative_price)
    );
    say!();
    say!(
        "{:<40} {:<8} {:>7} {:>8} {:>12} {:>6}",
        "Attribute",
        "kind",
        "weight",
        "ours",
        "competitors",
        "ratio"
    );
    for attribute in &result.attributes {
        let mean = attribute.offers.first().and_then(|o| o.mean);
        say!(
            "{:<40} {:<8} {:>6.1}% {:>8} {:>12} {:>6}",
            attribute.name,
            attribute.kind.as_str(),
            attribute.worth_weight * 100.0,
            figure(mean),
            figure(attribute.competitors_mean),
            figure(attribute.ratio)
        );
    }
    say!();
    say!("Customer value map (relative perceived price across, relative perceived quality up;");
    say!("the fair-value line is the diagonal, where quality is what the price asks for):");
    for position in &result.value_map {
        let mark = if position.ours { " (ours)" } else { "" };
        let side = match position.distance {
            Some(d) if d > 0.0 => format!("{d:.2} above the line: better value"),
            Some(d) if d < 0.0 => format!("{:.2} below the line: worse value", -d),
            Some(_) => "on the line: fair value".to_owned(),
            None => "withheld".to_owned(),
        };
        say!(
            "  {:<32} price {:>5}  quality {:>5}  {side}",
            format!("{}{mark}", position.name),
            figure(position.relative_price),
            figure(position.relative_quality)
        );
    }
    say!();
    say!("Where to act (worth lost = weight x (1 - ratio); negative is worth won):");
    let names = canvas.map(link_names).unwrap_or_default();
    for (rank, point) in result.where_to_act.iter().enumerate() {
        let link = point.speaks_to.map(|link| {
            let name = names
                .get(&link)
                .cloned()
                .unwrap_or_else(|| link.to_string());
            format!(", speaks to {name}")
        });
        say!(
            "  {}. {} (ratio {:.2}): {:+.3}{}",
            rank + 1,
            point.name,
            point.ratio,
            point.loss,
            link.unwrap_or_default()
        );
    }
    if result.withheld.is_empty() {
        say!();
        say!(
            "Every mean has at least {} ratings: no ratio is withheld.",
            result.min_ratings
        );
    } else {
        say!();
        say!("Withheld (fewer than {} ratings):", result.min_ratings);
        for cell in &result.withheld {
            say!(
                "  {} on {}: {} ratings",
                cell.offer,
                cell.attribute,
                cell.count
            );
        }
    }
}

/// The names of the canvas elements an attribute may speak to.
fn link_names(canvas: &Canvas) -> HashMap<CanvasLink, String> {
    let mut names = HashMap::new();
    for element in &canvas.proposition.customer_value.elements {
        names.insert(
            CanvasLink::ValueElement(element.id),
            format!("\"{}\"", element.name),
        );
    }
    for segment in &canvas.context.customer.segments {
        for need in &segment.needs {
            names.insert(
                CanvasLink::Need(need.id),
                format!("the need \"{}\"", need.description),
            );
        }
    }
    names
}
