//! The charts of a value study: the customer value map and the head-to-head
//! chart of the attribute ratios, written through the [`Svg`] writer.

use crate::render::svg::{Embedding, FLAG, GRID, MUTED, TEAM, num, wrap};
use crate::render::writer::Svg;
use crate::value::{AttributeResult, MapPosition, StudyResult, ValueStudy};

/// The colours of the competitors, in the study's order: the Okabe-Ito
/// palette (less the blue nearest our navy), which stays distinct for readers
/// with colour-vision deficiencies.
const COMPETITORS: [&str; 6] = [
    "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7A5C00",
];

/// The colour of the `k`-th competitor (0 for the first).
fn competitor_colour(k: usize) -> &'static str {
    COMPETITORS
        .get(k % COMPETITORS.len())
        .copied()
        .unwrap_or("#D55E00")
}

/// Where we win (a ratio above 1).
const WIN: &str = "#15803D";

/// A ratio as the charts and reports write it: two decimals.
pub(crate) fn ratio(value: f64) -> String {
    let text = format!("{:.2}", value + 0.0);
    if text == "-0.00" {
        "0.00".to_owned()
    } else {
        text
    }
}

/// A scale that holds every value and 1 (parity): its ends, rounded out to
/// its tick step, and the step. The far end is at most 3 past the near one,
/// so one outlier cannot squash the rest; values past it are drawn at the end.
fn scale(values: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let (mut low, mut high) = (1.0_f64, 1.0_f64);
    for value in values.filter(|v| v.is_finite()) {
        low = low.min(value);
        high = high.max(value);
    }
    let high = high.min(low + 3.0);
    let span = (high - low).max(0.2);
    let step = if span <= 0.6 {
        0.1
    } else if span <= 1.5 {
        0.25
    } else {
        0.5
    };
    let pad = span * 0.08;
    let low = (((low - pad) / step).floor() * step).max(0.0);
    let high = ((high + pad) / step).ceil() * step;
    (low, high, step)
}

/// The ticks of a scale from `low` to `high`, every `step`.
fn ticks(low: f64, high: f64, step: f64) -> Vec<f64> {
    let mut ticks = Vec::new();
    let mut i = 0_u32;
    loop {
        let tick = low + f64::from(i) * step;
        if tick > high + step / 1000.0 || i > 64 {
            break;
        }
        ticks.push(tick);
        i += 1;
    }
    ticks
}

/// A tick's label: as many decimals as the step needs.
fn tick_label(value: f64, step: f64) -> String {
    if (step * 10.0).fract().abs() < 1e-9 {
        format!("{:.1}", value + 0.0)
    } else {
        format!("{:.2}", value + 0.0)
    }
}

/// Maps `value` on a scale from `low` to `high` onto `from` to `to`, clamped.
fn place(value: f64, (low, high): (f64, f64), (from, to): (f64, f64)) -> f64 {
    let share = if high > low && value.is_finite() {
        ((value - low) / (high - low)).clamp(0.0, 1.0)
    } else {
        0.5
    };
    from + (to - from) * share
}

/// The names of the offers, ours first, by id.
fn offer_name<'a>(study: &'a ValueStudy, id: &'a str) -> &'a str {
    study
        .offers()
        .find(|o| o.id.as_str() == id)
        .map_or(id, |o| o.name.as_str())
}

// ---------------------------------------------------------------------------
// The customer value map
// ---------------------------------------------------------------------------

const MAP_WIDTH: f64 = 960.0;
const MAP_HEIGHT: f64 = 540.0;
const MAP_X: (f64, f64) = (104.0, 584.0);
/// Top and bottom of the plot: y grows downwards, quality upwards.
const MAP_Y: (f64, f64) = (96.0, 460.0);
const PANEL_X: f64 = 640.0;

/// Where an offer sits on the map, in the chart's coordinates.
struct Placed<'a> {
    position: &'a MapPosition,
    colour: &'static str,
    x: f64,
    y: f64,
}

fn map_colour(position: &MapPosition, k: usize) -> &'static str {
    if position.ours {
        TEAM
    } else {
        competitor_colour(k)
    }
}

