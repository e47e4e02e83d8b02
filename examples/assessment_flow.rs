//! The assessment flow most products show first: a team has answered the
//! built-in customer strategy maturity questionnaire; where does the
//! organization stand, how far apart are its boardroom and back office, what
//! should it do next, how has it moved since the last round, and what in its
//! culture blocks the strategy (from its culture signals and its canvas)?
//!
//! ```text
//! cargo run --example assessment_flow            # the story, as text
//! cargo run --example assessment_flow -- --json  # every number, as JSON
//! cargo run --features render --example assessment_flow -- --out report
//! ```
//!
//! `--out DIR` (with the `render` feature) also writes the charts and the
//! review for the leadership team into DIR: `radar.svg`, `gaps.svg`,
//! `report.md` and `report.html`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use customer_strategy::validate::{Profile, Report, RuleSet};
use customer_strategy::{
    Assessment, Canvas, CultureSignals, Document, Instrument, OrgLevel, OrganizationReview,
    ReviewOptions, ReviewResult, Round, RoundResult, Scorer, ScoringOptions, Trend, Verdict, rules,
};
use serde::Serialize;

/// Everything the flow computes, as `--json` prints it.
#[derive(Serialize)]
struct Flow {
    instrument: String,
    instrument_version: String,
    options: Options,
    result: RoundResult,
    earlier: RoundResult,
    trend: Trend,
    checks: Report,
    review: ReviewResult,
    review_checks: Report,
}

#[derive(Serialize)]
struct Options {
    min_group_size: usize,
    gap_threshold: f64,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let out = match out_dir(&args) {
        Ok(out) => out,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    #[cfg(not(feature = "render"))]
    if out.is_some() {
        eprintln!(
            "error: --out writes charts and reports, which need the `render` feature; run\n  \
             cargo run --features render --example assessment_flow -- --out DIR\n\
             (or with --all-features)"
        );
        return ExitCode::from(2);
    }
    match run(json, out.as_deref()) {
        Ok(output) => {
            use std::io::Write as _;
            // A reader that goes away early (`| head`) is not an error.
            let _ = std::io::stdout().lock().write_all(output.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The directory of `--out DIR` (or `--out=DIR`), if given.
fn out_dir(args: &[String]) -> Result<Option<PathBuf>, String> {
    let mut out = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let dir = if arg == "--out" {
            args.next()
                .ok_or("--out needs a directory, such as `--out report`")?
        } else if let Some(dir) = arg.strip_prefix("--out=") {
            dir
        } else {
            continue;
        };
        if dir.is_empty() || dir.starts_with("--") {
            return Err("--out needs a directory, such as `--out report`".to_owned());
        }
        out = Some(PathBuf::from(dir));
    }
    Ok(out)
}

fn run(json: bool, out: Option<&Path>) -> Result<String, String> {
    let instrument = Instrument::customer_strategy_maturity().map_err(|e| e.to_string())?;
    let round: Round = load("team_round_2026.toml")?;
    let earlier: Round = load("team_round_2025.toml")?;
    let canvas: Canvas = load("harbour_bank_canvas.toml")?;
    let signals: CultureSignals = load("harbour_bank_culture.toml")?;

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
    let scorer = Scorer::new(&instrument).map_err(|e| e.to_string())?;
    let result = scorer.score_round(&round, &options);
    let before = scorer.score_round(&earlier, &options);
    let trend = Trend::between(&before, &result);

    // The whole organization: the canvas, the culture signals and the answers.
    let organization = OrganizationReview {
        canvas: Some(canvas),
        signals: Some(signals),
        assessment: Some(assessment),
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
    };
    #[cfg(feature = "render")]
    if let Some(dir) = out {
        write_reports(dir, &flow, &organization)?;
    }
    #[cfg(not(feature = "render"))]
    let _ = out;
    if json {
        serde_json::to_string_pretty(&flow)
            .map(|mut text| {
                text.push('\n');
                text
            })
            .map_err(|e| e.to_string())
    } else {
        Ok(story(&flow).unwrap_or_default())
    }
}

/// Writes the charts and the review for the leadership team into `dir`.
#[cfg(feature = "render")]
fn write_reports(dir: &Path, flow: &Flow, organization: &OrganizationReview) -> Result<(), String> {
    use customer_strategy::render::{
        ReviewReport, gap_chart, html_report, markdown_report, radar_chart,
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
        .map_or("the organization", |c| c.metadata.organization.as_str());
    let mut report = ReviewReport::new(name, &flow.result, &flow.review, &flow.review_checks)
        .with_earlier(&flow.earlier)
        .with_trend(&flow.trend)
        .with_chart_files("radar.svg", "gaps.svg");
    if let Some(canvas) = &organization.canvas {
        report = report.with_canvas(canvas);
    }
    if let Some(checks) = &canvas_checks {
        report = report.with_canvas_checks(checks);
    }

    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let files = [
        ("radar.svg", radar_chart(&flow.result, Some(&flow.earlier))),
        ("gaps.svg", gap_chart(&flow.result)),
        ("report.md", markdown_report(&report)),
        ("report.html", html_report(&report)),
    ];
    for (file, content) in files {
        let path = dir.join(file);
        std::fs::write(&path, content)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        // On standard error, so `--json --out DIR` still prints pure JSON.
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn load<D: Document>(name: &str) -> Result<D, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read examples/data/{name}: {e}"))?;
    D::from_toml(&text).map_err(|e| format!("examples/data/{name}: {e}"))
}

fn score(value: Option<customer_strategy::Score>) -> String {
    value.map_or_else(|| "-".to_owned(), |s| format!("{s}"))
}

/// The result as a story a leadership team reads in a minute.
fn story(flow: &Flow) -> Result<String, std::fmt::Error> {
    let mut out = String::new();
    let r = &flow.result;
    writeln!(
        out,
        "{} - {} ({} respondents)\n",
        flow.instrument, r.round, r.respondents
    )?;

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
    let t = &flow.trend;
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

    // 6. What in the culture blocks the strategy.
    culture(&mut out, flow)?;

    // 7. Are the answers sound?
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

/// The culture section: the level after blockers, each blocker at work with its
/// evidence and the promoters that answer it, and the promoters in place.
fn culture(out: &mut String, flow: &Flow) -> std::fmt::Result {
    let review = &flow.review;
    writeln!(out, "\nWhat in the culture blocks the strategy")?;
    match (&review.blocker_cap, &review.level) {
        (Some(cap), _) => writeln!(
            out,
            "  The answers give level {} ({}), but {} blocker(s) at work cap it at level {} ({}):\n  \
             each takes {} level off the highest level the bank can reach.",
            cap.uncapped.number,
            cap.uncapped.name,
            cap.blockers.len(),
            cap.capped.number,
            cap.capped.name,
            cap.levels_per_blocker
        )?,
        (None, Some(level)) => writeln!(
            out,
            "  The blockers at work do not lower the level: it stays {} ({}).",
            level.number, level.name
        )?,
        (None, None) => {}
    }
    for judgement in review.present() {
        writeln!(out, "  Blocker: {}", judgement.blocker.title())?;
        for evidence in judgement.evidence.iter().filter(|e| e.tripped) {
            writeln!(
                out,
                "     evidence: {}: {} (a customer culture shows {})",
                evidence.subject, evidence.observed, evidence.expected
            )?;
        }
        let promoters: Vec<&str> = judgement.promoters.iter().map(|p| p.title()).collect();
        writeln!(out, "     answer it with: {}", promoters.join("; "))?;
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
        let moved = match flow.trend.level_change {
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
    if let Some(cap) = &flow.review.blocker_cap {
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
