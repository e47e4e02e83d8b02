//! The `render` feature: the SVG charts are well-formed XML that draws what the
//! results say, the Markdown and HTML reports carry every section and number,
//! the HTML is self-contained, text from documents is escaped everywhere, and
//! the same input always gives the same bytes.
#![cfg(feature = "render")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use customer_strategy::render::{
    ReviewReport, gap_chart, head_to_head_chart, html_report, markdown_report, radar_chart,
    value_map_chart,
};
use customer_strategy::validate::{Profile, Report, RuleSet};
use customer_strategy::{AnalysisOptions, StudyResult, ValueStudy, analyse};
use customer_strategy::{
    Assessment, Canvas, CultureSignals, Document, Instrument, OrganizationReview, ReviewOptions,
    ReviewResult, Round, RoundResult, Scorer, ScoringOptions, Trend, Verdict, rules,
};
use proptest::prelude::*;
use proptest::test_runner::RngAlgorithm;
use roxmltree::{Document as Xml, Node};

// ---------------------------------------------------------------------------
// The sample bank, scored and reviewed as the assessment_flow example does
// ---------------------------------------------------------------------------

struct Sample {
    canvas: Canvas,
    canvas_checks: Report,
    result: RoundResult,
    earlier: RoundResult,
    trend: Trend,
    review: ReviewResult,
    review_checks: Report,
}

impl Sample {
    fn report(&self) -> ReviewReport<'_> {
        ReviewReport::new(
            &self.canvas.metadata.organization,
            &self.result,
            &self.review,
            &self.review_checks,
        )
        .with_canvas(&self.canvas)
        .with_canvas_checks(&self.canvas_checks)
        .with_earlier(&self.earlier)
        .with_trend(&self.trend)
    }
}

fn sample_with(options: ScoringOptions) -> Sample {
    let instrument = Instrument::customer_strategy_maturity().unwrap();
    let round = Round::from_toml(include_str!("../examples/data/team_round_2026.toml")).unwrap();
    let earlier = Round::from_toml(include_str!("../examples/data/team_round_2025.toml")).unwrap();
    let canvas =
        Canvas::from_toml(include_str!("../examples/data/harbour_bank_canvas.toml")).unwrap();
    let signals =
        CultureSignals::from_toml(include_str!("../examples/data/harbour_bank_culture.toml"))
            .unwrap();
    let scorer = Scorer::new(&instrument).unwrap();
    let result = scorer.score_round(&round, &options);
    let earlier = scorer.score_round(&earlier, &options);
    let trend = Trend::between(&earlier, &result);
    let canvas_checks = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap()
        .validate(&canvas, Profile::Final);
    let organization = OrganizationReview {
        canvas: Some(canvas.clone()),
        signals: Some(signals),
        assessment: Some(Assessment {
            instrument: instrument.clone(),
            round,
        }),
        value: None,
    };
    let review = organization
        .assess(&ReviewOptions::default().with_scoring(options))
        .unwrap();
    let review_checks = RuleSet::<OrganizationReview>::builder()
        .rules(rules::culture())
        .rules(rules::review())
        .build()
        .unwrap()
        .validate(&organization, Profile::Final);
    Sample {
        canvas,
        canvas_checks,
        result,
        earlier,
        trend,
        review,
        review_checks,
    }
}

fn sample() -> Sample {
    sample_with(ScoringOptions::default())
}

// ---------------------------------------------------------------------------
// Reading SVG
// ---------------------------------------------------------------------------

const SVG: &str = "http://www.w3.org/2000/svg";

fn parse(svg: &str) -> Xml<'_> {
    Xml::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"))
}

/// The view box as (min x, min y, width, height).
fn view_box(doc: &Xml<'_>) -> (f64, f64, f64, f64) {
    let values: Vec<f64> = doc
        .root_element()
        .attribute("viewBox")
        .unwrap()
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    (values[0], values[1], values[2], values[3])
}

fn elements<'a>(doc: &'a Xml<'a>, tag: &'a str) -> impl Iterator<Item = Node<'a, 'a>> + 'a {
    doc.descendants()
        .filter(move |n| n.is_element() && n.tag_name().name() == tag)
}

fn series<'a>(doc: &'a Xml<'a>) -> Vec<Node<'a, 'a>> {
    elements(doc, "polygon")
        .filter(|n| n.attribute("class") == Some("series"))
        .collect()
}

fn points(node: Node<'_, '_>) -> Vec<(f64, f64)> {
    node.attribute("points")
        .unwrap()
        .split_whitespace()
        .map(|pair| {
            let (x, y) = pair.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The text of an element and all its descendants.
fn text_of(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// Every coordinate in the drawing lies within the view box.
fn assert_within_view_box(doc: &Xml<'_>) {
    let (min_x, min_y, width, height) = view_box(doc);
    let inside_x = |x: f64| (min_x..=min_x + width).contains(&x);
    let inside_y = |y: f64| (min_y..=min_y + height).contains(&y);
    for node in doc.descendants().filter(|n| n.is_element()) {
        for (name, horizontal) in [
            ("x", true),
            ("x1", true),
            ("x2", true),
            ("cx", true),
            ("y", false),
            ("y1", false),
            ("y2", false),
            ("cy", false),
        ] {
            if let Some(value) = node.attribute(name) {
                let value: f64 = value.parse().unwrap();
                let ok = if horizontal {
                    inside_x(value)
                } else {
                    inside_y(value)
                };
                assert!(
                    ok,
                    "{name}={value} of <{}> is outside the view box",
                    node.tag_name().name()
                );
            }
        }
        if let (Some(cx), Some(cy), Some(r)) = (
            node.attribute("cx"),
            node.attribute("cy"),
            node.attribute("r"),
        ) {
            let (cx, cy, r): (f64, f64, f64) =
                (cx.parse().unwrap(), cy.parse().unwrap(), r.parse().unwrap());
            assert!(inside_x(cx - r) && inside_x(cx + r) && inside_y(cy - r) && inside_y(cy + r));
        }
        if node.has_attribute("points") {
            for (x, y) in points(node) {
                assert!(
                    inside_x(x) && inside_y(y),
                    "point {x},{y} outside the view box"
                );
            }
        }
    }
}

/// The centre and radius of the radar's outer ring (the 100 ring).
fn outer_ring(doc: &Xml<'_>) -> (f64, f64, f64) {
    let ring = elements(doc, "circle")
        .find(|n| n.attribute("data-ring") == Some("100"))
        .unwrap();
    let get = |name: &str| -> f64 { ring.attribute(name).unwrap().parse().unwrap() };
    (get("cx"), get("cy"), get("r"))
}

fn legend_series<'a>(doc: &'a Xml<'a>) -> Vec<(&'a str, String)> {
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("legend-entry"))
        .map(|n| (n.attribute("data-series").unwrap(), text_of(n)))
        .collect()
}

fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}

// ---------------------------------------------------------------------------
// The radar chart
// ---------------------------------------------------------------------------

#[test]
fn radar_is_a_standalone_svg_sized_for_a_slide() {
    let sample = sample();
    let svg = radar_chart(&sample.result, Some(&sample.earlier));
    let doc = parse(&svg);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some(SVG));
    assert_eq!(view_box(&doc), (0.0, 0.0, 960.0, 540.0));
    assert!(
        root.attribute("font-family")
            .unwrap()
            .contains("sans-serif")
    );
    assert!(elements(&doc, "title").next().is_some());
    // Nothing is fetched: no links, images, scripts or external styles.
    for tag in ["image", "script", "use", "a", "style", "foreignObject"] {
        assert!(elements(&doc, tag).next().is_none(), "<{tag}> in the radar");
    }
    assert!(!svg.contains("href"));
    assert_within_view_box(&doc);
}