/// Where the labels go: beside each point, away from the right edge, moved
/// down while they would overlap a label already placed.
fn label_spots(placed: &[Placed<'_>]) -> Vec<(f64, f64, &'static str, Vec<String>)> {
    let mut spots: Vec<(f64, f64, &'static str, Vec<String>)> = Vec::new();
    for p in placed {
        let lines = wrap(&p.position.name, 22, 2);
        let right = p.x < MAP_X.1 - 150.0;
        let (x, anchor) = if right {
            (p.x + 14.0, "start")
        } else {
            (p.x - 14.0, "end")
        };
        #[allow(clippy::cast_precision_loss)] // one or two lines
        let height = 15.0 * lines.len() as f64;
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        #[allow(clippy::cast_precision_loss)] // a short label
        let width = width as f64 * 7.4;
        let span = |x: f64, anchor: &str| {
            if anchor == "start" {
                (x, x + width)
            } else {
                (x - width, x)
            }
        };
        let mut y = p.y + 4.5;
        for _ in 0..12 {
            let (a, b) = span(x, anchor);
            let clash = spots.iter().any(|(ox, oy, oanchor, olines)| {
                #[allow(clippy::cast_precision_loss)] // one or two lines
                let oheight = 15.0 * olines.len() as f64;
                let owidth = olines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                #[allow(clippy::cast_precision_loss)] // a short label
                let owidth = owidth as f64 * 7.4;
                let (c, d) = if *oanchor == "start" {
                    (*ox, ox + owidth)
                } else {
                    (ox - owidth, *ox)
                };
                a < d && c < b && y < oy + oheight && *oy < y + height
            });
            if !clash {
                break;
            }
            y += 15.0;
        }
        spots.push((x, y.min(MAP_Y.1 + 20.0), anchor, lines));
    }
    spots
}

pub(crate) fn value_map(result: &StudyResult, study: &ValueStudy, embedding: Embedding) -> String {
    let ours = &study.our_offer.name;
    let title = format!("Customer value map: {}", study.name);
    let desc = format!(
        "Scatter chart of each offer's relative perceived price (across) against its relative \
         perceived quality (up), each against the mean of the other offers, in {}, with \
         the fair-value line where quality is what the price asks for; {ours}'s offer is \
         highlighted.",
        study.market
    );
    let subtitle = format!(
        "As of {}: relative perceived price against relative perceived quality, each offer \
         against the mean of the others (1.0)",
        study.as_of
    );
    let mut svg = Svg::new(embedding, (MAP_WIDTH, MAP_HEIGHT), 66.0, &title, &desc);
    svg.heading("Customer value map", &subtitle);

    let mut competitor = 0;
    let mut colours = Vec::with_capacity(result.value_map.len());
    for position in &result.value_map {
        colours.push(map_colour(position, competitor));
        if !position.ours {
            competitor += 1;
        }
    }
    let shown = || {
        result.value_map.iter().filter_map(|p| {
            p.relative_price
                .zip(p.relative_quality)
                .filter(|(x, y)| x.is_finite() && y.is_finite())
        })
    };
    let (low, high, step) = scale(shown().flat_map(|(x, y)| [x, y]));
    let x_at = |v: f64| place(v, (low, high), MAP_X);
    let y_at = |v: f64| place(v, (low, high), (MAP_Y.1, MAP_Y.0));
    let (x0, x1, top, bottom) = (MAP_X.0, MAP_X.1, MAP_Y.0, MAP_Y.1);

    // Above the fair-value line, better value; below it, worse.
    svg.empty(
        "polygon",
        &[
            ("class", "better".into()),
            (
                "points",
                better_triangle(x0, x1, top, bottom).as_str().into(),
            ),
            ("fill", "#ECFDF3".into()),
        ],
    );
    svg.empty(
        "polygon",
        &[
            ("class", "worse".into()),
            (
                "points",
                worse_triangle(x0, x1, top, bottom).as_str().into(),
            ),
            ("fill", "#FEF3F2".into()),
        ],
    );
    svg.text(
        "text",
        &[
            ("x", (x0 + 12.0).into()),
            ("y", (top + 22.0).into()),
            ("fill", WIN.into()),
            ("font-weight", "700".into()),
        ],
        "Better value: gains share",
    );
    svg.text(
        "text",
        &[
            ("x", (x1 - 12.0).into()),
            ("y", (bottom - 12.0).into()),
            ("text-anchor", "end".into()),
            ("fill", FLAG.into()),
            ("font-weight", "700".into()),
        ],
        "Worse value: loses share",
    );

    // The grid and the scales.
    svg.open(
        "g",
        &[
            ("class", "scale".into()),
            ("font-size", "11".into()),
            ("fill", MUTED.into()),
        ],
    );
    for tick in ticks(low, high, step) {
        let (x, y) = (x_at(tick), y_at(tick));
        let parity = (tick - 1.0).abs() < 1e-9;
        let stroke = if parity { "#9CA3AF" } else { GRID };
        svg.empty(
            "line",
            &[
                ("x1", x.into()),
                ("y1", top.into()),
                ("x2", x.into()),
                ("y2", bottom.into()),
                ("stroke", stroke.into()),
                ("stroke-opacity", "0.7".into()),
            ],
        );
        svg.empty(
            "line",
            &[
                ("x1", x0.into()),
                ("y1", y.into()),
                ("x2", x1.into()),
                ("y2", y.into()),
                ("stroke", stroke.into()),
                ("stroke-opacity", "0.7".into()),
            ],
        );
        let label = tick_label(tick, step);
        svg.text(
            "text",
            &[
                ("x", x.into()),
                ("y", (bottom + 16.0).into()),
                ("text-anchor", "middle".into()),
            ],
            &label,
        );
        svg.text(
            "text",
            &[
                ("x", (x0 - 8.0).into()),
                ("y", (y + 4.0).into()),
                ("text-anchor", "end".into()),
            ],
            &label,
        );
    }
    svg.close("g");
    svg.empty(
        "rect",
        &[
            ("x", x0.into()),
            ("y", top.into()),
            ("width", (x1 - x0).into()),
            ("height", (bottom - top).into()),
            ("fill", "none".into()),
            ("stroke", "#9CA3AF".into()),
        ],
    );
    svg.text(
        "text",
        &[
            ("x", ((x0 + x1) / 2.0).into()),
            ("y", (bottom + 38.0).into()),
            ("text-anchor", "middle".into()),
            ("font-weight", "700".into()),
        ],
        "Relative perceived price (right: dearer)",
    );
    let (ax, ay) = (x0 - 48.0, (top + bottom) / 2.0);
    let rotate = format!("rotate(-90 {} {})", num(ax), num(ay));
    svg.text(
        "text",
        &[
            ("x", ax.into()),
            ("y", ay.into()),
            ("transform", rotate.as_str().into()),
            ("text-anchor", "middle".into()),
            ("font-weight", "700".into()),
        ],
        "Relative perceived quality (up: better)",
    );

    // The fair-value line: quality just what the price asks for.
    svg.tipped(
        "line",
        &[
            ("class", "fair-value".into()),
            ("x1", x0.into()),
            ("y1", bottom.into()),
            ("x2", x1.into()),
            ("y2", top.into()),
            ("stroke", "#374151".into()),
            ("stroke-width", "1.5".into()),
            ("stroke-dasharray", "6 4".into()),
        ],
        "Fair-value line: relative quality equals relative price",
    );
    svg.text(
        "text",
        &[
            ("x", (x1 - 6.0).into()),
            ("y", (top + 40.0).into()),
            ("text-anchor", "end".into()),
            ("fill", "#374151".into()),
            ("font-size", "12".into()),
        ],
        "fair value",
    );

    // The offers: competitors first, ours on top.
    let mut placed: Vec<Placed<'_>> = Vec::new();
    for (position, colour) in result.value_map.iter().zip(&colours) {
        if let (Some(price), Some(quality)) = (position.relative_price, position.relative_quality)
            && price.is_finite()
            && quality.is_finite()
        {
            placed.push(Placed {
                position,
                colour,
                x: x_at(price),
                y: y_at(quality),
            });
        }
    }
    placed.sort_by_key(|p| p.position.ours);
    let spots = label_spots(&placed);
    for (p, (lx, ly, anchor, lines)) in placed.iter().zip(&spots) {
        let position = p.position;
        let ours_flag = if position.ours { "true" } else { "false" };
        svg.open(
            "g",
            &[
                ("class", "offer".into()),
                ("data-offer", position.offer.as_str().into()),
                ("data-ours", ours_flag.into()),
            ],
        );
        let tip = format!(
            "{}: relative price {}, relative quality {}{}",
            position.name,
            position
                .relative_price
                .map_or_else(|| "–".to_owned(), ratio),
            position
                .relative_quality
                .map_or_else(|| "–".to_owned(), ratio),
            position.distance.map_or_else(String::new, |d| format!(
                ", {} from the fair-value line",
                signed(d)
            ))
        );
        let r: f64 = if position.ours { 10.0 } else { 7.0 };
        if position.ours {
            svg.empty(
                "circle",
                &[
                    ("cx", p.x.into()),
                    ("cy", p.y.into()),
                    ("r", (r + 4.0).into()),
                    ("fill", "none".into()),
                    ("stroke", TEAM.into()),
                    ("stroke-width", "2".into()),
                ],
            );
        }
        svg.tipped(
            "circle",
            &[
                ("cx", p.x.into()),
                ("cy", p.y.into()),
                ("r", r.into()),
                ("fill", p.colour.into()),
                ("stroke", "#FFFFFF".into()),
                ("stroke-width", "1.5".into()),
            ],
            &tip,
        );
        let weight = if position.ours { "700" } else { "400" };
        svg.lines(
            (*lx, *ly),
            15.0,
            &[
                ("class", "label".into()),
                ("text-anchor", (*anchor).into()),
                ("font-weight", weight.into()),
                ("fill", p.colour.into()),
                ("stroke", "#FFFFFF".into()),
                ("stroke-width", "3".into()),
                ("paint-order", "stroke".into()),
            ],
            lines,
        );
        svg.close("g");
    }

    map_panel(&mut svg, result, &colours);
    svg.finish()
}

/// The part of the plot above the diagonal from its bottom left to its top right.
fn better_triangle(x0: f64, x1: f64, top: f64, bottom: f64) -> String {
    format!(
        "{},{} {},{} {},{}",
        num(x0),
        num(bottom),
        num(x0),
        num(top),
        num(x1),
        num(top)
    )
}

/// The part of the plot below the diagonal.
fn worse_triangle(x0: f64, x1: f64, top: f64, bottom: f64) -> String {
    format!(
        "{},{} {},{} {},{}",
        num(x0),
        num(bottom),
        num(x1),
        num(bottom),
        num(x1),
        num(top)
    )
}

/// A signed figure with two decimals, never `-0.00` or `+0.00`.
fn signed(value: f64) -> String {
    let text = format!("{:+.2}", value + 0.0);
    match text.as_str() {
        "-0.00" | "+0.00" => "0.00".to_owned(),
        _ => text,
    }
}

/// The legend beside the map: each offer with its figures, and the offers
/// that could not be placed.
fn map_panel(svg: &mut Svg, result: &StudyResult, colours: &[&'static str]) {
    svg.open("g", &[("class", "legend".into())]);
    svg.text(
        "text",
        &[
            ("x", PANEL_X.into()),
            ("y", 104.0.into()),
            ("font-weight", "700".into()),
        ],
        "Offers (price, quality: from the line)",
    );
    let mut y = 134.0;
    let mut unplaced = Vec::new();
    for (position, colour) in result.value_map.iter().zip(colours) {
        if y > MAP_HEIGHT - 60.0 {
            break;
        }
        let figures = match (
            position.relative_price,
            position.relative_quality,
            position.distance,
        ) {
            (Some(price), Some(quality), Some(distance)) => {
                format!("{}, {}: {}", ratio(price), ratio(quality), signed(distance))
            }
            _ => {
                unplaced.push(position.name.as_str());
                "withheld: too few ratings".to_owned()
            }
        };
        let series = if position.ours { "ours" } else { "competitor" };
        svg.open(
            "g",
            &[
                ("class", "legend-entry".into()),
                ("data-series", series.into()),
                ("data-offer", position.offer.as_str().into()),
            ],
        );
        svg.empty(
            "circle",
            &[
                ("cx", (PANEL_X + 7.0).into()),
                ("cy", (y - 4.5).into()),
                ("r", (if position.ours { 7.0 } else { 6.0 }).into()),
                ("fill", (*colour).into()),
            ],
        );
        let mut lines = wrap(&position.name, 34, 2);
        if position.ours
            && let Some(first) = lines.first_mut()
        {
            first.push_str(" (ours)");
        }
        let count = lines.len();
        lines.push(figures);
        let weight = if position.ours { "700" } else { "400" };
        svg.lines(
            (PANEL_X + 22.0, y),
            16.0,
            &[("font-weight", weight.into())],
            &lines,
        );
        svg.close("g");
        #[allow(clippy::cast_precision_loss)] // a few lines
        let used = 16.0 * (count + 1) as f64;
        y += used + 14.0;
    }
    let note = if unplaced.is_empty() {
        "Distance from the fair-value line: relative quality minus relative price; above 0 is \
         better value."
            .to_owned()
    } else {
        format!(
            "Not placed, too few ratings to compare: {}.",
            unplaced.join(", ")
        )
    };
    svg.lines(
        (PANEL_X, y.min(MAP_HEIGHT - 48.0) + 6.0),
        15.0,
        &[("font-size", "12".into()), ("fill", MUTED.into())],
        &wrap(&note, 44, 3),
    );
    svg.close("g");
}

// ---------------------------------------------------------------------------
// The head-to-head chart
// ---------------------------------------------------------------------------

const HEAD_WIDTH: f64 = 960.0;
const HEAD_NAME_X: f64 = 24.0;
const HEAD_WEIGHT_X: f64 = 350.0;
const HEAD_X: (f64, f64) = (390.0, 800.0);
const HEAD_VALUE_X: f64 = 876.0;
const HEAD_TOP: f64 = 104.0;
const HEAD_ROW: f64 = 44.0;

/// The attributes by their weight in the CVA, the heaviest first (the study's
/// order where they weigh the same).
pub(crate) fn by_weight(result: &StudyResult) -> Vec<&AttributeResult> {
    let mut attributes: Vec<&AttributeResult> = result.attributes.iter().collect();
    attributes.sort_by(|a, b| b.worth_weight.total_cmp(&a.worth_weight));
    attributes
}

pub(crate) fn head_to_head(
    result: &StudyResult,
    study: &ValueStudy,
    embedding: Embedding,
) -> String {
    let attributes = by_weight(result);
    let ours = &study.our_offer.name;
    #[allow(clippy::cast_precision_loss)] // a few dozen attributes
    let rows = attributes.len() as f64;
    let legend_y = HEAD_TOP + rows * HEAD_ROW + 34.0;
    let height = (legend_y + 56.0).max(MAP_HEIGHT);
    let title = format!("Attributes head to head: {}", study.name);
    let desc = format!(
        "Bar chart of {ours}'s mean rating over the competitors' mean on each of {} \
         attributes in {}, heaviest first, with 1.0 (parity) marked and a dot for the ratio \
         against each competitor alone.",
        attributes.len(),
        study.market
    );
    let subtitle = format!(
        "As of {}: our mean rating over the competitors' on each attribute, the heaviest in \
         the CVA first",
        study.as_of
    );
    let mut svg = Svg::new(embedding, (HEAD_WIDTH, height), 66.0, &title, &desc);
    svg.heading("Attributes head to head", &subtitle);

    let values = attributes.iter().flat_map(|a| {
        a.ratio
            .into_iter()
            .chain(a.head_to_head.iter().filter_map(|h| h.ratio))
    });
    let (low, high, step) = scale(values);
    let x_at = |v: f64| place(v, (low, high), HEAD_X);
    let bottom = HEAD_TOP + rows * HEAD_ROW;

    // Column heads, the grid and the parity line.
    svg.open(
        "g",
        &[
            ("class", "scale".into()),
            ("font-size", "11".into()),
            ("fill", MUTED.into()),
            ("text-anchor", "middle".into()),
        ],
    );
    for tick in ticks(low, high, step) {
        let x = x_at(tick);
        svg.empty(
            "line",
            &[
                ("x1", x.into()),
                ("y1", (HEAD_TOP - 6.0).into()),
                ("x2", x.into()),
                ("y2", bottom.into()),
                ("stroke", GRID.into()),
            ],
        );
        svg.text(
            "text",
            &[("x", x.into()), ("y", (HEAD_TOP - 12.0).into())],
            &tick_label(tick, step),
        );
    }
    svg.close("g");
    let head = [
        (HEAD_NAME_X, "start", "Attribute"),
        (HEAD_WEIGHT_X, "end", "Weight"),
        (HEAD_VALUE_X, "middle", "Ratio"),
    ];
    for (x, anchor, label) in head {
        svg.text(
            "text",
            &[
                ("x", x.into()),
                ("y", (HEAD_TOP - 12.0).into()),
                ("text-anchor", anchor.into()),
                ("font-weight", "700".into()),
            ],
            label,
        );
    }

    for (i, attribute) in attributes.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)] // a few dozen attributes
        let top = HEAD_TOP + i as f64 * HEAD_ROW;
        head_row(&mut svg, attribute, top, &x_at, study);
    }
    let parity = x_at(1.0);
    svg.tipped(
        "line",
        &[
            ("class", "parity".into()),
            ("x1", parity.into()),
            ("y1", (HEAD_TOP - 6.0).into()),
            ("x2", parity.into()),
            ("y2", bottom.into()),
            ("stroke", "#374151".into()),
            ("stroke-width", "2".into()),
        ],
        "1.0: parity with the competitors",
    );

    head_legend(&mut svg, result, legend_y);
    svg.finish()
}

