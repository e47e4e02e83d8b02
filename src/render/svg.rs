//! The two charts, as hand-written SVG: the radar of the dimension means and
//! the gap from boardroom to back office.
//!
//! Coordinates are written with one decimal, so the same result always gives
//! the same bytes. Every text from a document is escaped for the markup the
//! chart lands in ([`Markup::text`] and [`Markup::attribute`]): XML 1.0 for a
//! standalone file, HTML when the chart is inline in the report.

use std::fmt::Write as _;

use crate::assessment::{LevelResult, OrgLevel, RoundResult, Score};
use crate::render::escape::Markup;

/// The font stack of the charts: the system's interface font, falling back to
/// any sans-serif, so no font is ever fetched.
pub(crate) const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// The team's colour (a deep navy).
pub(crate) const TEAM: &str = "#1F3A5F";
/// The earlier round's colour (a mid grey).
const EARLIER: &str = "#6B7280";
/// Ink for text.
pub(crate) const INK: &str = "#1F2937";
/// Muted text.
pub(crate) const MUTED: &str = "#6B7280";
/// Grid lines.
pub(crate) const GRID: &str = "#D1D5DB";
/// Flagged gaps.
pub(crate) const FLAG: &str = "#B42318";
/// The background of a flagged row.
const FLAG_BACKGROUND: &str = "#FDECEC";

/// The colour of an organizational level: the Okabe-Ito palette, which stays
/// distinct for readers with colour-vision deficiencies.
pub(crate) const fn level_colour(level: OrgLevel) -> &'static str {
    match level {
        OrgLevel::Board => "#0072B2",
        OrgLevel::Executive => "#D55E00",
        OrgLevel::Manager => "#009E73",
        OrgLevel::FrontLine => "#CC79A7",
        OrgLevel::Other => "#E69F00",
    }
}

/// Whether the SVG stands alone (a file, with its namespace and size) or is
/// embedded in an HTML document (where the HTML parser gives it its namespace).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Embedding {
    /// A file of its own.
    Standalone,
    /// Inline in HTML.
    Inline,
}

impl Embedding {
    /// The markup the chart's text lands in.
    pub(crate) const fn markup(self) -> Markup {
        match self {
            Embedding::Standalone => Markup::Xml,
            Embedding::Inline => Markup::Html,
        }
    }
}

/// A number with one decimal, never `-0.0`.
pub(crate) fn num(value: f64) -> String {
    let text = format!("{:.1}", value + 0.0);
    if text == "-0.0" {
        "0.0".to_owned()
    } else {
        text
    }
}

/// A score as the reports show it: one decimal.
pub(crate) fn score(value: Score) -> String {
    num(value.get())
}

/// Splits `text` into lines of at most `width` characters at spaces (a longer
/// word stands alone), keeping at most `max_lines` and ending a cut text with `…`.
pub(crate) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    for line in &mut lines {
        if line.chars().count() > width + width / 2 {
            let kept: String = line.chars().take(width.saturating_sub(1)).collect();
            *line = format!("{kept}…");
        }
    }
    lines
}

/// The opening `<svg>` tag, the title and the description, and the visible
/// heading of a standalone chart. Inline in a document, whose own heading
/// names the chart, the view box starts below the heading at `inline_top`.
#[allow(clippy::too_many_arguments)]
fn open(
    out: &mut String,
    embedding: Embedding,
    width: f64,
    height: f64,
    inline_top: f64,
    title: &str,
    desc: &str,
    heading: (&str, &str),
) {
    let markup = embedding.markup();
    let (namespace, top) = match embedding {
        Embedding::Standalone => (" xmlns=\"http://www.w3.org/2000/svg\"", 0.0),
        Embedding::Inline => ("", inline_top),
    };
    let (w, h) = (num(width), num(height - top));
    let _ = writeln!(
        out,
        "<svg{namespace} viewBox=\"0 {} {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
         font-family=\"{font}\" font-size=\"13\" fill=\"{INK}\">",
        num(top),
        font = markup.attribute(FONT),
    );
    let _ = writeln!(out, "<title>{}</title>", markup.text(title));
    let _ = writeln!(out, "<desc>{}</desc>", markup.text(desc));
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>",
        num(top)
    );
    if embedding == Embedding::Standalone {
        text_lines(
            markup,
            out,
            (24.0, 32.0),
            0.0,
            "start",
            " font-size=\"20\" font-weight=\"700\"",
            &[heading.0.to_owned()],
        );
        text_lines(
            markup,
            out,
            (24.0, 52.0),
            0.0,
            "start",
            &format!(" fill=\"{MUTED}\""),
            &wrap(heading.1, 110, 1),
        );
    }
}

