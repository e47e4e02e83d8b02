//! The review report: its content built once as a small document model, then
//! written as Markdown or as HTML, so the two always say the same thing and
//! every piece of text is escaped in one place for each format.

use std::fmt::Write as _;

use crate::assessment::{LevelRef, RoundResult, Trend};
use crate::canvas::{Canvas, Stage, Zone};
use crate::culture::{Promoter, Source, Verdict};
use crate::render::escape::{self, Markup};
use crate::render::svg::{self, Embedding, num, score};
use crate::render::value::{self as value_charts, ratio};
use crate::render::{ReviewReport, ValueReport};
use crate::validate::{Finding, Report, Severity};
use crate::value::CanvasLink;

// ---------------------------------------------------------------------------
// The document model
// ---------------------------------------------------------------------------

/// How a badge or a change is coloured in HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tone {
    Error,
    Warning,
    Info,
    Good,
}

impl Tone {
    const fn class(self) -> &'static str {
        match self {
            Tone::Error => "error",
            Tone::Warning => "warning",
            Tone::Info => "info",
            Tone::Good => "good",
        }
    }
}

/// A run of text within a line. The strings are unescaped; the writers escape them.
#[derive(Clone, Debug)]
enum Inline {
    Text(String),
    Strong(String),
    /// A code, a path or an id.
    Code(String),
    /// A short label that stands out: a badge in HTML, strong in Markdown.
    Badge(Tone, String),
    /// A change in points, signed, coloured up or down in HTML.
    Delta(f64),
}