fn head_row(
    svg: &mut Svg,
    attribute: &AttributeResult,
    top: f64,
    x_at: &impl Fn(f64) -> f64,
    study: &ValueStudy,
) {
    let cy = top + HEAD_ROW / 2.0;
    svg.open(
        "g",
        &[
            ("class", "row".into()),
            ("data-attribute", attribute.id.as_str().into()),
            ("data-kind", attribute.kind.as_str().into()),
        ],
    );
    let lines = wrap(&attribute.name, 40, 2);
    #[allow(clippy::cast_precision_loss)] // one or two lines
    let first = cy + 4.5 - 8.0 * (lines.len().saturating_sub(1)) as f64;
    svg.lines((HEAD_NAME_X, first), 16.0, &[], &lines);
    let weight = format!("{}%", num(attribute.worth_weight * 100.0));
    svg.text(
        "text",
        &[
            ("x", HEAD_WEIGHT_X.into()),
            ("y", (cy + 4.5).into()),
            ("text-anchor", "end".into()),
            ("fill", MUTED.into()),
        ],
        &weight,
    );
    match attribute.ratio {
        Some(value) => {
            let (a, b) = (x_at(1.0), x_at(value));
            let colour = if value >= 1.0 { WIN } else { FLAG };
            let tip = format!(
                "{}: ours over the competitors' mean {}",
                attribute.name,
                ratio(value)
            );
            svg.tipped(
                "rect",
                &[
                    ("class", "bar".into()),
                    ("x", a.min(b).into()),
                    ("y", (cy - 8.0).into()),
                    ("width", (a - b).abs().max(1.0).into()),
                    ("height", 16.0.into()),
                    ("rx", "2".into()),
                    ("fill", colour.into()),
                    ("fill-opacity", "0.85".into()),
                ],
                &tip,
            );
            svg.text(
                "text",
                &[
                    ("class", "ratio".into()),
                    ("x", HEAD_VALUE_X.into()),
                    ("y", (cy + 4.5).into()),
                    ("text-anchor", "middle".into()),
                    ("font-weight", "700".into()),
                    ("fill", colour.into()),
                ],
                &ratio(value),
            );
        }
        None => {
            svg.text(
                "text",
                &[
                    ("class", "withheld".into()),
                    ("x", ((HEAD_X.0 + HEAD_X.1) / 2.0).into()),
                    ("y", (cy + 4.5).into()),
                    ("text-anchor", "middle".into()),
                    ("fill", MUTED.into()),
                    ("font-style", "italic".into()),
                ],
                "withheld: too few ratings",
            );
            svg.text(
                "text",
                &[
                    ("class", "ratio".into()),
                    ("x", HEAD_VALUE_X.into()),
                    ("y", (cy + 4.5).into()),
                    ("text-anchor", "middle".into()),
                    ("fill", MUTED.into()),
                ],
                "–",
            );
        }
    }
    for (k, versus) in attribute.head_to_head.iter().enumerate() {
        if let Some(value) = versus.ratio {
            let tip = format!(
                "Against {}: {}",
                offer_name(study, versus.competitor.as_str()),
                ratio(value)
            );
            svg.tipped(
                "circle",
                &[
                    ("class", "versus".into()),
                    ("data-competitor", versus.competitor.as_str().into()),
                    ("cx", x_at(value).into()),
                    ("cy", cy.into()),
                    ("r", "5".into()),
                    ("fill", "#FFFFFF".into()),
                    ("stroke", competitor_colour(k).into()),
                    ("stroke-width", "2.5".into()),
                ],
                &tip,
            );
        }
    }
    svg.close("g");
}