/// A text element of one or more lines, the first at `(x, y)`, each `step` below.
fn text_lines(
    markup: Markup,
    out: &mut String,
    (x, y): (f64, f64),
    step: f64,
    anchor: &str,
    attributes: &str,
    lines: &[String],
) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{attributes}>",
        num(x),
        num(y)
    );
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            let _ = write!(out, "<tspan x=\"{}\">{}</tspan>", num(x), markup.text(line));
        } else {
            let _ = write!(
                out,
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                num(x),
                num(step),
                markup.text(line)
            );
        }
    }
    out.push_str("</text>\n");
}

/// The reported levels of a result, boardroom first.
fn reported(result: &RoundResult) -> impl Iterator<Item = &LevelResult> {
    result.levels.iter().filter(|l| l.reported)
}

/// A note naming the levels left out for too few respondents, if any.
fn withheld_note(result: &RoundResult) -> Option<String> {
    let withheld: Vec<String> = result
        .levels
        .iter()
        .filter(|l| !l.reported)
        .map(|l| format!("{} ({})", l.level.title(), l.respondents))
        .collect();
    (!withheld.is_empty()).then(|| {
        format!(
            "Not shown, too few respondents to keep answers anonymous: {}",
            withheld.join(", ")
        )
    })
}

// ---------------------------------------------------------------------------
// The radar chart
// ---------------------------------------------------------------------------

const RADAR_WIDTH: f64 = 960.0;
const RADAR_HEIGHT: f64 = 540.0;
const RADAR_CX: f64 = 340.0;
const RADAR_CY: f64 = 292.0;
const RADAR_R: f64 = 165.0;
const LEGEND_X: f64 = 668.0;

/// The point at `value` (0 to 100) on axis `i` of `n`, the first axis pointing up
/// and the others following clockwise.
fn radar_point(i: usize, n: usize, value: f64) -> (f64, f64) {
    let (sin, cos) = axis_angle(i, n);
    let r = RADAR_R * value.clamp(0.0, 100.0) / 100.0;
    (RADAR_CX + r * sin, RADAR_CY - r * cos)
}

/// The sine and cosine of axis `i` of `n`, measured clockwise from straight up.
fn axis_angle(i: usize, n: usize) -> (f64, f64) {
    #[allow(clippy::cast_precision_loss)] // a handful of dimensions
    let angle = std::f64::consts::TAU * i as f64 / n.max(1) as f64;
    (angle.sin(), angle.cos())
}