fn text(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn strong(s: impl Into<String>) -> Inline {
    Inline::Strong(s.into())
}

type Line = Vec<Inline>;

/// One figure of the summary.
#[derive(Clone, Debug)]
struct Card {
    label: String,
    value: String,
    note: String,
}

/// The blocks of one zone of the canvas.
#[derive(Clone, Debug)]
struct ZoneRow {
    zone: String,
    /// Each block's title and whether it holds content.
    blocks: Vec<(String, bool)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Chart {
    Radar,
    Gaps,
    ValueMap,
    HeadToHead,
}

#[derive(Clone, Debug)]
enum Block {
    /// A heading of level 2 or 3 (the title is written apart).
    Heading(u8, String),
    Paragraph(Line),
    /// A paragraph of lesser weight: notes and explanations.
    Note(Line),
    List(Vec<Line>),
    Table {
        head: Vec<String>,
        /// Which columns hold numbers (right-aligned).
        numeric: Vec<bool>,
        rows: Vec<Vec<Line>>,
    },
    Cards(Vec<Card>),
    Zones(Vec<ZoneRow>),
    Chart(Chart),
}

/// The whole report: a title, a subtitle and the blocks.
struct Doc {
    title: String,
    subtitle: Line,
    blocks: Vec<Block>,
    footer: String,
}

// ---------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------

fn level_text(level: &LevelRef) -> String {
    format!("{} ({})", level.number, level.name)
}

fn maybe_score(value: Option<crate::assessment::Score>) -> String {
    value.map_or_else(|| "–".to_owned(), score)
}

fn signed(value: f64) -> String {
    let text = format!("{:+.1}", value + 0.0);
    match text.as_str() {
        "-0.0" | "+0.0" => "0.0".to_owned(),
        _ => text,
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

fn level_phrase(level: crate::assessment::OrgLevel) -> String {
    format!("the {}", level.title().to_lowercase())
}

const fn source_name(source: Source) -> &'static str {
    match source {
        Source::Signals => "culture signals",
        Source::Assessment => "team's answers",
        Source::Canvas => "canvas",
    }
}

fn build(report: &ReviewReport<'_>) -> Doc {
    let r = report.result;
    let computed;
    let trend = match (report.trend, report.earlier) {
        (Some(trend), _) => Some(trend),
        (None, Some(earlier)) => {
            computed = Trend::between(earlier, r);
            Some(&computed)
        }
        (None, None) => None,
    };

    let mut subtitle = vec![text(format!(
        "{} round, closed {}, {}; instrument ",
        r.round,
        r.date,
        plural(r.respondents, "respondent", "respondents")
    ))];
    subtitle.push(Inline::Code(r.instrument.id.as_str().to_owned()));
    subtitle.push(text(format!(" version {}", r.instrument.version)));
    if let Some(canvas) = report.canvas {
        subtitle.push(text(format!(
            "; canvas “{}” ({})",
            canvas.metadata.name,
            stage_name(canvas.metadata.stage)
        )));
    }

    let mut blocks = Vec::new();
    summary(&mut blocks, report, trend);
    maturity(&mut blocks, r);
    gaps(&mut blocks, r);
    culture(&mut blocks, report);
    next_steps(&mut blocks, r);
    trend_section(&mut blocks, trend);
    if let Some(value) = &report.value {
        value_section(&mut blocks, value, report.canvas);
        customer_measures(&mut blocks, report);
    }
    canvas_section(&mut blocks, report.canvas);
    findings(&mut blocks, report);

    Doc {
        title: format!("Customer strategy review: {}", report.organization),
        subtitle,
        blocks,
        footer: format!(
            "Made with customer-strategy {}. Scores run from 0 to 100. An organizational \
             level's scores are shown only when enough of its people answered, so no one's \
             answers are exposed.",
            env!("CARGO_PKG_VERSION")
        ),
    }
}

const fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Draft => "workshop draft",
        Stage::Proposed => "proposed for sign-off",
        Stage::Approved => "approved",
        Stage::Superseded => "superseded",
    }
}

fn summary(blocks: &mut Vec<Block>, report: &ReviewReport<'_>, trend: Option<&Trend>) {
    let r = report.result;
    let review = report.review;
    blocks.push(Block::Heading(2, "Summary".to_owned()));

    let mut cards = Vec::new();
    let final_level = review.level.as_ref().or(r.level.as_ref());
    cards.push(Card {
        label: "Maturity level".to_owned(),
        value: final_level.map_or_else(|| "–".to_owned(), level_text),
        note: match (
            review.blocker_cap.as_ref().filter(|c| c.binds()),
            &r.weakest_link,
        ) {
            (Some(cap), _) => format!(
                "capped by {}",
                plural(cap.blockers.len(), "culture blocker", "culture blockers")
            ),
            (None, Some(_)) => "capped by the weakest dimension".to_owned(),
            (None, None) => match &review.blocker_cap {
                Some(cap) => format!(
                    "{} weighed, under their cap",
                    plural(cap.blockers.len(), "culture blocker", "culture blockers")
                ),
                None => "no cap applies".to_owned(),
            },
        },
    });
    cards.push(Card {
        label: "Level from the answers".to_owned(),
        value: r.level.as_ref().map_or_else(|| "–".to_owned(), level_text),
        note: match &r.weakest_link {
            Some(cap) => format!("the score alone gives {}", level_text(&cap.uncapped)),
            None => "before culture blockers".to_owned(),
        },
    });
    cards.push(Card {
        label: "Overall score".to_owned(),
        value: maybe_score(r.overall),
        note: "of 100, weighted by dimension".to_owned(),
    });
    if let Some(change) = trend.and_then(|t| t.overall) {
        cards.push(Card {
            label: trend.map_or_else(String::new, |t| format!("Since {}", t.from)),
            value: signed(change.change),
            note: format!(
                "points, from {} to {}",
                score(change.before),
                score(change.after)
            ),
        });
    }
    blocks.push(Block::Cards(cards));

    let mut points: Vec<Line> = Vec::new();
    if let Some(cap) = review.blocker_cap.as_ref().filter(|c| c.binds()) {
        let names: Vec<&str> = cap.blockers.iter().map(|b| b.title()).collect();
        points.push(vec![
            text(format!(
                "The answers give level {}, but {} at work cap it at level {}: ",
                level_text(&cap.uncapped),
                plural(cap.blockers.len(), "culture blocker", "culture blockers"),
                level_text(&cap.capped)
            )),
            strong(names.join("; ")),
            text("."),
        ]);
    }
    if let Some(cap) = &r.weakest_link {
        let name = r
            .dimension(cap.dimension.as_str())
            .map_or(cap.dimension.as_str(), |d| d.name.as_str());
        points.push(vec![text(format!(
            "The overall score alone would give level {}, but the weakest dimension, {name}, \
             is at level {}: the overall level may be at most {} above it.",
            level_text(&cap.uncapped),
            level_text(&cap.dimension_level),
            plural(usize::from(cap.max_levels_above), "level", "levels")
        ))]);
    }
    if let Some((dimension, gap)) = r
        .dimensions
        .iter()
        .filter_map(|d| d.gap.as_ref().filter(|g| g.flagged).map(|g| (d, g)))
        .max_by(|a, b| a.1.points.total_cmp(&b.1.points))
    {
        points.push(vec![
            text(format!(
                "The widest gap between boardroom and back office is on “{}”: {} rate it ",
                dimension.name,
                level_phrase(gap.highest)
            )),
            strong(format!("{} points", num(gap.points))),
            text(format!(" above {}.", level_phrase(gap.lowest))),
        ]);
    }
    if !r.next_steps.is_empty() {
        let names: Vec<String> = r
            .next_steps
            .iter()
            .map(|s| format!("“{}”", s.name))
            .collect();
        points.push(vec![
            text("Focus next on "),
            strong(names.join(" and ")),
            text("."),
        ]);
    }
    if let Some(value) = &report.value
        && let Some(cva) = value.result.cva()
    {
        points.push(vec![
            text(format!(
                "Customers get {} value from {} {} its competitors (“{}”): ",
                if cva > 1.0 {
                    "more"
                } else if cva < 1.0 {
                    "less"
                } else {
                    "as much"
                },
                value.study.our_offer.name,
                if cva == 1.0 { "as from" } else { "than from" },
                value.study.name
            )),
            strong(format!("CVA {}", ratio(cva))),
            text("."),
        ]);
    }
    if let Some(trend) = trend
        && let (Some(before), Some(after)) = (&trend.level_before, &trend.level_after)
    {
        let moved = match trend.level_change {
            Some(change) if change > 0 => format!(
                "Up from level {} to {} since {}.",
                level_text(before),
                level_text(after),
                trend.from
            ),
            Some(change) if change < 0 => format!(
                "Down from level {} to {} since {}.",
                level_text(before),
                level_text(after),
                trend.from
            ),
            _ => format!("Still at level {} since {}.", level_text(after), trend.from),
        };
        points.push(vec![text(moved)]);
    }
    if !points.is_empty() {
        blocks.push(Block::List(points));
    }
}

fn maturity(blocks: &mut Vec<Block>, r: &RoundResult) {
    blocks.push(Block::Heading(2, "Maturity by dimension".to_owned()));
    if !r.dimensions.is_empty() {
        blocks.push(Block::Chart(Chart::Radar));
    }
    let rows = r
        .dimensions
        .iter()
        .map(|d| {
            let mut row = vec![vec![text(d.name.clone())]];
            match d.stats {
                Some(s) => {
                    row.push(vec![strong(score(s.mean))]);
                    row.push(vec![text(score(s.median))]);
                    row.push(vec![text(num(s.sd))]);
                    row.push(vec![text(s.n.to_string())]);
                }
                None => {
                    for _ in 0..4 {
                        row.push(vec![text("–")]);
                    }
                }
            }
            row.push(vec![text(
                d.level.as_ref().map_or_else(|| "–".to_owned(), level_text),
            )]);
            row
        })
        .collect();
    blocks.push(Block::Table {
        head: ["Dimension", "Mean", "Median", "SD", "n", "Level"]
            .map(str::to_owned)
            .to_vec(),
        numeric: vec![false, true, true, true, true, false],
        rows,
    });
    let names = |ids: &[crate::assessment::DimensionId]| -> String {
        ids.iter()
            .map(|id| {
                r.dimension(id.as_str())
                    .map_or(id.as_str(), |d| d.name.as_str())
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    if !r.strongest.is_empty() || !r.weakest.is_empty() {
        blocks.push(Block::Note(vec![
            strong("Strongest: "),
            text(names(&r.strongest)),
            text(". "),
            strong("Weakest: "),
            text(names(&r.weakest)),
            text(". Mean, median and SD (standard deviation) are of the respondents' scores."),
        ]));
    }
}

fn gaps(blocks: &mut Vec<Block>, r: &RoundResult) {
    blocks.push(Block::Heading(
        2,
        "From boardroom to back office".to_owned(),
    ));
    let shown: Vec<_> = r.levels.iter().filter(|l| l.reported).collect();
    if shown.is_empty() {
        blocks.push(Block::Paragraph(vec![text(
            "No organizational level has enough respondents to be shown.",
        )]));
    } else {
        if !r.dimensions.is_empty() {
            blocks.push(Block::Chart(Chart::Gaps));
        }
        let mut head = vec!["Dimension".to_owned()];
        head.extend(shown.iter().map(|l| l.level.title().to_owned()));
        head.push("Gap".to_owned());
        head.push("Highest over lowest".to_owned());
        let mut numeric = vec![false];
        numeric.extend(shown.iter().map(|_| true));
        numeric.push(true);
        numeric.push(false);
        let rows = r
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut row = vec![vec![text(d.name.clone())]];
                for level in &shown {
                    let mean = level.dimensions.get(i).copied().flatten().map(|s| s.mean);
                    row.push(vec![text(maybe_score(mean))]);
                }
                match &d.gap {
                    Some(gap) => {
                        let mut cell = vec![strong(num(gap.points))];
                        if gap.flagged {
                            cell.push(text(" "));
                            cell.push(Inline::Badge(Tone::Error, "flagged".to_owned()));
                        }
                        row.push(cell);
                        row.push(vec![text(format!(
                            "{} over {}",
                            gap.highest.title(),
                            gap.lowest.title()
                        ))]);
                    }
                    None => {
                        row.push(vec![text("–")]);
                        row.push(vec![text("–")]);
                    }
                }
                row
            })
            .collect();
        blocks.push(Block::Table {
            head,
            numeric,
            rows,
        });
    }
    let mut note = vec![text(
        "Mean score per organizational level. The gap is the distance in points between the \
         level that rates a dimension highest and the one that rates it lowest; a flagged gap \
         is wider than the threshold set for the round.",
    )];
    let withheld: Vec<String> = r
        .levels
        .iter()
        .filter(|l| !l.reported)
        .map(|l| {
            format!(
                "{} ({})",
                l.level.title(),
                plural(l.respondents, "respondent", "respondents")
            )
        })
        .collect();
    if !withheld.is_empty() {
        note.push(text(format!(
            " Not shown, too few respondents to keep answers anonymous: {}.",
            withheld.join(", ")
        )));
    }
    blocks.push(Block::Note(note));
}

fn culture(blocks: &mut Vec<Block>, report: &ReviewReport<'_>) {
    let review = report.review;
    blocks.push(Block::Heading(
        2,
        "Culture: what blocks the strategy".to_owned(),
    ));
    match (&review.blocker_cap, &review.level) {
        (Some(cap), _) => {
            let total: f64 = cap.weights.iter().sum();
            let weighing = format!(
                "{} at work weigh {total:.2} in all (each its margin past its line, half when \
                 the sources disagree); {} per unit of weight, rounded up and at most {}, takes \
                 {} off the highest level: the cap is level {}.",
                plural(cap.blockers.len(), "blocker", "blockers"),
                plural(usize::from(cap.levels_per_blocker), "level", "levels"),
                cap.max_cap_levels,
                plural(usize::from(cap.levels_taken), "level", "levels"),
                cap.cap
            );
            let outcome = if cap.binds() {
                format!(
                    " The answers give level {}, so the level is capped at {}.",
                    level_text(&cap.uncapped),
                    level_text(&cap.capped)
                )
            } else {
                format!(
                    " The answers give level {}, under the cap: the level stands.",
                    level_text(&cap.uncapped)
                )
            };
            blocks.push(Block::Paragraph(vec![text(weighing + &outcome)]));
        }
        (None, Some(level)) if review.present().next().is_some() => {
            blocks.push(Block::Paragraph(vec![text(format!(
                "The blockers at work do not lower the level: it stays {}.",
                level_text(level)
            ))]));
        }
        (None, _) => {}
    }

    let in_place: Vec<Promoter> = review.promoters.iter().map(|p| p.promoter).collect();
    let mut any = false;
    for judgement in review.present() {
        any = true;
        blocks.push(Block::Heading(
            3,
            format!("Blocker: {}", judgement.blocker.title()),
        ));
        let mut items: Vec<Line> = judgement
            .evidence
            .iter()
            .filter(|e| e.tripped)
            .map(|e| {
                vec![
                    strong("Evidence: "),
                    Inline::Code(e.subject.clone()),
                    text(format!(" is {}", e.observed)),
                    text(format!(
                        "; a customer culture shows {} (from the {}{}).",
                        e.expected,
                        source_name(e.source),
                        e.margin
                            .filter(|_| e.tripped)
                            .map_or_else(String::new, |m| format!(", margin {m:.2}"))
                    )),
                ]
            })
            .collect();
        items.insert(
            0,
            vec![
                strong("Margin: "),
                text(format!(
                    "{:.2} past the line (0 on it, 1 at the worst end of the scale){}.",
                    judgement.margin,
                    if judgement.contested {
                        "; contested: the signals and the team's answers disagree"
                    } else {
                        ""
                    }
                )),
            ],
        );
        let mut answer = vec![strong("Answer it with: ")];
        for (i, promoter) in judgement.promoters.iter().enumerate() {
            if i > 0 {
                answer.push(text("; "));
            }
            answer.push(text(promoter.title()));
            if in_place.contains(promoter) {
                answer.push(text(" "));
                answer.push(Inline::Badge(Tone::Good, "in place".to_owned()));
            }
        }
        answer.push(text("."));
        items.push(answer);
        blocks.push(Block::List(items));
    }
    if !any {
        blocks.push(Block::Paragraph(vec![text(
            "The evidence shows none of the seven blockers at work.",
        )]));
    }
    let titles = |verdict: Verdict| -> Vec<&'static str> {
        review
            .blockers
            .iter()
            .filter(|j| j.verdict == verdict)
            .map(|j| j.blocker.title())
            .collect()
    };
    let mut notes: Vec<Line> = Vec::new();
    let clear = titles(Verdict::Absent);
    if !clear.is_empty() {
        notes.push(vec![
            strong("No sign of: "),
            text(clear.join("; ")),
            text("."),
        ]);
    }
    let borderline = titles(Verdict::Borderline);
    if !borderline.is_empty() {
        notes.push(vec![
            strong("Borderline (past the line by less than the tolerance, no cap): "),
            text(borderline.join("; ")),
            text("."),
        ]);
    }
    let unknown = titles(Verdict::Unknown);
    if !unknown.is_empty() {
        notes.push(vec![
            strong("Could not be judged (no evidence): "),
            text(unknown.join("; ")),
            text("."),
        ]);
    }
    if !notes.is_empty() {
        if any {
            blocks.push(Block::Heading(3, "The other blockers".to_owned()));
        }
        blocks.push(Block::List(notes));
    }

    blocks.push(Block::Heading(3, "Promoters already in place".to_owned()));
    if review.promoters.is_empty() {
        blocks.push(Block::Paragraph(vec![text(
            "The evidence shows no promoter in place yet.",
        )]));
    } else {
        let rows = review
            .promoters
            .iter()
            .map(|p| {
                vec![
                    vec![strong(p.promoter.title())],
                    vec![
                        Inline::Code(p.evidence.subject.clone()),
                        text(format!(": {}", p.evidence.observed)),
                    ],
                    vec![text(source_name(p.evidence.source))],
                ]
            })
            .collect();
        blocks.push(Block::Table {
            head: ["Promoter", "Evidence", "From"].map(str::to_owned).to_vec(),
            numeric: vec![false, false, false],
            rows,
        });
    }
}

fn next_steps(blocks: &mut Vec<Block>, r: &RoundResult) {
    blocks.push(Block::Heading(2, "Next steps".to_owned()));
    if r.next_steps.is_empty() {
        blocks.push(Block::Paragraph(vec![text(
            "The instrument gives no next steps for this round.",
        )]));
        return;
    }
    for (i, steps) in r.next_steps.iter().enumerate() {
        let mean = r
            .dimension(steps.dimension.as_str())
            .and_then(|d| d.stats)
            .map(|s| s.mean);
        blocks.push(Block::Heading(3, format!("{}. {}", i + 1, steps.name)));
        blocks.push(Block::Note(vec![text(format!(
            "At level {}, team score {} of 100.",
            level_text(&steps.level),
            maybe_score(mean)
        ))]));
        blocks.push(Block::List(
            steps.steps.iter().map(|s| vec![text(s.clone())]).collect(),
        ));
    }
}

fn trend_section(blocks: &mut Vec<Block>, trend: Option<&Trend>) {
    let Some(t) = trend else {
        blocks.push(Block::Heading(2, "Trend".to_owned()));
        blocks.push(Block::Paragraph(vec![text(
            "There is no earlier round to compare with.",
        )]));
        return;
    };
    blocks.push(Block::Heading(2, format!("Trend since {}", t.from)));
    let mut line = Vec::new();
    if let Some(change) = t.overall {
        line.push(text(format!(
            "Overall score {} → {} (",
            score(change.before),
            score(change.after)
        )));
        line.push(Inline::Delta(change.change));
        line.push(text(")"));
    }
    match (&t.level_before, &t.level_after) {
        (Some(b), Some(a)) if b.number != a.number => line.push(text(format!(
            "; level {} → {}.",
            level_text(b),
            level_text(a)
        ))),
        (_, Some(a)) => line.push(text(format!("; still level {}.", level_text(a)))),
        _ => line.push(text(".")),
    }
    blocks.push(Block::Paragraph(line));
    let rows = t
        .dimensions
        .iter()
        .map(|d| match d.change {
            Some(c) => vec![
                vec![text(d.name.clone())],
                vec![text(score(c.before))],
                vec![text(score(c.after))],
                vec![Inline::Delta(c.change)],
            ],
            None => vec![
                vec![text(d.name.clone())],
                vec![text("–")],
                vec![text("–")],
                vec![text("–")],
            ],
        })
        .collect();
    blocks.push(Block::Table {
        head: vec![
            "Dimension".to_owned(),
            t.from.clone(),
            t.to.clone(),
            "Change".to_owned(),
        ],
        numeric: vec![false, true, true, true],
        rows,
    });
}

/// What a ratio says, in words.
fn verdict(cva: f64) -> &'static str {
    if cva > 1.0 {
        "more value from us"
    } else if cva < 1.0 {
        "less value from us"
    } else {
        "as much value from us"
    }
}