fn head_legend(svg: &mut Svg, result: &StudyResult, y: f64) {
    svg.open("g", &[("class", "legend".into())]);
    let mut x = 24.0;
    let bar = "Ours over the competitors' mean (green: we lead, red: we trail)";
    svg.open(
        "g",
        &[
            ("class", "legend-entry".into()),
            ("data-series", "ours".into()),
        ],
    );
    svg.empty(
        "rect",
        &[
            ("x", x.into()),
            ("y", (y - 8.0).into()),
            ("width", "12".into()),
            ("height", "16".into()),
            ("fill", WIN.into()),
        ],
    );
    svg.empty(
        "rect",
        &[
            ("x", (x + 12.0).into()),
            ("y", (y - 8.0).into()),
            ("width", "12".into()),
            ("height", "16".into()),
            ("fill", FLAG.into()),
        ],
    );
    svg.text(
        "text",
        &[("x", (x + 32.0).into()), ("y", (y + 4.5).into())],
        bar,
    );
    svg.close("g");
    let second = y + 28.0;
    for (k, competitor) in result.head_to_head.iter().enumerate() {
        let label = format!("Ours over {}", competitor.name);
        let label = wrap(&label, 40, 1).join(" ");
        svg.open(
            "g",
            &[
                ("class", "legend-entry".into()),
                ("data-series", "versus".into()),
                ("data-competitor", competitor.competitor.as_str().into()),
            ],
        );
        svg.empty(
            "circle",
            &[
                ("cx", (x + 6.0).into()),
                ("cy", second.into()),
                ("r", "5".into()),
                ("fill", "#FFFFFF".into()),
                ("stroke", competitor_colour(k).into()),
                ("stroke-width", "2.5".into()),
            ],
        );
        svg.text(
            "text",
            &[("x", (x + 18.0).into()), ("y", (second + 4.5).into())],
            &label,
        );
        svg.close("g");
        #[allow(clippy::cast_precision_loss)] // a short label
        let width = label.chars().count() as f64 * 7.2;
        x += 40.0 + width;
        if x > HEAD_WIDTH - 200.0 {
            break;
        }
    }
    svg.close("g");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_holds_parity_and_every_value() {
        let (low, high, step) = scale([0.79, 1.53].into_iter());
        assert!(low <= 0.79 && high >= 1.53, "{low} {high}");
        assert!((step - 0.25).abs() < 1e-12);
        let (low, high, _) = scale(std::iter::empty());
        assert!(low < 1.0 && high > 1.0);
        // An outlier does not squash the rest.
        let (low, high, _) = scale([0.5, 100.0].into_iter());
        assert!(high - low <= 4.5 && low <= 0.5, "{low} {high}");
        assert_eq!(scale([f64::NAN].into_iter()), scale(std::iter::empty()));
    }

    #[test]
    fn ticks_run_from_end_to_end() {
        let ticks = ticks(0.5, 1.0, 0.25);
        assert_eq!(ticks.len(), 3);
        assert_eq!(tick_label(0.75, 0.25), "0.75");
        assert_eq!(tick_label(0.7, 0.1), "0.7");
    }

    #[test]
    fn places_are_clamped() {
        assert_eq!(place(5.0, (0.0, 2.0), (10.0, 20.0)), 20.0);
        assert_eq!(place(f64::NAN, (0.0, 2.0), (10.0, 20.0)), 15.0);
        assert_eq!(ratio(-0.001), "0.00");
    }
}