/// The `points` attribute of a polygon through the given values; axes without
/// a value are left out.
fn polygon_points(values: &[Option<Score>]) -> String {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| radar_point(i, n, v.get())))
        .map(|(x, y)| format!("{},{}", num(x), num(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn radar(
    result: &RoundResult,
    earlier: Option<&RoundResult>,
    embedding: Embedding,
) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let markup = embedding.markup();
    let n = result.dimensions.len();
    let title = format!("Maturity by dimension: {}", result.round);
    let desc = format!(
        "Radar chart of the mean score (0 to 100) on each of {n} dimensions for the whole \
         team, each organizational level reported{}.",
        earlier.map_or_else(String::new, |e| format!(
            " and the earlier round, {}",
            e.round
        ))
    );
    let subtitle = format!(
        "{}, {}: mean score per dimension, 0 to 100 ({} respondents)",
        result.round, result.date, result.respondents
    );
    open(
        &mut out,
        embedding,
        RADAR_WIDTH,
        RADAR_HEIGHT,
        62.0,
        &title,
        &desc,
        ("Maturity by dimension", &subtitle),
    );

    if n == 0 {
        text_lines(
            markup,
            &mut out,
            (RADAR_CX, RADAR_CY),
            0.0,
            "middle",
            &format!(" fill=\"{MUTED}\""),
            &[String::from("No dimensions to show")],
        );
        out.push_str("</svg>\n");
        return out;
    }

    // Rings and axes.
    out.push_str("<g class=\"grid\" fill=\"none\">\n");
    for ring in [20_u8, 40, 60, 80, 100] {
        let _ = writeln!(
            out,
            "<circle data-ring=\"{ring}\" cx=\"{}\" cy=\"{}\" r=\"{}\" stroke=\"{GRID}\" stroke-width=\"{}\"/>",
            num(RADAR_CX),
            num(RADAR_CY),
            num(RADAR_R * f64::from(ring) / 100.0),
            if ring == 100 { "1.5" } else { "1" }
        );
    }
    for i in 0..n {
        let (x, y) = radar_point(i, n, 100.0);
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{GRID}\"/>",
            num(RADAR_CX),
            num(RADAR_CY),
            num(x),
            num(y)
        );
    }
    out.push_str("</g>\n");
    // The rings' values, halfway between the first two axes, clear of the lines.
    out.push_str(&format!(
        "<g class=\"ring-labels\" font-size=\"10\" fill=\"{MUTED}\" text-anchor=\"middle\" \
         stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\">\n"
    ));
    #[allow(clippy::cast_precision_loss)] // a handful of dimensions
    let half = std::f64::consts::PI / n.max(2) as f64;
    for ring in [20_u8, 40, 60, 80, 100] {
        let r = RADAR_R * f64::from(ring) / 100.0;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{ring}</text>",
            num(RADAR_CX + r * half.sin()),
            num(RADAR_CY - r * half.cos() + 3.5)
        );
    }
    out.push_str("</g>\n");

    // The earlier round, dashed, beneath the rest.
    if let Some(earlier) = earlier {
        let values: Vec<Option<Score>> = result
            .dimensions
            .iter()
            .map(|d| {
                earlier
                    .dimension(d.id.as_str())
                    .and_then(|e| e.stats)
                    .map(|s| s.mean)
            })
            .collect();
        let _ = writeln!(
            out,
            "<polygon class=\"series\" data-series=\"earlier\" points=\"{}\" fill=\"none\" \
             stroke=\"{EARLIER}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>{}</title></polygon>",
            polygon_points(&values),
            markup.text(&format!("Whole team, {} (earlier round)", earlier.round))
        );
    }

    // The team, filled.
    let team: Vec<Option<Score>> = result
        .dimensions
        .iter()
        .map(|d| d.stats.map(|s| s.mean))
        .collect();
    let _ = writeln!(
        out,
        "<polygon class=\"series\" data-series=\"team\" points=\"{}\" fill=\"{TEAM}\" \
         fill-opacity=\"0.2\" stroke=\"{TEAM}\" stroke-width=\"2.5\" stroke-linejoin=\"round\">\
         <title>{}</title></polygon>",
        polygon_points(&team),
        markup.text(&format!("Whole team, {}", result.round))
    );

    // Each reported level, as a line of its own colour.
    for level in reported(result) {
        let values: Vec<Option<Score>> = (0..n)
            .map(|i| level.dimensions.get(i).copied().flatten().map(|s| s.mean))
            .collect();
        let _ = writeln!(
            out,
            "<polygon class=\"series\" data-series=\"level-{}\" points=\"{}\" fill=\"none\" \
             stroke=\"{}\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-opacity=\"0.9\">\
             <title>{}</title></polygon>",
            level.level.as_str(),
            polygon_points(&values),
            level_colour(level.level),
            markup.text(level.level.title())
        );
    }

    // The team's points, with their values as tooltips.
    out.push_str(&format!("<g class=\"team-points\" fill=\"{TEAM}\">\n"));
    for (i, dimension) in result.dimensions.iter().enumerate() {
        if let Some(stats) = dimension.stats {
            let (x, y) = radar_point(i, n, stats.mean.get());
            let _ = writeln!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\"><title>{}</title></circle>",
                num(x),
                num(y),
                markup.text(&format!("{}: {}", dimension.name, score(stats.mean)))
            );
        }
    }
    out.push_str("</g>\n");

    // Axis labels: the dimension's name and the team's mean.
    out.push_str("<g class=\"axis-labels\">\n");
    for (i, dimension) in result.dimensions.iter().enumerate() {
        let (sin, cos) = axis_angle(i, n);
        let (x, y) = (
            RADAR_CX + (RADAR_R + 18.0) * sin,
            RADAR_CY - (RADAR_R + 18.0) * cos,
        );
        let (anchor, width, max_lines) = if sin.abs() < 0.2 {
            ("middle", 30, 2)
        } else if sin > 0.0 {
            ("start", 20, 3)
        } else {
            ("end", 20, 3)
        };
        let mut lines = wrap(&dimension.name, width, max_lines);
        let value = dimension
            .stats
            .map_or_else(|| "no answers".to_owned(), |s| score(s.mean));
        lines.push(value);
        #[allow(clippy::cast_precision_loss)] // at most four lines
        let count = lines.len() as f64;
        let step = 15.0;
        // Lines grow away from the chart: upwards above it, downwards below it,
        // and around the point at the sides.
        let first = if cos > 0.5 {
            y - step * (count - 1.0)
        } else if cos < -0.5 {
            y + 12.0
        } else {
            y + 4.0 - step * (count - 1.0) / 2.0
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">",
            num(x),
            num(first)
        );
        let last = lines.len().saturating_sub(1);
        for (j, line) in lines.iter().enumerate() {
            let dy = if j == 0 {
                String::new()
            } else {
                format!(" dy=\"{}\"", num(step))
            };
            let style = if j == last {
                format!(" font-weight=\"700\" fill=\"{TEAM}\"")
            } else {
                String::new()
            };
            let _ = write!(
                out,
                "<tspan x=\"{}\"{dy}{style}>{}</tspan>",
                num(x),
                markup.text(line)
            );
        }
        out.push_str("</text>\n");
    }
    out.push_str("</g>\n");

    // The legend.
    out.push_str("<g class=\"legend\">\n");
    text_lines(
        markup,
        &mut out,
        (LEGEND_X, 104.0),
        0.0,
        "start",
        " font-weight=\"700\"",
        &[String::from("Mean score, 0 to 100")],
    );
    let mut y = 132.0;
    let entry = |out: &mut String, y: f64, series: &str, swatch: String, label: &str| {
        let _ = writeln!(
            out,
            "<g class=\"legend-entry\" data-series=\"{series}\">{swatch}<text x=\"{}\" y=\"{}\">{}</text></g>",
            num(LEGEND_X + 34.0),
            num(y + 4.5),
            markup.text(label)
        );
    };
    entry(
        &mut out,
        y,
        "team",
        format!(
            "<rect x=\"{}\" y=\"{}\" width=\"24\" height=\"14\" rx=\"2\" fill=\"{TEAM}\" \
             fill-opacity=\"0.2\" stroke=\"{TEAM}\" stroke-width=\"2.5\"/>",
            num(LEGEND_X),
            num(y - 7.0)
        ),
        &format!("Whole team ({} respondents)", result.respondents),
    );
    for level in reported(result) {
        y += 26.0;
        entry(
            &mut out,
            y,
            &format!("level-{}", level.level.as_str()),
            format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\"/>",
                num(LEGEND_X),
                num(y),
                num(LEGEND_X + 24.0),
                num(y),
                level_colour(level.level)
            ),
            &format!("{} ({})", level.level.title(), level.respondents),
        );
    }
    if let Some(earlier) = earlier {
        y += 26.0;
        let label = format!("Whole team, {} (earlier)", earlier.round);
        let lines = wrap(&label, 32, 2);
        let _ = write!(
            out,
            "<g class=\"legend-entry\" data-series=\"earlier\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" \
             y2=\"{}\" stroke=\"{EARLIER}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
            num(LEGEND_X),
            num(y),
            num(LEGEND_X + 24.0),
            num(y)
        );
        text_lines(
            markup,
            &mut out,
            (LEGEND_X + 34.0, y + 4.5),
            16.0,
            "start",
            "",
            &lines,
        );
        out.push_str("</g>\n");
        #[allow(clippy::cast_precision_loss)] // one or two lines
        let extra = (lines.len().saturating_sub(1)) as f64 * 16.0;
        y += extra;
    }
    if let Some(note) = withheld_note(result) {
        text_lines(
            markup,
            &mut out,
            (LEGEND_X, y + 36.0),
            15.0,
            "start",
            &format!(" font-size=\"12\" fill=\"{MUTED}\""),
            &wrap(&note, 42, 4),
        );
    }
    out.push_str("</g>\n</svg>\n");
    out
}