#[test]
fn radar_draws_one_polygon_per_series_and_dashes_the_earlier_round() {
    let sample = sample();
    let svg = radar_chart(&sample.result, Some(&sample.earlier));
    let doc = parse(&svg);
    let reported: Vec<_> = sample.result.levels.iter().filter(|l| l.reported).collect();
    assert_eq!(reported.len(), 4);

    let series = series(&doc);
    let names: Vec<&str> = series
        .iter()
        .map(|n| n.attribute("data-series").unwrap())
        .collect();
    let mut expected = vec!["earlier".to_owned(), "team".to_owned()];
    expected.extend(
        reported
            .iter()
            .map(|l| format!("level-{}", l.level.as_str())),
    );
    assert_eq!(names, expected);
    for node in &series {
        let dashed = node.has_attribute("stroke-dasharray");
        assert_eq!(dashed, node.attribute("data-series") == Some("earlier"));
        assert_eq!(points(*node).len(), sample.result.dimensions.len());
    }
    // The team is filled; the lines are not.
    let team = series
        .iter()
        .find(|n| n.attribute("data-series") == Some("team"))
        .unwrap();
    assert_ne!(team.attribute("fill"), Some("none"));
    let colours: std::collections::BTreeSet<&str> = series
        .iter()
        .filter(|n| n.attribute("data-series").unwrap().starts_with("level-"))
        .map(|n| n.attribute("stroke").unwrap())
        .collect();
    assert_eq!(
        colours.len(),
        reported.len(),
        "each level has its own colour"
    );
}

#[test]
fn radar_legend_names_every_series() {
    let sample = sample();
    let svg = radar_chart(&sample.result, Some(&sample.earlier));
    let doc = parse(&svg);
    let legend = legend_series(&doc);
    let keys: Vec<&str> = legend.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        [
            "team",
            "level-board",
            "level-executive",
            "level-manager",
            "level-front_line",
            "earlier"
        ]
    );
    for level in sample.result.levels.iter().filter(|l| l.reported) {
        let (_, label) = legend
            .iter()
            .find(|(k, _)| *k == format!("level-{}", level.level.as_str()))
            .unwrap();
        assert!(label.contains(level.level.title()), "{label}");
    }
    let (_, earlier) = legend.iter().find(|(k, _)| *k == "earlier").unwrap();
    assert!(earlier.contains(&sample.earlier.round), "{earlier}");
    // A legend entry's swatch for the earlier round is dashed too.
    let entry = doc
        .descendants()
        .find(|n| {
            n.attribute("class") == Some("legend-entry")
                && n.attribute("data-series") == Some("earlier")
        })
        .unwrap();
    assert!(
        entry
            .descendants()
            .any(|n| n.has_attribute("stroke-dasharray"))
    );
}

#[test]
fn radar_vertices_sit_at_the_means() {
    let sample = sample();
    let r = &sample.result;
    let svg = radar_chart(r, Some(&sample.earlier));
    let doc = parse(&svg);
    let (cx, cy, radius) = outer_ring(&doc);
    let value_at = |(x, y): (f64, f64)| ((x - cx).hypot(y - cy)) / radius * 100.0;
    for node in series(&doc) {
        let key = node.attribute("data-series").unwrap();
        let expected: Vec<f64> = match key {
            "team" => r
                .dimensions
                .iter()
                .map(|d| d.stats.unwrap().mean.get())
                .collect(),
            "earlier" => r
                .dimensions
                .iter()
                .map(|d| {
                    sample
                        .earlier
                        .dimension(d.id.as_str())
                        .unwrap()
                        .stats
                        .unwrap()
                        .mean
                        .get()
                })
                .collect(),
            level => {
                let level = r
                    .levels
                    .iter()
                    .find(|l| format!("level-{}", l.level.as_str()) == level)
                    .unwrap();
                level
                    .dimensions
                    .iter()
                    .map(|s| s.unwrap().mean.get())
                    .collect()
            }
        };
        for (point, mean) in points(node).into_iter().zip(expected) {
            let value = value_at(point);
            assert!((0.0..=100.0).contains(&value));
            assert!(
                (value - mean).abs() < 0.1,
                "{key}: drawn at {value}, mean {mean}"
            );
        }
    }
    // The first axis points straight up.
    let team = series(&doc)
        .into_iter()
        .find(|n| n.attribute("data-series") == Some("team"))
        .unwrap();
    let (x, y) = points(team)[0];
    assert!((x - cx).abs() < 0.06 && y < cy);
}

