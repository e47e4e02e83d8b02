//! Load, then review, then render: the input, loaded as a canvas, culture
//! signals or a round (JSON or TOML), takes the place of that part of the
//! sample organization; the review is assessed, checked and rendered.
//!
//! - The SVG charts parse as XML.
//! - Rendering twice gives the same bytes, for every output.
//! - The HTML has no element or attribute the document did not cause. The
//!   check is differential: the same document with every markup character of
//!   its text (`<`, `>`, `&`, `"`, `'`, keys included) replaced one for one by
//!   a private-use character (`plain`) is rendered too. Its text cannot form
//!   markup, so its HTML's tags and attribute names are the renderer's own;
//!   the fuzzed document's HTML must have exactly the same (`skeleton`: the
//!   tag and attribute names in order, text and values left out). Text that
//!   escaped into markup would add a tag or an attribute, or shift one.
#![no_main]

use customer_strategy::render::{
    ReviewReport, gap_chart, html_report, markdown_report, radar_chart,
};
use customer_strategy::validate::{Profile, RuleSet};
use customer_strategy::{
    Assessment, Canvas, CultureSignals, OrganizationReview, ReviewOptions, Round, Scorer,
    ScoringOptions, Trend, rules,
};
use customer_strategy_fuzz::{guess, load, plain, samples, skeleton, text};
use libfuzzer_sys::fuzz_target;

/// Everything rendered for one organization.
struct Rendered {
    radar: String,
    gaps: String,
    markdown: String,
    html: String,
}

fn render(organization: &OrganizationReview) -> Option<Rendered> {
    let assessment = organization.assessment.as_ref()?;
    let scorer = Scorer::new(&assessment.instrument).ok()?;
    let options = ScoringOptions::default();
    let result = scorer.score_round(&assessment.round, &options);
    let earlier = scorer.score_round(&samples().earlier, &options);
    let trend = Trend::between(&earlier, &result);
    let review = organization.assess(&ReviewOptions::default()).ok()?;
    let review_checks = RuleSet::<OrganizationReview>::builder()
        .rules(rules::culture())
        .rules(rules::review())
        .build()
        .expect("the built-in catalogues build")
        .validate(organization, Profile::Final);
    let canvas_checks = organization.canvas.as_ref().map(|canvas| {
        RuleSet::<Canvas>::builder()
            .rules(rules::canvas())
            .build()
            .expect("the canvas catalogue builds")
            .validate(canvas, Profile::Final)
    });
    let name = organization
        .canvas
        .as_ref()
        .map_or("the organization", |c| c.metadata.organization.as_str());
    let mut report = ReviewReport::new(name, &result, &review, &review_checks)
        .with_earlier(&earlier)
        .with_trend(&trend)
        .with_chart_files("radar.svg", "gaps.svg");
    if let Some(canvas) = &organization.canvas {
        report = report.with_canvas(canvas);
    }
    if let Some(checks) = &canvas_checks {
        report = report.with_canvas_checks(checks);
    }
    Some(Rendered {
        radar: radar_chart(&result, Some(&earlier)),
        gaps: gap_chart(&result),
        markdown: markdown_report(&report),
        html: html_report(&report),
    })
}

/// The sample organization with `part` put in.
fn organization(
    canvas: Option<Canvas>,
    signals: Option<CultureSignals>,
    round: Option<Round>,
) -> OrganizationReview {
    let s = samples();
    OrganizationReview {
        canvas: Some(canvas.unwrap_or_else(|| s.canvas.clone())),
        signals: Some(signals.unwrap_or_else(|| s.signals.clone())),
        assessment: Some(Assessment {
            instrument: s.instrument.clone(),
            round: round.unwrap_or_else(|| s.round.clone()),
        }),
        value: None,
    }
}

fn check(fuzzed: OrganizationReview, plain: Option<OrganizationReview>) {
    let Some(first) = render(&fuzzed) else { return };
    let again = render(&fuzzed).expect("renders a second time");
    assert!(
        first.radar == again.radar,
        "the radar chart differs between two renders"
    );
    assert!(
        first.gaps == again.gaps,
        "the gap chart differs between two renders"
    );
    assert!(
        first.markdown == again.markdown,
        "the Markdown differs between two renders"
    );
    assert!(
        first.html == again.html,
        "the HTML differs between two renders"
    );
    for (name, svg) in [("radar", &first.radar), ("gap", &first.gaps)] {
        if let Err(e) = roxmltree::Document::parse(svg) {
            panic!("the {name} chart is not well-formed XML: {e}\n{svg}");
        }
    }
    if let Some(plain) = plain.as_ref().and_then(render) {
        let (fuzzed, plain) = (skeleton(&first.html), skeleton(&plain.html));
        if let Some(i) = (0..fuzzed.len().max(plain.len())).find(|&i| fuzzed.get(i) != plain.get(i))
        {
            panic!(
                "the document's text changed the HTML's markup at tag {i}: {:?} where the \
                 renderer alone gives {:?}",
                fuzzed.get(i),
                plain.get(i)
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    let format = guess(text);
    if let Some(canvas) = load::<Canvas>(text, format) {
        let plain = plain(&canvas).map(|c| organization(Some(c), None, None));
        check(organization(Some(canvas), None, None), plain);
    }
    if let Some(signals) = load::<CultureSignals>(text, format) {
        let plain = plain(&signals).map(|s| organization(None, Some(s), None));
        check(organization(None, Some(signals), None), plain);
    }
    if let Some(round) = load::<Round>(text, format) {
        let plain = plain(&round).map(|r| organization(None, None, Some(r)));
        check(organization(None, None, Some(round)), plain);
    }
});