// ---------------------------------------------------------------------------
// The gap chart
// ---------------------------------------------------------------------------

const GAP_WIDTH: f64 = 960.0;
const GAP_X0: f64 = 360.0;
const GAP_X1: f64 = 800.0;
const GAP_LABEL_X: f64 = 876.0;
const GAP_TOP: f64 = 100.0;
const GAP_ROW: f64 = 48.0;

fn gap_x(value: f64) -> f64 {
    GAP_X0 + (GAP_X1 - GAP_X0) * value.clamp(0.0, 100.0) / 100.0
}

pub(crate) fn gaps(result: &RoundResult, embedding: Embedding) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let markup = embedding.markup();
    let shown: Vec<&LevelResult> = reported(result).collect();
    #[allow(clippy::cast_precision_loss)] // a handful of dimensions
    let rows = result.dimensions.len() as f64;
    let legend_y = GAP_TOP + rows * GAP_ROW + 32.0;
    let note = withheld_note(result);
    let height = legend_y + 56.0 + if note.is_some() { 22.0 } else { 0.0 };
    let title = format!("From boardroom to back office: {}", result.round);
    let desc = format!(
        "Dot chart of the mean score (0 to 100) per dimension for each organizational level \
         reported ({}), with the gap between the highest and the lowest level.",
        shown
            .iter()
            .map(|l| l.level.title())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let subtitle = format!(
        "{}, {}: mean score per dimension by organizational level, 0 to 100",
        result.round, result.date
    );
    open(
        &mut out,
        embedding,
        GAP_WIDTH,
        height,
        66.0,
        &title,
        &desc,
        ("From boardroom to back office", &subtitle),
    );

    // Flagged rows shaded first, beneath the grid.
    for (i, dimension) in result.dimensions.iter().enumerate() {
        if dimension.gap.as_ref().is_some_and(|g| g.flagged) {
            #[allow(clippy::cast_precision_loss)] // a handful of dimensions
            let top = GAP_TOP + i as f64 * GAP_ROW;
            let _ = writeln!(
                out,
                "<rect class=\"flagged-row\" x=\"16\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" \
                 fill=\"{FLAG_BACKGROUND}\"/>",
                num(top + 3.0),
                num(GAP_WIDTH - 32.0),
                num(GAP_ROW - 6.0)
            );
        }
    }

    // The scale and its grid.
    let bottom = GAP_TOP + rows * GAP_ROW;
    out.push_str(&format!(
        "<g class=\"scale\" font-size=\"11\" fill=\"{MUTED}\" text-anchor=\"middle\">\n"
    ));
    for tick in [0_u8, 20, 40, 60, 80, 100] {
        let x = gap_x(f64::from(tick));
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{GRID}\"/><text x=\"{x}\" y=\"{}\">{tick}</text>",
            num(GAP_TOP - 8.0),
            num(bottom),
            num(GAP_TOP - 14.0),
            x = num(x)
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"700\" fill=\"{INK}\">Gap</text>",
        num(GAP_LABEL_X),
        num(GAP_TOP - 14.0)
    );
    out.push_str("</g>\n");

    if shown.is_empty() {
        text_lines(
            markup,
            &mut out,
            ((GAP_X0 + GAP_X1) / 2.0, GAP_TOP + 24.0),
            0.0,
            "middle",
            &format!(" fill=\"{MUTED}\""),
            &[String::from(
                "No organizational level has enough respondents to be shown",
            )],
        );
    }

    for (i, dimension) in result.dimensions.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)] // a handful of dimensions
        let top = GAP_TOP + i as f64 * GAP_ROW;
        let cy = top + GAP_ROW / 2.0;
        let flagged = dimension.gap.as_ref().is_some_and(|g| g.flagged);
        let _ = writeln!(
            out,
            "<g class=\"row{}\" data-dimension=\"{}\">",
            if flagged { " flagged" } else { "" },
            markup.attribute(dimension.id.as_str())
        );
        let lines = wrap(&dimension.name, 40, 2);
        #[allow(clippy::cast_precision_loss)] // one or two lines
        let first = cy + 4.5 - 8.0 * (lines.len().saturating_sub(1)) as f64;
        text_lines(markup, &mut out, (24.0, first), 16.0, "start", "", &lines);

        let means: Vec<(OrgLevel, f64)> = shown
            .iter()
            .filter_map(|l| {
                l.dimensions
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|s| (l.level, s.mean.get()))
            })
            .collect();
        let low = means.iter().map(|(_, m)| *m).fold(f64::INFINITY, f64::min);
        let high = means
            .iter()
            .map(|(_, m)| *m)
            .fold(f64::NEG_INFINITY, f64::max);
        if means.len() >= 2 {
            let _ = writeln!(
                out,
                "<line class=\"range\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{}\" \
                 stroke-width=\"6\" stroke-linecap=\"round\" stroke-opacity=\"0.45\"/>",
                num(gap_x(low)),
                num(gap_x(high)),
                if flagged { FLAG } else { "#9CA3AF" },
                y = num(cy)
            );
        }
        if let Some(stats) = dimension.stats {
            let x = num(gap_x(stats.mean.get()));
            let _ = writeln!(
                out,
                "<line class=\"team\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{TEAM}\" \
                 stroke-width=\"2.5\"><title>{}</title></line>",
                num(cy - 12.0),
                num(cy + 12.0),
                markup.text(&format!("Whole team: {}", score(stats.mean)))
            );
        }
        for (level, mean) in &means {
            let _ = writeln!(
                out,
                "<circle class=\"dot\" data-series=\"level-{}\" cx=\"{}\" cy=\"{}\" r=\"7\" \
                 fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"><title>{}</title></circle>",
                level.as_str(),
                num(gap_x(*mean)),
                num(cy),
                level_colour(*level),
                markup.text(&format!("{}: {}", level.title(), num(*mean)))
            );
        }
        match &dimension.gap {
            Some(gap) if gap.flagged => {
                let _ = writeln!(
                    out,
                    "<g class=\"gap flagged\"><rect x=\"{}\" y=\"{}\" width=\"64\" height=\"24\" \
                     rx=\"12\" fill=\"{FLAG}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" \
                     font-weight=\"700\" fill=\"#FFFFFF\">{}</text></g>",
                    num(GAP_LABEL_X - 32.0),
                    num(cy - 12.0),
                    num(GAP_LABEL_X),
                    num(cy + 4.5),
                    num(gap.points)
                );
            }
            Some(gap) => {
                let _ = writeln!(
                    out,
                    "<text class=\"gap\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"700\">{}</text>",
                    num(GAP_LABEL_X),
                    num(cy + 4.5),
                    num(gap.points)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<text class=\"gap\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\">–</text>",
                    num(GAP_LABEL_X),
                    num(cy + 4.5)
                );
            }
        }
        out.push_str("</g>\n");
    }

    // The legend: one row for the series, one for reading the gap.
    out.push_str("<g class=\"legend\">\n");
    let mut x = 24.0;
    for level in &shown {
        let label = format!("{} ({})", level.level.title(), level.respondents);
        let _ = writeln!(
            out,
            "<g class=\"legend-entry\" data-series=\"level-{}\"><circle cx=\"{}\" cy=\"{}\" r=\"7\" \
             fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text></g>",
            level.level.as_str(),
            num(x + 7.0),
            num(legend_y),
            level_colour(level.level),
            num(x + 20.0),
            num(legend_y + 4.5),
            markup.text(&label)
        );
        #[allow(clippy::cast_precision_loss)] // a short label
        let width = label.chars().count() as f64 * 7.2;
        x += 40.0 + width;
    }
    let _ = writeln!(
        out,
        "<g class=\"legend-entry\" data-series=\"team\"><line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" \
         stroke=\"{TEAM}\" stroke-width=\"2.5\"/><text x=\"{}\" y=\"{}\">Whole team</text></g>",
        num(legend_y - 10.0),
        num(legend_y + 10.0),
        num(x + 12.0),
        num(legend_y + 4.5),
        x = num(x + 2.0)
    );
    let second = legend_y + 30.0;
    let _ = writeln!(
        out,
        "<g class=\"legend-entry\" data-series=\"flagged\"><rect x=\"24\" y=\"{}\" width=\"44\" \
         height=\"20\" rx=\"10\" fill=\"{FLAG}\"/><text x=\"46\" y=\"{}\" text-anchor=\"middle\" \
         font-size=\"11\" font-weight=\"700\" fill=\"#FFFFFF\">gap</text><text x=\"80\" y=\"{}\">\
         Flagged: the levels are further apart than the threshold. Gap: points between the \
         highest and the lowest level.</text></g>",
        num(second - 10.0),
        num(second + 4.0),
        num(second + 4.5)
    );
    if let Some(note) = note {
        text_lines(
            markup,
            &mut out,
            (24.0, second + 26.0),
            0.0,
            "start",
            &format!(" font-size=\"12\" fill=\"{MUTED}\""),
            &wrap(&note, 130, 1),
        );
    }
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_one_decimal() {
        assert_eq!(num(1.25), "1.2");
        assert_eq!(num(-0.04), "0.0");
        assert_eq!(num(100.0), "100.0");
    }

    #[test]
    fn wrapping_keeps_words() {
        assert_eq!(
            wrap("Proposition and experience across touch points", 20, 3),
            ["Proposition and", "experience across", "touch points"]
        );
        assert_eq!(wrap("a b c d e f", 3, 2), ["a b", "c…"]);
        assert!(wrap("", 10, 2).is_empty());
    }

    #[test]
    fn the_first_axis_points_up() {
        let (x, y) = radar_point(0, 6, 100.0);
        assert!((x - RADAR_CX).abs() < 1e-9);
        assert!((y - (RADAR_CY - RADAR_R)).abs() < 1e-9);
    }
}