#[test]
fn radar_has_rings_and_labelled_axes() {
    let sample = sample();
    let svg = radar_chart(&sample.result, None);
    let doc = parse(&svg);
    let rings: Vec<&str> = elements(&doc, "circle")
        .filter_map(|n| n.attribute("data-ring"))
        .collect();
    assert_eq!(rings, ["20", "40", "60", "80", "100"]);
    let labels = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("axis-labels"))
        .unwrap();
    let texts: Vec<String> = labels
        .children()
        .filter(|n| n.is_element())
        .map(|n| {
            n.children()
                .filter_map(|t| t.text())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(texts.len(), sample.result.dimensions.len());
    for (text, dimension) in texts.iter().zip(&sample.result.dimensions) {
        assert!(
            text.starts_with(&dimension.name),
            "{text} / {}",
            dimension.name
        );
        assert!(text.ends_with(&one_decimal(dimension.stats.unwrap().mean.get())));
    }
    // Without an earlier round, nothing is dashed and the legend does not name one.
    assert!(!svg.contains("stroke-dasharray"));
    assert!(legend_series(&doc).iter().all(|(k, _)| *k != "earlier"));
}

#[test]
fn radar_leaves_out_levels_with_too_few_respondents() {
    let sample = sample_with(ScoringOptions::default().with_min_group_size(6));
    let reported: Vec<String> = sample
        .result
        .levels
        .iter()
        .filter(|l| l.reported)
        .map(|l| format!("level-{}", l.level.as_str()))
        .collect();
    assert_eq!(reported, ["level-manager", "level-front_line"]);
    let svg = radar_chart(&sample.result, None);
    let doc = parse(&svg);
    let drawn: Vec<&str> = series(&doc)
        .iter()
        .filter_map(|n| n.attribute("data-series"))
        .filter(|k| k.starts_with("level-"))
        .collect();
    assert_eq!(drawn, reported);
    assert!(
        text_of(doc.root_element()).contains("Board (4)"),
        "the withheld levels are named"
    );
    assert_within_view_box(&doc);
}

// ---------------------------------------------------------------------------
// The gap chart
// ---------------------------------------------------------------------------

#[test]
fn gap_chart_shows_each_level_per_dimension_and_marks_flagged_gaps() {
    let sample = sample();
    let r = &sample.result;
    let svg = gap_chart(r);
    let doc = parse(&svg);
    assert_eq!(doc.root_element().tag_name().namespace(), Some(SVG));
    assert_within_view_box(&doc);

    let rows: Vec<Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("row")))
        .collect();
    assert_eq!(rows.len(), r.dimensions.len());
    let reported: Vec<_> = r.levels.iter().filter(|l| l.reported).collect();
    for (i, (row, dimension)) in rows.iter().zip(&r.dimensions).enumerate() {
        assert_eq!(row.attribute("data-dimension"), Some(dimension.id.as_str()));
        // Long names wrap onto lines of their own.
        let squeezed = |t: &str| t.split_whitespace().collect::<String>();
        assert!(squeezed(&text_of(*row)).contains(&squeezed(&dimension.name)));
        // One dot per reported level, whose tooltip is the level's mean.
        let dots: Vec<Node<'_, '_>> = row
            .descendants()
            .filter(|n| n.attribute("class") == Some("dot"))
            .collect();
        assert_eq!(dots.len(), reported.len());
        for (dot, level) in dots.iter().zip(&reported) {
            assert_eq!(
                dot.attribute("data-series").unwrap(),
                format!("level-{}", level.level.as_str())
            );
            let mean = level.dimensions[i].unwrap().mean.get();
            assert_eq!(
                text_of(*dot),
                format!("{}: {}", level.level.title(), one_decimal(mean))
            );
            let x: f64 = dot.attribute("cx").unwrap().parse().unwrap();
            assert!((x - (360.0 + 4.4 * mean)).abs() < 0.06, "{x} for {mean}");
        }
        // The gap, labelled; flagged gaps marked as such.
        let gap = dimension.gap.as_ref().unwrap();
        let label = row
            .descendants()
            .find(|n| n.attribute("class").is_some_and(|c| c.starts_with("gap")))
            .unwrap();
        assert_eq!(text_of(label), one_decimal(gap.points));
        assert_eq!(
            label.attribute("class") == Some("gap flagged"),
            gap.flagged,
            "{}",
            dimension.name
        );
        assert_eq!(row.attribute("class") == Some("row flagged"), gap.flagged);
    }
    let flagged = r
        .dimensions
        .iter()
        .filter(|d| d.gap.as_ref().is_some_and(|g| g.flagged))
        .count();
    assert_eq!(flagged, 4);
    assert_eq!(
        elements(&doc, "rect")
            .filter(|n| n.attribute("class") == Some("flagged-row"))
            .count(),
        flagged
    );

    let legend: Vec<&str> = legend_series(&doc).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        legend,
        [
            "level-board",
            "level-executive",
            "level-manager",
            "level-front_line",
            "team",
            "flagged"
        ]
    );
}

#[test]
fn gap_chart_without_reported_levels_says_so() {
    let sample = sample_with(ScoringOptions::default().with_min_group_size(50));
    let svg = gap_chart(&sample.result);
    let doc = parse(&svg);
    let text = text_of(doc.root_element());
    assert!(text.contains("No organizational level has enough respondents"));
    assert!(text.contains("Front line (7)"));
    assert!(!svg.contains("class=\"dot\""));
    assert_within_view_box(&doc);
}

// ---------------------------------------------------------------------------
// The Markdown report
// ---------------------------------------------------------------------------

/// The cells of a Markdown table row, split at unescaped pipes.
fn cells(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in line.trim().trim_start_matches('|').chars() {
        match c {
            '|' if !escaped => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            c => {
                escaped = c == '\\' && !escaped;
                cell.push(c);
            }
        }
    }
    cells
}

fn table_row<'a>(markdown: &'a str, first_cell: &str) -> Vec<String> {
    let line: &'a str = markdown
        .lines()
        .find(|l| l.starts_with('|') && cells(l).first().is_some_and(|c| c == first_cell))
        .unwrap_or_else(|| panic!("no table row for {first_cell}"));
    cells(line)
}

/// The text of the section under a heading, up to the next heading of the same level.
fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let start = markdown
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading}"));
    let level = heading.split(' ').next().unwrap();
    let rest = &markdown[start + heading.len() + 2..];
    let end = rest.find(&format!("\n{level} ")).unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn markdown_has_every_section() {
    let sample = sample();
    let md = markdown_report(&sample.report());
    assert!(md.starts_with("# Customer strategy review: Harbour Bank\n"));
    for heading in [
        "## Summary",
        "## Maturity by dimension",
        "## From boardroom to back office",
        "## Culture: what blocks the strategy",
        "### Promoters already in place",
        "## Next steps",
        "## Trend since Autumn 2025",
        "## Canvas completeness",
        "## Findings of the checks",
        "### Warnings (3)",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "missing {heading}");
    }
    let summary = section(&md, "## Summary");
    assert!(
        summary.contains(
            "| Maturity level | Level from the answers | Overall score | Since Autumn 2025 |"
        ),
        "{summary}"
    );
    assert!(summary.contains(&format!(
        "| **3 (Defined)** | **3 (Defined)** | **{}** | **+14.4** |",
        one_decimal(sample.result.overall.unwrap().get())
    )));
    assert!(summary.contains("3 culture blockers weighed, under their cap"));
    // Without chart files there are no images to point to.
    assert!(!md.contains("!["));
}

#[test]
fn markdown_maturity_table_matches_the_result() {
    let sample = sample();
    let md = markdown_report(&sample.report());
    let maturity = section(&md, "## Maturity by dimension");
    assert!(maturity.contains("| Dimension | Mean | Median | SD | n | Level |"));
    for d in &sample.result.dimensions {
        let stats = d.stats.unwrap();
        let level = d.level.as_ref().unwrap();
        let row = table_row(maturity, &d.name);
        assert_eq!(
            row,
            [
                d.name.clone(),
                format!("**{}**", one_decimal(stats.mean.get())),
                one_decimal(stats.median.get()),
                one_decimal(stats.sd),
                stats.n.to_string(),
                format!("{} ({})", level.number, level.name),
            ]
        );
    }
}

#[test]
fn markdown_gap_table_has_each_reported_level() {
    let sample = sample();
    let r = &sample.result;
    let md = markdown_report(&sample.report());
    let gaps = section(&md, "## From boardroom to back office");
    assert!(gaps.contains(
        "| Dimension | Board | Executives | Managers | Front line | Gap | Highest over lowest |"
    ));
    for (i, d) in r.dimensions.iter().enumerate() {
        let row = table_row(gaps, &d.name);
        for (j, level) in r.levels.iter().filter(|l| l.reported).enumerate() {
            assert_eq!(
                row[1 + j],
                one_decimal(level.dimensions[i].unwrap().mean.get())
            );
        }
        let gap = d.gap.as_ref().unwrap();
        let expected = format!("**{}**", one_decimal(gap.points));
        if gap.flagged {
            assert_eq!(row[5], format!("{expected} **flagged**"));
        } else {
            assert_eq!(row[5], expected);
        }
        assert_eq!(
            row[6],
            format!("{} over {}", gap.highest.title(), gap.lowest.title())
        );
    }
}