fn maybe_ratio(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), ratio)
}

/// A share (0 to 1) as a percentage with one decimal.
fn percent(share: f64) -> String {
    format!("{}%", num(share * 100.0))
}

/// The canvas element an attribute speaks to, by name where the canvas has it.
fn link_name(canvas: Option<&Canvas>, link: CanvasLink) -> Inline {
    let named = canvas.and_then(|canvas| match link {
        CanvasLink::ValueElement(id) => canvas
            .proposition
            .customer_value
            .elements
            .iter()
            .find(|e| e.id == id)
            .map(|e| format!("“{}”", e.name)),
        CanvasLink::Need(id) => canvas
            .context
            .customer
            .segments
            .iter()
            .flat_map(|s| &s.needs)
            .find(|n| n.id == id)
            .map(|n| format!("the need “{}”", n.description)),
    });
    named.map_or_else(|| Inline::Code(link.to_string()), Inline::Text)
}

/// Customer value: the CVA overall and against each competitor, the value
/// map and its positions, the attributes head to head and where value is lost.
fn value_section(blocks: &mut Vec<Block>, value: &ValueReport<'_>, canvas: Option<&Canvas>) {
    let (study, result) = (value.study, value.result);
    blocks.push(Block::Heading(2, "Customer value".to_owned()));
    blocks.push(Block::Paragraph(vec![
        text(format!(
            "“{}”: {}, as of {}; ",
            study.name, study.market, study.as_of
        )),
        text(plural(
            study.responses.len(),
            "customer's ratings",
            "customers' ratings",
        )),
        text(format!(
            ". Quality counts {}, price {}.",
            percent(1.0 - result.price_weight),
            percent(result.price_weight)
        )),
    ]));

    let mut cards = vec![Card {
        label: "Customer Value Added".to_owned(),
        value: maybe_ratio(result.cva()),
        note: result.cva().map_or_else(
            || "withheld: too few ratings".to_owned(),
            |cva| format!("against the competitors' mean: {}", verdict(cva)),
        ),
    }];
    for competitor in &result.head_to_head {
        cards.push(Card {
            label: format!("Against {}", competitor.name),
            value: maybe_ratio(competitor.scores.cva),
            note: competitor.scores.cva.map_or_else(
                || "withheld: too few ratings".to_owned(),
                |cva| verdict(cva).to_owned(),
            ),
        });
    }
    blocks.push(Block::Cards(cards));
    blocks.push(Block::Note(vec![text(format!(
        "The CVA weighs the market-perceived quality score ({}) and the price score ({}) by \
         what customers weigh: above 1.0 customers get more value from us than from the \
         competitors. Relative perceived price: {}.",
        maybe_ratio(result.overall.quality),
        maybe_ratio(result.overall.price),
        maybe_ratio(result.overall.relative_price)
    ))]));

    blocks.push(Block::Heading(3, "Customer value map".to_owned()));
    blocks.push(Block::Chart(Chart::ValueMap));
    let rows = result
        .value_map
        .iter()
        .map(|p| {
            let name = if p.ours {
                vec![strong(p.name.clone()), text(" (ours)")]
            } else {
                vec![text(p.name.clone())]
            };
            let side = match p.distance {
                Some(d) if d > 0.0 => vec![Inline::Delta(d * 100.0), text(" above: better value")],
                Some(d) if d < 0.0 => vec![Inline::Delta(d * 100.0), text(" below: worse value")],
                Some(_) => vec![text("on the line: fair value")],
                None => vec![text("withheld")],
            };
            vec![
                name,
                vec![text(maybe_ratio(p.relative_price))],
                vec![text(maybe_ratio(p.relative_quality))],
                side,
            ]
        })
        .collect();
    blocks.push(Block::Table {
        head: [
            "Offer",
            "Relative price",
            "Relative quality",
            "From the fair-value line (points)",
        ]
        .map(str::to_owned)
        .to_vec(),
        numeric: vec![false, true, true, false],
        rows,
    });
    blocks.push(Block::Note(vec![text(
        "Each offer against the mean of the others. The fair-value line is where relative \
         quality equals relative price; the distance from it is relative quality minus \
         relative price, in hundredths.",
    )]));

    blocks.push(Block::Heading(3, "Where value is lost".to_owned()));
    let losing: Vec<_> = result
        .where_to_act
        .iter()
        .filter(|p| p.loss > 0.0)
        .collect();
    if losing.is_empty() {
        blocks.push(Block::Paragraph(vec![text(
            "No attribute loses value: we match or lead the competitors on every one rated.",
        )]));
    } else {
        let rows = losing
            .iter()
            .map(|p| {
                vec![
                    vec![text(p.name.clone())],
                    vec![text(p.kind.as_str())],
                    vec![text(percent(p.worth_weight))],
                    vec![text(ratio(p.ratio))],
                    vec![strong(num(p.loss * 100.0))],
                    p.speaks_to
                        .map_or_else(|| vec![text("–")], |link| vec![link_name(canvas, link)]),
                ]
            })
            .collect();
        blocks.push(Block::Table {
            head: [
                "Attribute",
                "Kind",
                "Weight",
                "Ratio",
                "Worth lost (points)",
                "Speaks to",
            ]
            .map(str::to_owned)
            .to_vec(),
            numeric: vec![false, false, true, true, true, false],
            rows,
        });
        blocks.push(Block::Note(vec![text(
            "Worth lost: the attribute's weight in the CVA times (1 − ratio), in points of \
             the CVA index, the greatest loss first.",
        )]));
    }
    let won: Vec<String> = result
        .where_to_act
        .iter()
        .rev()
        .filter(|p| p.loss < 0.0)
        .map(|p| format!("{} ({})", p.name, ratio(p.ratio)))
        .collect();
    if !won.is_empty() {
        blocks.push(Block::Paragraph(vec![
            strong("Where value is won: "),
            text(won.join("; ")),
            text("."),
        ]));
    }

    blocks.push(Block::Heading(3, "Attributes head to head".to_owned()));
    blocks.push(Block::Chart(Chart::HeadToHead));
    if !result.withheld.is_empty() {
        let cells: Vec<String> = result
            .withheld
            .iter()
            .map(|c| format!("{} on {} ({})", c.offer, c.attribute, c.count))
            .collect();
        blocks.push(Block::Note(vec![text(format!(
            "Withheld, fewer than {} ratings: {}. A ratio or score that needs them is not shown.",
            result.min_ratings,
            cells.join(", ")
        ))]));
    }
}