#[test]
fn markdown_names_blockers_evidence_promoters_and_next_steps() {
    let sample = sample();
    let md = markdown_report(&sample.report());
    let culture = section(&md, "## Culture: what blocks the strategy");
    let present: Vec<_> = sample.review.present().collect();
    assert_eq!(present.len(), 3);
    for judgement in &present {
        assert!(culture.contains(&format!("### Blocker: {}", judgement.blocker.title())));
        for evidence in judgement.evidence.iter().filter(|e| e.tripped) {
            assert!(culture.contains(&format!("`{}` is {}", evidence.subject, evidence.observed)));
        }
        for promoter in &judgement.promoters {
            assert!(culture.contains(promoter.title()), "{}", promoter.title());
        }
    }
    for judgement in sample
        .review
        .blockers
        .iter()
        .filter(|j| j.verdict == Verdict::Absent)
    {
        assert!(culture.contains(judgement.blocker.title()));
    }
    let promoters = section(&md, "### Promoters already in place");
    assert_eq!(sample.review.promoters.len(), 6);
    for promoter in &sample.review.promoters {
        let row = table_row(promoters, &format!("**{}**", promoter.promoter.title()));
        assert!(row[1].starts_with(&format!("`{}`", promoter.evidence.subject)));
    }
    let steps = section(&md, "## Next steps");
    for next in &sample.result.next_steps {
        assert!(steps.contains(&next.name));
        for step in &next.steps {
            assert!(steps.contains(&format!("- {step}")), "{step}");
        }
    }
    let trend = section(&md, "## Trend since Autumn 2025");
    for change in &sample.trend.dimensions {
        let c = change.change.unwrap();
        let row = table_row(trend, &change.name);
        assert_eq!(row[1], one_decimal(c.before.get()));
        assert_eq!(row[2], one_decimal(c.after.get()));
    }
    let canvas = section(&md, "## Canvas completeness");
    assert!(canvas.contains("**12 of 12 blocks filled**"));
    assert_eq!(table_row(canvas, "Context")[1], "2 of 2");
    let findings = section(&md, "## Findings of the checks");
    for finding in sample.review_checks.findings() {
        assert!(findings.contains(&format!("`{}`", finding.code)));
        assert!(findings.contains(&format!("`{}`", finding.path)));
    }
}

#[test]
fn markdown_shows_empty_blocks_and_chart_files() {
    let sample = sample();
    let draft =
        Canvas::from_toml(include_str!("../examples/data/workshop_draft_canvas.toml")).unwrap();
    let checks = RuleSet::<Canvas>::builder()
        .rules(rules::canvas())
        .build()
        .unwrap()
        .validate(&draft, Profile::Final);
    assert!(!checks.is_valid());
    let report = sample
        .report()
        .with_canvas(&draft)
        .with_canvas_checks(&checks)
        .with_chart_files("charts/radar.svg", "charts/gap chart.svg");
    let md = markdown_report(&report);
    assert!(md.contains("](charts/radar.svg)"));
    assert!(md.contains("](charts/gap%20chart.svg)"));
    let canvas = section(&md, "## Canvas completeness");
    let filled = draft.filled_blocks().count();
    assert!(
        canvas.contains(&format!("**{filled} of 12 blocks filled**")),
        "{canvas}"
    );
    let findings = section(&md, "## Findings of the checks");
    assert!(findings.contains("### Errors ("));
    for finding in checks.findings() {
        assert!(findings.contains(&format!("`{}`", finding.code)));
    }
}

#[test]
fn trend_is_worked_out_when_only_the_earlier_round_is_given() {
    let sample = sample();
    let given = markdown_report(&sample.report());
    let report = ReviewReport::new(
        "Harbour Bank",
        &sample.result,
        &sample.review,
        &sample.review_checks,
    )
    .with_canvas(&sample.canvas)
    .with_canvas_checks(&sample.canvas_checks)
    .with_earlier(&sample.earlier);
    assert_eq!(markdown_report(&report), given);
    let without = ReviewReport::new(
        "Harbour Bank",
        &sample.result,
        &sample.review,
        &sample.review_checks,
    );
    let md = markdown_report(&without);
    assert!(md.contains("There is no earlier round to compare with."));
    assert!(md.contains("No canvas was given."));
}

// ---------------------------------------------------------------------------
// The HTML report
// ---------------------------------------------------------------------------

/// The inline SVGs of an HTML document.
fn inline_svgs(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").unwrap() + start + "</svg>".len();
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

#[test]
fn html_is_one_self_contained_file_with_both_charts() {
    let sample = sample();
    let html = html_report(&sample.report());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<style>"));
    for forbidden in [
        "<script", "http://", "https://", "<link", "<img", "<iframe", "@import", "url(", " src=",
        " href=",
    ] {
        assert!(!html.contains(forbidden), "the HTML holds {forbidden}");
    }
    let svgs = inline_svgs(&html);
    assert_eq!(svgs.len(), 2);
    // Inline SVG is well-formed too (HTML gives it its namespace).
    let radar = Xml::parse(svgs[0]).unwrap();
    assert_eq!(series(&radar).len(), 2 + 4);
    let gaps = Xml::parse(svgs[1]).unwrap();
    assert_eq!(
        gaps.descendants()
            .filter(|n| n.attribute("class") == Some("dot"))
            .count(),
        4 * sample.result.dimensions.len()
    );
    for heading in [
        "Summary",
        "Maturity by dimension",
        "From boardroom to back office",
        "Culture: what blocks the strategy",
        "Next steps",
        "Trend since Autumn 2025",
        "Canvas completeness",
        "Findings of the checks",
    ] {
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
    for d in &sample.result.dimensions {
        assert!(html.contains(&format!(
            "<td>{}</td><td class=\"num\"><strong>{}</strong></td>",
            d.name,
            one_decimal(d.stats.unwrap().mean.get())
        )));
    }
    for judgement in sample.review.present() {
        assert!(html.contains(&format!("<h3>Blocker: {}</h3>", judgement.blocker.title())));
    }
}

// ---------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------

const EVIL: &str = "<script>alert(1)</script> Tom & \"Jerry\" 'Ltd' | *x* _y_ [z](u) `c`";

/// The sample with text from documents replaced by markup-laden text, everywhere
/// a report shows it.
fn evil() -> (Sample, String) {
    let mut sample = sample();
    sample.canvas.metadata.name = format!("{EVIL} canvas");
    sample.canvas.metadata.organization = format!("# {EVIL} bank");
    let r = &mut sample.result;
    r.round = format!("{EVIL} round");
    r.instrument.version = EVIL.to_owned();
    for d in &mut r.dimensions {
        d.name = format!("{EVIL} {}", d.id);
        d.id = customer_strategy::DimensionId::new(format!("{EVIL}-{}", d.id));
    }
    for steps in &mut r.next_steps {
        steps.name = format!("{EVIL} next");
        steps.steps.push(format!("- {EVIL} step"));
    }
    sample.earlier.round = format!("{EVIL} earlier");
    sample.trend = Trend::between(&sample.earlier, &sample.result);
    for judgement in &mut sample.review.blockers {
        for evidence in &mut judgement.evidence {
            evidence.subject = format!("{EVIL} subject");
            evidence.observed = format!("{EVIL} observed");
            evidence.expected = format!("{EVIL} expected");
        }
    }
    for promoter in &mut sample.review.promoters {
        promoter.evidence.subject = EVIL.to_owned();
        promoter.evidence.observed = EVIL.to_owned();
    }
    let report = serde_json::json!({
        "profile": "final",
        "counts": { "error": 1, "warning": 0, "info": 0 },
        "findings": [{
            "code": EVIL,
            "severity": "error",
            "path": format!("/context/{EVIL}"),
            "message": format!("{EVIL} message"),
            "message_key": "x",
            "hint": format!("{EVIL} hint"),
            "related": [format!("/{EVIL}")]
        }]
    });
    sample.review_checks = serde_json::from_value(report).unwrap();
    let organization = sample.canvas.metadata.organization.clone();
    (sample, organization)
}

#[test]
fn text_from_documents_never_becomes_markup() {
    let (sample, organization) = evil();
    let report = ReviewReport::new(
        &organization,
        &sample.result,
        &sample.review,
        &sample.review_checks,
    )
    .with_canvas(&sample.canvas)
    .with_canvas_checks(&sample.canvas_checks)
    .with_earlier(&sample.earlier)
    .with_trend(&sample.trend)
    .with_chart_files("radar.svg", "gaps.svg");

    let radar = radar_chart(&sample.result, Some(&sample.earlier));
    let gaps = gap_chart(&sample.result);
    let md = markdown_report(&report);
    let html = html_report(&report);
    for (name, output) in [
        ("radar", &radar),
        ("gaps", &gaps),
        ("markdown", &md),
        ("html", &html),
    ] {
        assert!(!output.contains("<script"), "raw <script in the {name}");
    }
    // Quotes need escaping in XML and HTML (attribute values), not in Markdown.
    for (name, output) in [("radar", &radar), ("gaps", &gaps), ("html", &html)] {
        assert!(!output.contains("\"Jerry\""), "raw quotes in the {name}");
        assert!(!output.contains("'Ltd'"), "raw quotes in the {name}");
    }

    // The SVGs parse, and the text reads back exactly as written.
    for svg in [&radar, &gaps] {
        let doc = parse(svg);
        let text = text_of(doc.root_element());
        assert!(text.contains(EVIL), "{text}");
        assert!(elements(&doc, "script").next().is_none());
        for node in doc.descendants().filter(|n| n.is_element()) {
            if let Some(dimension) = node.attribute("data-dimension") {
                assert!(dimension.starts_with(EVIL));
            }
        }
    }
    let doc = parse(&radar);
    let labels = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("axis-labels"))
        .unwrap();
    assert!(text_of(labels).contains("<script>alert(1)</script>"));

    // HTML: escaped as text and attribute values; the inline SVGs still parse.
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; &quot;Jerry&quot; &#39;Ltd&#39;"
    ));
    for svg in inline_svgs(&html) {
        assert!(
            Xml::parse(svg)
                .unwrap()
                .descendants()
                .all(|n| n.tag_name().name() != "script")
        );
    }
    assert!(html.contains("<title>Customer strategy review: # &lt;script&gt;"));

    // Markdown: no HTML, no emphasis, links or code from the text, and tables
    // keep their columns.
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; \"Jerry\" 'Ltd' \\| \\*x\\* \\_y\\_ \\[z\\](u) \\`c\\`"));
    assert!(md.starts_with("# Customer strategy review: \\# &lt;script&gt;"));
    for d in &sample.result.dimensions {
        let escaped = d
            .name
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('|', "\\|")
            .replace('*', "\\*")
            .replace('_', "\\_")
            .replace('[', "\\[")
            .replace(']', "\\]")
            .replace('`', "\\`");
        let maturity = section(&md, "## Maturity by dimension");
        assert_eq!(table_row(maturity, &escaped).len(), 6);
        let gaps = section(&md, "## From boardroom to back office");
        assert_eq!(table_row(gaps, &escaped).len(), 7);
    }
    // A step that starts like a list item stays inside its own item.
    assert!(md.contains("- \\- &lt;script&gt;"));
    // Codes and paths with markup are written as escaped text, not as code.
    assert!(!md.contains("`<"));
    assert!(md.contains("![Radar chart of the mean score per dimension](radar.svg)"));
}

// ---------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------

#[test]
fn the_same_input_gives_the_same_bytes() {
    let first = sample();
    let second = sample();
    assert_eq!(
        radar_chart(&first.result, Some(&first.earlier)),
        radar_chart(&second.result, Some(&second.earlier))
    );
    assert_eq!(gap_chart(&first.result), gap_chart(&second.result));
    let (a, b) = (first.report(), second.report());
    assert_eq!(markdown_report(&a), markdown_report(&b));
    assert_eq!(html_report(&a), html_report(&b));
    assert_eq!(html_report(&a), html_report(&a));
    // Numbers are written with one decimal, so no float noise reaches the output.
    let svg = radar_chart(&first.result, Some(&first.earlier));
    for value in svg.split(['"', ' ', ',']).filter(|t| {
        t.contains('.')
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    }) {
        let decimals = value.split('.').nth(1).unwrap();
        assert_eq!(decimals.len(), 1, "{value}");
    }
}

// ---------------------------------------------------------------------------
// Any text at all: well-formed XML, HTML with only the template's markup
// ---------------------------------------------------------------------------

/// XML 1.0's `Char` production: what may appear in an XML document at all.
fn xml_char(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..
    )
}

/// What HTML allows in a document without a parse error: XML's characters
/// less the controls U+007F to U+009F and the noncharacters.
fn html_char(c: char) -> bool {
    let noncharacter = matches!(c, '\u{FDD0}'..='\u{FDEF}') || (c as u32) & 0xFFFE == 0xFFFE;
    xml_char(c) && !matches!(c, '\u{7F}'..='\u{9F}') && !noncharacter
}

/// `text` as a standalone SVG shows it: what XML forbids becomes U+FFFD.
fn as_xml_shows(text: &str) -> String {
    text.chars()
        .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

/// Text from documents, one string per place a report shows it.
#[derive(Clone, Debug)]
struct Texts {
    organization: String,
    canvas: String,
    round: String,
    earlier: String,
    version: String,
    dimension: String,
    level: String,
    step: String,
    evidence: String,
    finding: String,
}

impl Texts {
    /// The same texts with every character that is not white space replaced
    /// by `x`: words and lines fall where they fall in `self`, so the output
    /// has the same structure, but no character can be markup.
    fn plain(&self) -> Texts {
        let mask = |s: &String| -> String {
            s.chars()
                .map(|c| if c.is_whitespace() { c } else { 'x' })
                .collect()
        };
        Texts {
            organization: mask(&self.organization),
            canvas: mask(&self.canvas),
            round: mask(&self.round),
            earlier: mask(&self.earlier),
            version: mask(&self.version),
            dimension: mask(&self.dimension),
            level: mask(&self.level),
            step: mask(&self.step),
            evidence: mask(&self.evidence),
            finding: mask(&self.finding),
        }
    }
}

/// Any text, weighted toward what breaks markup: the characters XML forbids
/// (U+FFFE, U+FFFF, the C0 controls), the ones HTML forbids, line breaks and
/// tabs, markup punctuation and the sequences that close or open constructs.
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => any::<char>().prop_map(String::from),
        3 => prop::sample::select(vec![
            '\u{FFFE}', '\u{FFFF}', '\u{0}', '\u{1}', '\u{8}', '\u{B}', '\u{C}', '\u{1B}',
            '\u{1F}', '\t', '\n', '\r', '\u{7F}', '\u{85}', '\u{9F}', '\u{FDD0}', '\u{FDEF}',
            '\u{1FFFE}', '\u{10FFFF}', '\u{D7FF}', '\u{E000}', '\u{FFFD}', '\u{FEFF}', '&', '<',
            '>', '"', '\'', ' ',
        ])
        .prop_map(String::from),
        2 => (0_u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        2 => prop::sample::select(vec![
            "]]>", "<![CDATA[", "<!--", "-->", "&amp;", "&#xFFFE;", "&#0;", "&", "\r\n",
            "<script>", "</svg>", "</title>", "\" onload=\"x", "' a='", "<?xml", "Q\u{FFFE}4",
        ])
        .prop_map(str::to_owned),
        3 => "[a-zA-Z ]{1,8}",
    ];
    prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

fn any_texts() -> impl Strategy<Value = Texts> {
    (
        (any_text(), any_text(), any_text(), any_text(), any_text()),
        (any_text(), any_text(), any_text(), any_text(), any_text()),
    )
        .prop_map(
            |(
                (organization, canvas, round, earlier, version),
                (dimension, level, step, evidence, finding),
            )| Texts {
                organization,
                canvas,
                round,
                earlier,
                version,
                dimension,
                level,
                step,
                evidence,
                finding,
            },
        )
}

/// The sample, scored once for all cases.
fn base_sample() -> &'static Sample {
    static SAMPLE: std::sync::OnceLock<Sample> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(sample)
}