/// The customer measures of the section "Customer value": the canvas's
/// metrics that have a kind or observations, with their baseline, latest
/// figure, target and status ([`Metric::status`](crate::Metric::status), as
/// of the canvas's `updated` date, so the same canvas always gives the same
/// report).
fn customer_measures(blocks: &mut Vec<Block>, report: &ReviewReport<'_>) {
    let Some(canvas) = report.canvas else {
        return;
    };
    let today = canvas.metadata.updated.date_naive();
    let metrics: Vec<&crate::canvas::Metric> = canvas
        .steering
        .performance
        .metrics
        .iter()
        .filter(|m| m.kind.is_some() || !m.observations.is_empty())
        .collect();
    if metrics.is_empty() {
        return;
    }
    blocks.push(Block::Heading(3, "Customer measures".to_owned()));
    let number = |v: f64| {
        let t = format!("{v:.2}");
        t.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    let rows = metrics
        .iter()
        .map(|m| {
            let baseline = m.baseline.as_ref().map_or_else(
                || "–".to_owned(),
                |b| format!("{} ({})", number(b.value), b.date),
            );
            let latest = m.latest().map_or_else(
                || "–".to_owned(),
                |o| format!("{} ({})", number(o.value), o.date),
            );
            let target = m.target.as_ref().map_or_else(
                || "–".to_owned(),
                |t| {
                    let due = t.due.map_or_else(String::new, |d| format!(" by {d}"));
                    let side = match t.direction {
                        crate::canvas::Direction::AtLeast => "at least",
                        crate::canvas::Direction::AtMost => "at most",
                    };
                    format!("{side} {}{due}", number(t.value))
                },
            );
            let status = m.status(today).as_str().replace('_', " ");
            vec![
                vec![text(m.name.as_str())],
                vec![text(m.kind.as_ref().map_or("–", |k| k.title()))],
                vec![text(baseline)],
                vec![text(latest)],
                vec![text(target)],
                vec![text(status)],
            ]
        })
        .collect();
    blocks.push(Block::Table {
        head: ["Measure", "Kind", "Baseline", "Latest", "Target", "Status"]
            .map(str::to_owned)
            .to_vec(),
        numeric: vec![false, false, true, true, false, false],
        rows,
    });
    blocks.push(Block::Note(vec![text(format!(
        "Status as of {today}, against the straight line from each baseline to its target by its due date."
    ))]));
}

fn canvas_section(blocks: &mut Vec<Block>, canvas: Option<&Canvas>) {
    blocks.push(Block::Heading(2, "Canvas completeness".to_owned()));
    let Some(canvas) = canvas else {
        blocks.push(Block::Paragraph(vec![text("No canvas was given.")]));
        return;
    };
    let rows: Vec<ZoneRow> = Zone::ALL
        .iter()
        .map(|zone| ZoneRow {
            zone: zone.title().to_owned(),
            blocks: zone
                .blocks()
                .map(|b| (b.title().to_owned(), canvas.is_filled(b)))
                .collect(),
        })
        .collect();
    let total: usize = rows.iter().map(|z| z.blocks.len()).sum();
    let filled: usize = rows
        .iter()
        .map(|z| z.blocks.iter().filter(|(_, f)| *f).count())
        .sum();
    blocks.push(Block::Paragraph(vec![
        text(format!(
            "“{}” of {}: ",
            canvas.metadata.name, canvas.metadata.organization
        )),
        strong(format!("{filled} of {total} blocks filled")),
        text("."),
    ]));
    blocks.push(Block::Zones(rows));
}

fn findings(blocks: &mut Vec<Block>, report: &ReviewReport<'_>) {
    blocks.push(Block::Heading(2, "Findings of the checks".to_owned()));
    let mut reports: Vec<(&str, &Report)> = Vec::new();
    if let Some(checks) = report.canvas_checks {
        reports.push(("canvas", checks));
    }
    reports.push(("review", report.review_checks));
    let summary: Vec<Line> = reports
        .iter()
        .map(|(what, checks)| {
            let counts = checks.counts();
            vec![
                strong(format!("Checks of the {what}")),
                text(format!(
                    " ({} profile): {}, {}, {}, {} information.",
                    checks.profile(),
                    if checks.is_valid() {
                        "valid"
                    } else {
                        "not valid"
                    },
                    plural(counts.error, "error", "errors"),
                    plural(counts.warning, "warning", "warnings"),
                    counts.info
                )),
            ]
        })
        .collect();
    blocks.push(Block::List(summary));
    for (severity, heading, tone) in [
        (Severity::Error, "Errors", Tone::Error),
        (Severity::Warning, "Warnings", Tone::Warning),
        (Severity::Info, "Information", Tone::Info),
    ] {
        let found: Vec<(&str, &Finding)> = reports
            .iter()
            .flat_map(|(what, checks)| checks.with_severity(severity).map(move |f| (*what, f)))
            .collect();
        if found.is_empty() {
            continue;
        }
        blocks.push(Block::Heading(3, format!("{heading} ({})", found.len())));
        let items = found
            .iter()
            .map(|(what, finding)| {
                let mut line = vec![
                    Inline::Badge(tone, finding.severity.as_str().to_owned()),
                    text(" "),
                    Inline::Code(finding.code.clone()),
                    text(format!(" in the {what} at ")),
                    if finding.path.as_str().is_empty() {
                        text("the document root")
                    } else {
                        Inline::Code(finding.path.as_str().to_owned())
                    },
                    text(format!(": {}", sentence(&finding.message))),
                ];
                if let Some(hint) = &finding.hint {
                    line.push(text(" "));
                    line.push(strong("Hint:"));
                    line.push(text(format!(" {hint}")));
                }
                for related in &finding.related {
                    line.push(text(" See also "));
                    line.push(Inline::Code(related.as_str().to_owned()));
                    line.push(text("."));
                }
                line
            })
            .collect();
        blocks.push(Block::List(items));
    }
    if reports.iter().all(|(_, checks)| checks.is_empty()) {
        blocks.push(Block::Paragraph(vec![text(
            "The checks found nothing to report.",
        )]));
    }
}

/// The text ended with a full stop unless it already ends a sentence.
fn sentence(text: &str) -> String {
    let trimmed = text.trim_end();
    if trimmed.ends_with(['.', '!', '?', ':']) {
        trimmed.to_owned()
    } else {
        format!("{trimmed}.")
    }
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

fn md_line(line: &[Inline]) -> String {
    let mut out = String::new();
    for inline in line {
        match inline {
            Inline::Text(s) => out.push_str(&escape::markdown(s)),
            Inline::Strong(s) | Inline::Badge(_, s) => {
                let trimmed = s.trim();
                if !trimmed.is_empty() {
                    // Emphasis must hug its text: spaces go outside the stars.
                    if s.starts_with(char::is_whitespace) {
                        out.push(' ');
                    }
                    let _ = write!(out, "**{}**", escape::markdown(trimmed));
                    if s.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
            }
            Inline::Code(s) => out.push_str(&escape::markdown_code(s)),
            Inline::Delta(v) => out.push_str(&signed(*v)),
        }
    }
    out
}

pub(crate) fn markdown(report: &ReviewReport<'_>) -> String {
    let doc = build(report);
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "# {}\n", escape::markdown(&doc.title));
    let _ = writeln!(out, "{}\n", md_line(&doc.subtitle));
    for block in &doc.blocks {
        match block {
            Block::Heading(level, title) => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    "#".repeat(usize::from(*level)),
                    escape::markdown(title)
                );
            }
            Block::Paragraph(line) => {
                let _ = writeln!(out, "{}\n", md_line(line));
            }
            Block::Note(line) => {
                let _ = writeln!(out, "> {}\n", md_line(line));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", md_line(item));
                }
                out.push('\n');
            }
            Block::Table {
                head,
                numeric,
                rows,
            } => {
                out.push('|');
                for cell in head {
                    let _ = write!(out, " {} |", escape::markdown(cell));
                }
                out.push_str("\n|");
                for (i, _) in head.iter().enumerate() {
                    let right = numeric.get(i).copied().unwrap_or(false);
                    out.push_str(if right { "---:|" } else { "---|" });
                }
                out.push('\n');
                for row in rows {
                    out.push('|');
                    for cell in row {
                        let _ = write!(out, " {} |", md_line(cell));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Cards(cards) => {
                // A table of one column per figure: the label, the figure, the note.
                out.push('|');
                for card in cards {
                    let _ = write!(out, " {} |", escape::markdown(&card.label));
                }
                out.push_str("\n|");
                for _ in cards {
                    out.push_str("---|");
                }
                out.push_str("\n|");
                for card in cards {
                    let _ = write!(out, " **{}** |", escape::markdown(&card.value));
                }
                out.push_str("\n|");
                for card in cards {
                    let _ = write!(out, " {} |", escape::markdown(&card.note));
                }
                out.push_str("\n\n");
            }
            Block::Zones(zones) => {
                out.push_str("| Zone | Filled | Blocks filled | Blocks still empty |\n");
                out.push_str("|---|---:|---|---|\n");
                for zone in zones {
                    let filled: Vec<String> = zone
                        .blocks
                        .iter()
                        .filter(|(_, f)| *f)
                        .map(|(b, _)| escape::markdown(b))
                        .collect();
                    let empty: Vec<String> = zone
                        .blocks
                        .iter()
                        .filter(|(_, f)| !*f)
                        .map(|(b, _)| escape::markdown(b))
                        .collect();
                    let _ = writeln!(
                        out,
                        "| {} | {} of {} | {} | {} |",
                        escape::markdown(&zone.zone),
                        filled.len(),
                        zone.blocks.len(),
                        if filled.is_empty() {
                            "–".to_owned()
                        } else {
                            filled.join("; ")
                        },
                        if empty.is_empty() {
                            "–".to_owned()
                        } else {
                            empty.join("; ")
                        }
                    );
                }
                out.push('\n');
            }
            Block::Chart(chart) => {
                let image = match chart {
                    Chart::Radar => report
                        .chart_files
                        .map(|f| ("Radar chart of the mean score per dimension", f.radar)),
                    Chart::Gaps => report.chart_files.map(|f| {
                        (
                            "Mean score per dimension by organizational level, with the gaps",
                            f.gaps,
                        )
                    }),
                    Chart::ValueMap => report
                        .value_chart_files
                        .map(|f| ("Customer value map", f.value_map)),
                    Chart::HeadToHead => report.value_chart_files.map(|f| {
                        (
                            "Our mean rating over the competitors' on each attribute",
                            f.head_to_head,
                        )
                    }),
                };
                if let Some((alt, file)) = image {
                    let _ = writeln!(out, "![{alt}]({})\n", escape::url(file));
                }
            }
        }
    }
    let _ = writeln!(out, "---\n\n{}", escape::markdown(&doc.footer));
    out
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

pub(super) const CSS: &str = r#"
:root { --ink: #1F2937; --muted: #6B7280; --line: #E5E7EB; --navy: #1F3A5F; --paper: #FFFFFF; }
* { box-sizing: border-box; }
body { margin: 0; background: #F3F4F6; color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 48px; }
header.cover { background: var(--navy); color: #FFFFFF; padding: 28px 32px; border-radius: 12px; }
header.cover h1 { margin: 0 0 6px; font-size: 28px; line-height: 1.25; }
header.cover p { margin: 0; color: #D6DEE9; }
header.cover code { background: rgba(255,255,255,0.14); color: #FFFFFF; }
section { background: var(--paper); border-radius: 12px; padding: 24px 32px; margin-top: 20px;
  box-shadow: 0 1px 2px rgba(0,0,0,0.06); }
h2 { font-size: 21px; margin: 0 0 14px; color: var(--navy); }
h3 { font-size: 16px; margin: 22px 0 6px; }
p { margin: 8px 0; }
ul { margin: 8px 0; padding-left: 22px; }
li { margin: 4px 0; }
p.note { color: var(--muted); font-size: 14px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 4px; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #F9FAFB; font-weight: 600; border-bottom: 2px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px;
  background: #F3F4F6; padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 4px 0 12px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card .label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.card .value { font-size: 24px; font-weight: 700; color: var(--navy); line-height: 1.3; margin: 2px 0; }
.card .note { font-size: 13px; color: var(--muted); }
.badge { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
  line-height: 20px; white-space: nowrap; }
.badge.error { background: #FDE2E1; color: #9B1C1C; }
.badge.warning { background: #FEF3C7; color: #92400E; }
.badge.info { background: #E0F2FE; color: #075985; }
.badge.good { background: #DCFCE7; color: #166534; }
.up { color: #166534; font-weight: 600; }
.down { color: #9B1C1C; font-weight: 600; }
figure.chart { margin: 4px 0 16px; }
figure.chart svg { width: 100%; height: auto; display: block; }
.zones td .block { display: inline-block; margin: 2px 6px 2px 0; padding: 1px 9px; border-radius: 6px; font-size: 13px; }
.block.filled { background: #DCFCE7; color: #166534; }
.block.empty { background: #FDE2E1; color: #9B1C1C; }
footer { color: var(--muted); font-size: 13px; margin-top: 24px; }
@media print {
  body { background: #FFFFFF; }
  main { padding: 0; }
  section { box-shadow: none; border: 1px solid var(--line); break-inside: avoid-page; }
  header.cover, .badge, .block { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

fn html_line(line: &[Inline]) -> String {
    let mut out = String::new();
    for inline in line {
        match inline {
            Inline::Text(s) => out.push_str(&Markup::Html.text(s)),
            Inline::Strong(s) => {
                let _ = write!(out, "<strong>{}</strong>", Markup::Html.text(s));
            }
            Inline::Code(s) => {
                let _ = write!(out, "<code>{}</code>", Markup::Html.text(s));
            }
            Inline::Badge(tone, s) => {
                let _ = write!(
                    out,
                    "<span class=\"badge {}\">{}</span>",
                    tone.class(),
                    Markup::Html.text(s)
                );
            }
            Inline::Delta(v) => {
                let class = if *v >= 0.05 {
                    "up"
                } else if *v <= -0.05 {
                    "down"
                } else {
                    "flat"
                };
                let _ = write!(out, "<span class=\"{class}\">{}</span>", signed(*v));
            }
        }
    }
    out
}

pub(crate) fn html(report: &ReviewReport<'_>) -> String {
    let doc = build(report);
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Defence in depth: even if a document's text slipped through as markup,
    // the browser would run no script and fetch nothing.
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", Markup::Html.text(&doc.title));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>\n<main>");
    let _ = writeln!(
        out,
        "<header class=\"cover\">\n<h1>{}</h1>\n<p>{}</p>\n</header>",
        Markup::Html.text(&doc.title),
        html_line(&doc.subtitle)
    );
    let mut open = false;
    for block in &doc.blocks {
        match block {
            Block::Heading(2, title) => {
                if open {
                    out.push_str("</section>\n");
                }
                open = true;
                let _ = writeln!(out, "<section>\n<h2>{}</h2>", Markup::Html.text(title));
            }
            Block::Heading(_, title) => {
                let _ = writeln!(out, "<h3>{}</h3>", Markup::Html.text(title));
            }
            Block::Paragraph(line) => {
                let _ = writeln!(out, "<p>{}</p>", html_line(line));
            }
            Block::Note(line) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", html_line(line));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", html_line(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Table {
                head,
                numeric,
                rows,
            } => {
                let class = |i: usize| {
                    if numeric.get(i).copied().unwrap_or(false) {
                        " class=\"num\""
                    } else {
                        ""
                    }
                };
                out.push_str("<table>\n<thead><tr>");
                for (i, cell) in head.iter().enumerate() {
                    let _ = write!(out, "<th{}>{}</th>", class(i), Markup::Html.text(cell));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for (i, cell) in row.iter().enumerate() {
                        let _ = write!(out, "<td{}>{}</td>", class(i), html_line(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Cards(cards) => {
                out.push_str("<div class=\"cards\">\n");
                for card in cards {
                    let _ = writeln!(
                        out,
                        "<div class=\"card\"><div class=\"label\">{}</div><div class=\"value\">{}</div>\
                         <div class=\"note\">{}</div></div>",
                        Markup::Html.text(&card.label),
                        Markup::Html.text(&card.value),
                        Markup::Html.text(&card.note)
                    );
                }
                out.push_str("</div>\n");
            }
            Block::Zones(zones) => {
                out.push_str(
                    "<table class=\"zones\">\n<thead><tr><th>Zone</th><th class=\"num\">Filled</th>\
                     <th>Blocks</th></tr></thead>\n<tbody>\n",
                );
                for zone in zones {
                    let filled = zone.blocks.iter().filter(|(_, f)| *f).count();
                    let _ = write!(
                        out,
                        "<tr><td>{}</td><td class=\"num\">{filled} of {}</td><td>",
                        Markup::Html.text(&zone.zone),
                        zone.blocks.len()
                    );
                    for (block, is_filled) in &zone.blocks {
                        let _ = write!(
                            out,
                            "<span class=\"block {}\">{} {}</span>",
                            if *is_filled { "filled" } else { "empty" },
                            if *is_filled { "✓" } else { "✗" },
                            Markup::Html.text(block)
                        );
                    }
                    out.push_str("</td></tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Chart(chart) => {
                let drawn = match (chart, &report.value) {
                    (Chart::Radar, _) => {
                        Some(svg::radar(report.result, report.earlier, Embedding::Inline))
                    }
                    (Chart::Gaps, _) => Some(svg::gaps(report.result, Embedding::Inline)),
                    (Chart::ValueMap, Some(v)) => Some(value_charts::value_map(
                        v.result,
                        v.study,
                        Embedding::Inline,
                    )),
                    (Chart::HeadToHead, Some(v)) => Some(value_charts::head_to_head(
                        v.result,
                        v.study,
                        Embedding::Inline,
                    )),
                    (_, None) => None,
                };
                if let Some(drawn) = drawn {
                    out.push_str("<figure class=\"chart\">\n");
                    out.push_str(&drawn);
                    out.push_str("</figure>\n");
                }
            }
        }
    }
    if open {
        out.push_str("</section>\n");
    }
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</main>\n</body>\n</html>",
        Markup::Html.text(&doc.footer)
    );
    out
}