/// The sample with `texts` everywhere a report shows text from a document.
fn sample_saying(texts: &Texts) -> Sample {
    let base = base_sample();
    let mut canvas = base.canvas.clone();
    canvas.metadata.name = texts.canvas.clone();
    canvas.metadata.organization = texts.organization.clone();
    let rename = |r: &mut RoundResult, round: &str| {
        r.round = round.to_owned();
        r.instrument.version = texts.version.clone();
        for d in &mut r.dimensions {
            d.name = format!("{} {}", texts.dimension, d.id);
            d.id = customer_strategy::DimensionId::new(format!("{}-{}", texts.dimension, d.id));
            if let Some(level) = &mut d.level {
                level.name = texts.level.clone();
            }
        }
        for id in r.strongest.iter_mut().chain(r.weakest.iter_mut()) {
            *id = customer_strategy::DimensionId::new(format!("{}-{id}", texts.dimension));
        }
        if let Some(level) = &mut r.level {
            level.name = texts.level.clone();
        }
        for steps in &mut r.next_steps {
            steps.name = format!("{} next", texts.step);
            steps.steps.push(texts.step.clone());
        }
    };
    let mut result = base.result.clone();
    rename(&mut result, &texts.round);
    let mut earlier = base.earlier.clone();
    rename(&mut earlier, &texts.earlier);
    let trend = Trend::between(&earlier, &result);
    let mut review = base.review.clone();
    for judgement in &mut review.blockers {
        for evidence in &mut judgement.evidence {
            evidence.subject = texts.evidence.clone();
            evidence.observed = format!("{} observed", texts.evidence);
            evidence.expected = format!("{} expected", texts.evidence);
        }
    }
    for promoter in &mut review.promoters {
        promoter.evidence.subject = texts.evidence.clone();
        promoter.evidence.observed = texts.evidence.clone();
    }
    let finding = &texts.finding;
    let review_checks = serde_json::from_value(serde_json::json!({
        "profile": "final",
        "counts": { "error": 1, "warning": 0, "info": 0 },
        "findings": [{
            "code": finding,
            "severity": "error",
            "path": format!("/context/{finding}"),
            "message": format!("{finding} message"),
            "message_key": "x",
            "hint": format!("{finding} hint"),
            "related": [format!("/{finding}")]
        }]
    }))
    .unwrap();
    Sample {
        canvas,
        canvas_checks: base.canvas_checks.clone(),
        result,
        earlier,
        trend,
        review,
        review_checks,
    }
}

fn full_report(sample: &Sample) -> ReviewReport<'_> {
    sample.report().with_chart_files("radar.svg", "gaps.svg")
}

/// The markup of an HTML document: each tag with its attribute values emptied,
/// in order. Text between tags is left out, so a document whose text differs
/// but whose markup is the same has the same skeleton.
fn skeleton(html: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = start
            + rest[start..]
                .find('>')
                .unwrap_or_else(|| panic!("a `<` without `>`: {}", &rest[start..]));
        let tag: String = rest[start + 1..end]
            .split('"')
            .enumerate()
            .map(|(i, part)| if i % 2 == 0 { part } else { "" })
            .collect::<Vec<_>>()
            .join("\"");
        tags.push(tag);
        rest = &rest[end + 1..];
    }
    tags
}

#[test]
fn the_xml_parser_refuses_what_the_escaping_guards_against() {
    // Without this, the property below could not fail.
    for bad in [
        "\u{FFFE}", "\u{FFFF}", "\u{0}", "\u{1B}", "&#xFFFE;", "&#0;", "<", "&",
    ] {
        assert!(Xml::parse(&format!("<a>{bad}</a>")).is_err(), "{bad:?}");
    }
    assert!(Xml::parse("<a b=\"\u{FFFF}\"/>").is_err());
    // And takes what XML allows, discouraged or not.
    assert!(Xml::parse("<a b=\"\u{85}\u{FDD0}\">\u{7F}\u{9F}\u{1FFFE}\u{10FFFF}&#13;</a>").is_ok());
}

#[test]
fn a_round_named_with_a_noncharacter_gives_charts_that_parse() {
    let mut sample = sample();
    sample.result.round = "Q\u{FFFE}4".to_owned();
    sample.result.dimensions[0].name = "Strategy\u{FFFF}".to_owned();
    for svg in [
        radar_chart(&sample.result, Some(&sample.earlier)),
        gap_chart(&sample.result),
    ] {
        assert!(!svg.contains('\u{FFFE}') && !svg.contains('\u{FFFF}'));
        let doc = parse(&svg);
        let title = elements(&doc, "title").next().unwrap();
        assert!(
            text_of(title).ends_with(": Q\u{FFFD}4"),
            "{}",
            text_of(title)
        );
        assert!(text_of(doc.root_element()).contains("Strategy\u{FFFD}"));
    }
    let html = html_report(&sample.report());
    assert!(!html.contains('\u{FFFE}') && !html.contains('\u{FFFF}'));
    assert!(html.contains("Q\u{FFFD}4"));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    })]

    /// Both charts are well-formed XML whatever the text, and the text reads
    /// back as written, but for the characters XML forbids, which read back as
    /// U+FFFD.
    #[test]
    fn any_text_gives_well_formed_charts(texts in any_texts()) {
        let sample = sample_saying(&texts);
        let radar = radar_chart(&sample.result, Some(&sample.earlier));
        let gaps = gap_chart(&sample.result);
        for svg in [&radar, &gaps] {
            let doc = Xml::parse(svg);
            prop_assert!(doc.is_ok(), "{:?}\n{svg}", doc.err());
            let doc = doc.unwrap();
            prop_assert_eq!(doc.root_element().tag_name().namespace(), Some(SVG));
            prop_assert!(elements(&doc, "script").next().is_none());
        }
        let radar = parse(&radar);
        let title = elements(&radar, "title").next().unwrap();
        prop_assert_eq!(
            text_of(title),
            format!("Maturity by dimension: {}", as_xml_shows(&texts.round))
        );
        let gaps = parse(&gaps);
        let ids: Vec<&str> = gaps
            .descendants()
            .filter_map(|n| n.attribute("data-dimension"))
            .collect();
        prop_assert_eq!(ids.len(), sample.result.dimensions.len());
        for (id, d) in ids.iter().zip(&sample.result.dimensions) {
            prop_assert_eq!(*id, as_xml_shows(d.id.as_str()));
        }
    }

    /// The HTML report holds no character HTML forbids, its inline charts are
    /// well-formed, and its markup is the template's alone: the same tags and
    /// attributes as for plain text of the same shape.
    #[test]
    fn any_text_leaves_the_html_markup_as_the_template_makes_it(texts in any_texts()) {
        let sample = sample_saying(&texts);
        let html = html_report(&full_report(&sample));
        let forbidden: Vec<char> = html.chars().filter(|c| !html_char(*c)).collect();
        prop_assert!(forbidden.is_empty(), "raw {forbidden:?} in the HTML");
        let svgs = inline_svgs(&html);
        prop_assert_eq!(svgs.len(), 2);
        for svg in svgs {
            prop_assert!(Xml::parse(svg).is_ok(), "{:?}", Xml::parse(svg).err());
        }
        let plain = sample_saying(&texts.plain());
        let expected = html_report(&full_report(&plain));
        prop_assert_eq!(skeleton(&html), skeleton(&expected));
    }
}

// ---------------------------------------------------------------------------
// The value study: the customer value map and the head-to-head chart
// ---------------------------------------------------------------------------

fn value_study() -> ValueStudy {
    ValueStudy::from_json(include_str!(
        "../examples/data/harbour_bank_value_study.json"
    ))
    .unwrap()
}

fn analysed(study: &ValueStudy) -> StudyResult {
    analyse(study, &AnalysisOptions::default())
}

fn attribute_f64(node: Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name).unwrap().parse().unwrap()
}

#[test]
fn value_map_places_each_offer_by_its_relative_price_and_quality() {
    let study = value_study();
    let result = analysed(&study);
    let svg = value_map_chart(&result, &study);
    let doc = parse(&svg);
    assert_eq!(doc.root_element().tag_name().namespace(), Some(SVG));
    assert_eq!(view_box(&doc), (0.0, 0.0, 960.0, 540.0));
    assert_within_view_box(&doc);

    // The fair-value line runs from the plot's bottom left to its top right.
    let line = elements(&doc, "line")
        .find(|n| n.attribute("class") == Some("fair-value"))
        .unwrap();
    let (x1, y1, x2, y2) = (
        attribute_f64(line, "x1"),
        attribute_f64(line, "y1"),
        attribute_f64(line, "x2"),
        attribute_f64(line, "y2"),
    );
    assert!(x1 < x2 && y1 > y2);
    // Where on the map a value lands, on either axis (they share one scale).
    let across = |v: f64, low: f64, high: f64| x1 + (x2 - x1) * (v - low) / (high - low);
    let up = |v: f64, low: f64, high: f64| y1 + (y2 - y1) * (v - low) / (high - low);
    let ticks: Vec<f64> = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("scale"))
        .unwrap()
        .children()
        .filter(|n| n.tag_name().name() == "text" && n.attribute("text-anchor") == Some("middle"))
        .map(|n| text_of(n).parse().unwrap())
        .collect();
    let (low, high) = (ticks[0], *ticks.last().unwrap());

    let offers: Vec<Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("offer"))
        .collect();
    assert_eq!(offers.len(), 3);
    for position in &result.value_map {
        let offer = offers
            .iter()
            .find(|n| n.attribute("data-offer") == Some(position.offer.as_str()))
            .unwrap();
        assert_eq!(
            offer.attribute("data-ours"),
            Some(if position.ours { "true" } else { "false" })
        );
        let dot = offer
            .children()
            .rfind(|n| n.tag_name().name() == "circle")
            .unwrap();
        let (cx, cy) = (attribute_f64(dot, "cx"), attribute_f64(dot, "cy"));
        let x = across(position.relative_price.unwrap(), low, high);
        let y = up(position.relative_quality.unwrap(), low, high);
        assert!(
            (cx - x).abs() <= 0.1 && (cy - y).abs() <= 0.1,
            "{cx},{cy} vs {x},{y}"
        );
        // Above the line on the map when it is better value.
        let on_line_y = y1 + (y2 - y1) * (cx - x1) / (x2 - x1);
        assert_eq!(cy < on_line_y, position.distance.unwrap() > 0.0);
        // Labelled by name; ours ringed and bold.
        let label = offer
            .children()
            .find(|n| n.attribute("class") == Some("label"))
            .unwrap();
        assert_eq!(text_of(label), position.name);
        let rings = offer
            .children()
            .filter(|n| n.tag_name().name() == "circle")
            .count();
        assert_eq!(rings, if position.ours { 2 } else { 1 });
        assert_eq!(
            label.attribute("font-weight"),
            Some(if position.ours { "700" } else { "400" })
        );
    }
    let legend = legend_series(&doc);
    assert_eq!(legend.len(), 3);
    assert_eq!(legend[0].0, "ours");
    assert!(legend[0].1.contains("Harbour Bank (ours)"), "{legend:?}");
    assert!(legend[0].1.contains("1.11, 1.14: +0.03"), "{legend:?}");
}

#[test]
fn value_map_names_the_offers_it_cannot_place() {
    let study = value_study();
    let result = analyse(
        &study,
        &AnalysisOptions::default().with_min_ratings(100_000),
    );
    let svg = value_map_chart(&result, &study);
    let doc = parse(&svg);
    assert_within_view_box(&doc);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("offer"))
            .count(),
        0
    );
    let text = text_of(doc.root_element());
    // The note wraps over lines, each a `tspan` of its own.
    assert!(
        text.contains("Not placed, too few ratings to compare:"),
        "{text}"
    );
    assert_eq!(
        text.matches("withheld: too few ratings").count(),
        3,
        "{text}"
    );
    for offer in study.offers() {
        assert!(text.contains(&offer.name), "{text}");
    }
}

#[test]
fn head_to_head_rows_run_by_weight_with_bars_from_parity() {
    let study = value_study();
    let result = analysed(&study);
    let svg = head_to_head_chart(&result, &study);
    let doc = parse(&svg);
    let (_, _, width, height) = view_box(&doc);
    assert_eq!((width, height), (960.0, 540.0));
    assert_within_view_box(&doc);

    let rows: Vec<Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("row"))
        .collect();
    let ids: Vec<&str> = rows
        .iter()
        .map(|n| n.attribute("data-attribute").unwrap())
        .collect();
    let mut expected: Vec<_> = result.attributes.iter().collect();
    expected.sort_by(|a, b| b.worth_weight.total_cmp(&a.worth_weight));
    assert_eq!(
        ids,
        expected.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
    );
    assert_eq!(ids[0], "speed", "the heaviest attribute first");

    let parity = elements(&doc, "line")
        .find(|n| n.attribute("class") == Some("parity"))
        .unwrap();
    let one = attribute_f64(parity, "x1");
    for (row, attribute) in rows.iter().zip(&expected) {
        let bar = row
            .descendants()
            .find(|n| n.attribute("class") == Some("bar"))
            .unwrap();
        let (x, w) = (attribute_f64(bar, "x"), attribute_f64(bar, "width"));
        let ratio = attribute.ratio.unwrap();
        // The bar starts at 1.0 and runs right where we lead, left where we trail.
        if ratio >= 1.0 {
            assert!((x - one).abs() <= 0.1, "{x} {one}");
        } else {
            assert!((x + w - one).abs() <= 0.15, "{x} {w} {one}");
        }
        let written = row
            .descendants()
            .find(|n| n.attribute("class") == Some("ratio"))
            .unwrap();
        assert_eq!(text_of(written), format!("{ratio:.2}"));
        assert_eq!(
            row.descendants()
                .filter(|n| n.attribute("class") == Some("versus"))
                .count(),
            2
        );
    }
}

#[test]
fn head_to_head_says_which_ratios_are_withheld() {
    let study = value_study();
    let result = analyse(
        &study,
        &AnalysisOptions::default().with_min_ratings(100_000),
    );
    let svg = head_to_head_chart(&result, &study);
    let doc = parse(&svg);
    assert!(elements(&doc, "rect").all(|n| n.attribute("class") != Some("bar")));
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("withheld"))
            .count(),
        result.attributes.len()
    );
}

fn value_report<'a>(
    sample: &'a Sample,
    study: &'a ValueStudy,
    result: &'a StudyResult,
) -> ReviewReport<'a> {
    sample.report().with_value(study, result)
}

#[test]
fn the_report_gains_a_customer_value_section() {
    let sample = sample();
    let study = value_study();
    let result = analysed(&study);
    let report = value_report(&sample, &study, &result)
        .with_value_chart_files("value_map.svg", "head_to_head.svg");

    let md = markdown_report(&report);
    let value = section(&md, "## Customer value");
    assert!(
        value.contains("| **1.06** | **1.10** | **1.05** |"),
        "{value}"
    );
    assert_eq!(
        table_row(value, "**Harbour Bank** (ours)"),
        [
            "**Harbour Bank** (ours)",
            "1.11",
            "1.14",
            "+2.9 above: better value"
        ]
    );
    assert_eq!(
        table_row(value, "Rate offered to existing customers"),
        [
            "Rate offered to existing customers",
            "price",
            "21.0%",
            "0.79",
            "**4.4**",
            "“The Rate Promise”"
        ]
    );
    // Only the attributes that lose value are listed where value is lost.
    assert!(!value.contains("| Clear explanation of each step |"));
    assert!(value.contains("![Customer value map](value_map.svg)"));
    assert!(md.contains("CVA 1.06"), "the summary says it");
    // The section comes before the canvas's completeness.
    assert!(md.find("## Customer value").unwrap() < md.find("## Canvas completeness").unwrap());

    let html = html_report(&report);
    assert!(html.contains("<h2>Customer value</h2>"));
    let svgs = inline_svgs(&html);
    assert_eq!(svgs.len(), 4);
    for svg in &svgs[2..] {
        let doc = Xml::parse(svg).unwrap();
        assert!(doc.root_element().attribute("xmlns").is_none());
    }
    assert!(svgs[2].contains("<title>Customer value map: "));
    assert!(svgs[3].contains("<title>Attributes head to head: "));

    // Without a value study, no section.
    assert!(!markdown_report(&sample.report()).contains("## Customer value"));
}

/// The sample study with `name` in every offer's and attribute's name, and in
/// the study's own.
fn study_saying(name: &str) -> ValueStudy {
    let mut study = value_study();
    study.name = format!("{name} study");
    study.market = format!("{name} market");
    study.our_offer.name = format!("{name} ours");
    for (k, competitor) in study.competitors.iter_mut().enumerate() {
        competitor.name = format!("{name} rival {k}");
    }
    for attribute in study.quality.iter_mut().chain(study.price.iter_mut()) {
        attribute.name = format!("{name} {}", attribute.id);
        for child in &mut attribute.children {
            child.name = format!("{name} {}", child.id);
        }
    }
    study
}

#[test]
fn hostile_offer_and_attribute_names_stay_text() {
    let study = study_saying(EVIL);
    let result = analysed(&study);
    for svg in [
        value_map_chart(&result, &study),
        head_to_head_chart(&result, &study),
    ] {
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("\"Jerry\""));
        let doc = parse(&svg);
        assert!(elements(&doc, "script").next().is_none());
        assert!(text_of(doc.root_element()).contains(EVIL));
    }
    let sample = sample();
    let report = value_report(&sample, &study, &result);
    let html = html_report(&report);
    assert!(!html.contains("<script"));
    for svg in inline_svgs(&html) {
        Xml::parse(svg).unwrap();
    }
    let md = markdown_report(&report);
    assert!(!md.contains("<script"));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    })]

    /// The value charts are well-formed XML whatever the names of the study,
    /// its offers and attributes, and the names read back as written, but for
    /// the characters XML forbids; inline in the HTML report they parse too.
    #[test]
    fn any_offer_or_attribute_name_gives_well_formed_value_charts(name in any_text()) {
        let study = study_saying(&name);
        let result = analysed(&study);
        let map = value_map_chart(&result, &study);
        let head = head_to_head_chart(&result, &study);
        for svg in [&map, &head] {
            let doc = Xml::parse(svg);
            prop_assert!(doc.is_ok(), "{:?}\n{svg}", doc.err());
            let doc = doc.unwrap();
            prop_assert_eq!(doc.root_element().tag_name().namespace(), Some(SVG));
            prop_assert!(elements(&doc, "script").next().is_none());
        }
        let map = parse(&map);
        let title = elements(&map, "title").next().unwrap();
        prop_assert_eq!(
            text_of(title),
            format!("Customer value map: {}", as_xml_shows(&study.name))
        );
        let head = parse(&head);
        let ids: Vec<&str> = head
            .descendants()
            .filter_map(|n| n.attribute("data-attribute"))
            .collect();
        prop_assert_eq!(ids.len(), result.attributes.len());

        let html = html_report(&value_report(base_sample(), &study, &result));
        let forbidden: Vec<char> = html.chars().filter(|c| !html_char(*c)).collect();
        prop_assert!(forbidden.is_empty(), "raw {forbidden:?} in the HTML");
        let svgs = inline_svgs(&html);
        prop_assert_eq!(svgs.len(), 4);
        for svg in svgs {
            prop_assert!(Xml::parse(svg).is_ok(), "{:?}", Xml::parse(svg).err());
        }
    }
}

#[test]
fn the_customer_value_section_lists_the_measures_with_their_status() {
    let sample = sample();
    let study = value_study();
    let result = analysed(&study);
    let md = markdown_report(&value_report(&sample, &study, &result));
    let value = section(&md, "## Customer value");
    assert!(value.contains("### Customer measures"), "{value}");
    assert_eq!(
        table_row(value, "Net Promoter Score of mortgage customers"),
        [
            "Net Promoter Score of mortgage customers",
            "Net Promoter Score",
            "31 (2025-06-30)",
            "32 (2025-09-30)",
            "at least 45 by 2029-12-31",
            "on track"
        ]
    );
    assert_eq!(
        table_row(value, "Customer effort score for switching deals")[5],
        "on track"
    );
    assert!(value.contains("Status as of 2025-12-03"), "{value}");
    let html = html_report(&value_report(&sample, &study, &result));
    assert!(html.contains("<h3>Customer measures</h3>"));
}
