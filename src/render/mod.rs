//! Reports people look at: charts as SVG and a whole-organization review as
//! Markdown and as a single HTML file (feature `render`).
//!
//! - [`radar_chart`]: the mean score per dimension as a radar (spider) chart,
//!   the team filled, each reported organizational level as a line of its own
//!   colour, an earlier round dashed.
//! - [`gap_chart`]: the gap from boardroom to back office, one row per
//!   dimension with the mean of each reported level, flagged gaps marked.
//! - [`markdown_report`] and [`html_report`]: everything a
//!   [`ReviewReport`] gathers, for a leadership team to read; the HTML has
//!   both charts inline, its style embedded, and no scripts and no external
//!   resources, so it can be mailed or archived as one file.
//!
//! All output is deterministic: the same input gives the same bytes, with
//! numbers written to one decimal. Every piece of text that comes from a
//! document (names, messages, evidence, steps) is escaped for where it lands,
//! so a canvas whose names hold `<script>` shows that text and runs nothing.
//! Characters the markup cannot hold at all become U+FFFD REPLACEMENT
//! CHARACTER (`�`): in the SVG charts, those outside XML 1.0's `Char`
//! production (the C0 controls but tab, line feed and carriage return, and
//! U+FFFE and U+FFFF, which XML forbids even as character references); in the
//! HTML report and the charts inline in it, also the controls U+007F to U+009F
//! and the noncharacters (U+FDD0 to U+FDEF, and the last two code points of
//! every plane), which HTML forbids. So every chart is well-formed XML and the
//! report well-formed HTML, whatever text the documents hold.
//!
//! ```
//! use customer_strategy::render::{ReviewReport, gap_chart, html_report, markdown_report, radar_chart};
//! use customer_strategy::validate::{Profile, RuleSet};
//! use customer_strategy::{
//!     Assessment, Canvas, Document, Instrument, OrganizationReview, ReviewOptions, Round,
//!     Scorer, ScoringOptions, rules,
//! };
//!
//! let instrument = Instrument::customer_strategy_maturity()?;
//! let round = Round::from_toml(include_str!("../../examples/data/team_round_2026.toml"))?;
//! let result = Scorer::new(&instrument)?.score_round(&round, &ScoringOptions::default());
//!
//! let svg = radar_chart(&result, None);
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert!(gap_chart(&result).contains("From boardroom to back office"));
//!
//! let organization = OrganizationReview {
//!     canvas: None,
//!     signals: None,
//!     assessment: Some(Assessment { instrument, round }),
//!     value: None,
//! };
//! let review = organization.assess(&ReviewOptions::default())?;
//! let checks = RuleSet::<OrganizationReview>::builder()
//!     .rules(rules::review())
//!     .build()?
//!     .validate(&organization, Profile::Final);
//!
//! let report = ReviewReport::new("Harbour Bank", &result, &review, &checks);
//! assert!(markdown_report(&report).starts_with("# Customer strategy review: Harbour Bank"));
//! assert!(!html_report(&report).contains("<script"));
//!
//! // A character XML forbids, even as `&#xFFFE;`, is shown as U+FFFD.
//! let mut odd = result.clone();
//! odd.round = "Q\u{FFFE}4".to_owned();
//! let svg = radar_chart(&odd, None);
//! assert!(svg.contains("<title>Maturity by dimension: Q\u{FFFD}4</title>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod diff;
mod escape;
mod report;
mod svg;
mod value;
mod writer;

use crate::assessment::{RoundResult, Trend};
use crate::canvas::Canvas;
use crate::review::ReviewResult;
use crate::validate::Report;
use crate::value::{StudyResult, ValueStudy};

/// Everything a whole-organization review shows, gathered for
/// [`markdown_report`] and [`html_report`].
///
/// Build it with [`ReviewReport::new`] and add the optional parts with the
/// `with_` methods.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct ReviewReport<'a> {
    /// The organization's name, as the report's title shows it.
    pub organization: &'a str,
    /// The customer strategy canvas, whose completeness the report shows.
    pub canvas: Option<&'a Canvas>,
    /// The canvas checked against the canvas rules (`rules::canvas()`).
    pub canvas_checks: Option<&'a Report>,
    /// The scored assessment round.
    pub result: &'a RoundResult,
    /// The earlier round, drawn dashed on the radar chart.
    pub earlier: Option<&'a RoundResult>,
    /// How the organization moved since the earlier round; when absent and
    /// [`earlier`](ReviewReport::earlier) is given, the report works it out.
    pub trend: Option<&'a Trend>,
    /// The review: blockers with their evidence and promoters, the level after them.
    pub review: &'a ReviewResult,
    /// The review checked against the review rules (`rules::culture()` and
    /// `rules::review()`).
    pub review_checks: &'a Report,
    /// Where the charts are written beside the Markdown report, so it can show them.
    pub chart_files: Option<ChartFiles<'a>>,
    /// The customer value study and what it says, shown in the section
    /// "Customer value".
    pub value: Option<ValueReport<'a>>,
    /// Where the value map and the head-to-head chart are written beside the
    /// Markdown report, so it can show them.
    pub value_chart_files: Option<ValueChartFiles<'a>>,
}

/// A value study and its analysis, as the review report shows them.
#[derive(Clone, Copy, Debug)]
pub struct ValueReport<'a> {
    /// The study: its market, date and offers.
    pub study: &'a ValueStudy,
    /// What the study says ([`analyse`](crate::analyse)).
    pub result: &'a StudyResult,
}

/// Where the two charts of the value study are stored, relative to the
/// Markdown report, such as `value_map.svg` and `head_to_head.svg`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueChartFiles<'a> {
    /// The customer value map ([`value_map_chart`]).
    pub value_map: &'a str,
    /// The head-to-head chart ([`head_to_head_chart`]).
    pub head_to_head: &'a str,
}

/// Where the two charts are stored, relative to the Markdown report, such as
/// `radar.svg` and `gaps.svg`; the Markdown report shows them as images.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartFiles<'a> {
    /// The radar chart ([`radar_chart`]).
    pub radar: &'a str,
    /// The gap chart ([`gap_chart`]).
    pub gaps: &'a str,
}

impl<'a> ReviewReport<'a> {
    /// A report of the organization's round `result`, its `review` and the
    /// review's checks, without canvas, earlier round or chart files.
    #[must_use]
    pub fn new(
        organization: &'a str,
        result: &'a RoundResult,
        review: &'a ReviewResult,
        review_checks: &'a Report,
    ) -> Self {
        ReviewReport {
            organization,
            canvas: None,
            canvas_checks: None,
            result,
            earlier: None,
            trend: None,
            review,
            review_checks,
            chart_files: None,
            value: None,
            value_chart_files: None,
        }
    }

    /// Adds the canvas.
    #[must_use]
    pub fn with_canvas(mut self, canvas: &'a Canvas) -> Self {
        self.canvas = Some(canvas);
        self
    }

    /// Adds the canvas's validation report.
    #[must_use]
    pub fn with_canvas_checks(mut self, checks: &'a Report) -> Self {
        self.canvas_checks = Some(checks);
        self
    }

    /// Adds the earlier round.
    #[must_use]
    pub fn with_earlier(mut self, earlier: &'a RoundResult) -> Self {
        self.earlier = Some(earlier);
        self
    }

    /// Adds the trend since the earlier round.
    #[must_use]
    pub fn with_trend(mut self, trend: &'a Trend) -> Self {
        self.trend = Some(trend);
        self
    }

    /// Names the chart files the Markdown report shows as images.
    #[must_use]
    pub fn with_chart_files(mut self, radar: &'a str, gaps: &'a str) -> Self {
        self.chart_files = Some(ChartFiles { radar, gaps });
        self
    }

    /// Adds a customer value study and its analysis: the report gains the
    /// section "Customer value", with the CVA overall and against each
    /// competitor, the customer value map (inline in HTML, its positions as a
    /// table in both), and the attributes where value is lost, each with the
    /// element of the canvas it speaks to where the canvas is given.
    ///
    /// ```
    /// # use customer_strategy::render::{ReviewReport, html_report, markdown_report};
    /// # use customer_strategy::validate::{Profile, RuleSet};
    /// # use customer_strategy::{Assessment, Instrument, OrganizationReview, ReviewOptions, Round,
    /// #     Scorer, ScoringOptions, rules};
    /// use customer_strategy::{AnalysisOptions, Document, ValueStudy, analyse};
    /// # let instrument = Instrument::customer_strategy_maturity()?;
    /// # let round = Round::from_toml(include_str!("../../examples/data/team_round_2026.toml"))?;
    /// # let result = Scorer::new(&instrument)?.score_round(&round, &ScoringOptions::default());
    /// # let organization = OrganizationReview {
    /// #     canvas: None, signals: None, assessment: Some(Assessment { instrument, round }),
    /// #     value: None,
    /// # };
    /// # let review = organization.assess(&ReviewOptions::default())?;
    /// # let checks = RuleSet::<OrganizationReview>::builder().rules(rules::review()).build()?
    /// #     .validate(&organization, Profile::Final);
    ///
    /// let study = ValueStudy::from_json(include_str!("../../examples/data/harbour_bank_value_study.json"))?;
    /// let analysis = analyse(&study, &AnalysisOptions::default());
    /// let report = ReviewReport::new("Harbour Bank", &result, &review, &checks)
    ///     .with_value(&study, &analysis)
    ///     .with_value_chart_files("value_map.svg", "head_to_head.svg");
    ///
    /// let markdown = markdown_report(&report);
    /// assert!(markdown.contains("## Customer value"));
    /// assert!(markdown.contains("![Customer value map](value_map.svg)"));
    /// let html = html_report(&report);
    /// assert!(html.contains("<h2>Customer value</h2>"));
    /// assert!(html.contains("<title>Customer value map: Harbour Bank mortgage customers, spring 2026</title>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_value(mut self, study: &'a ValueStudy, result: &'a StudyResult) -> Self {
        self.value = Some(ValueReport { study, result });
        self
    }

    /// Names the files of the value study's charts, which the Markdown report
    /// shows as images in its section "Customer value".
    #[must_use]
    pub fn with_value_chart_files(mut self, value_map: &'a str, head_to_head: &'a str) -> Self {
        self.value_chart_files = Some(ValueChartFiles {
            value_map,
            head_to_head,
        });
        self
    }
}

/// A radar (spider) chart of the mean score (0 to 100) per dimension, as a
/// standalone SVG document sized for a slide (a 960 by 540 view box).
///
/// The whole team is a filled polygon; each organizational level that is
/// reported (has enough respondents) is a line of its own colour; `earlier`,
/// when given, is a dashed line of the earlier round's team means, matched to
/// this round's dimensions by id. Axes carry the dimension names and the
/// team's mean; rings mark 20, 40, 60, 80 and 100. Axes without a value are
/// skipped by the polygon that lacks it.
#[must_use]
pub fn radar_chart(result: &RoundResult, earlier: Option<&RoundResult>) -> String {
    svg::radar(result, earlier, svg::Embedding::Standalone)
}

/// The changes between two revisions of a canvas as a single-file HTML page,
/// block by block, material changes marked, for the people asked to sign the
/// strategy again. Every text is escaped, and the page runs no script and
/// fetches nothing.
///
/// ```
/// use customer_strategy::render::diff_html;
/// use customer_strategy::{Canvas, diff};
///
/// let mut old = Canvas::new("Customer strategy", "Northgate Coffee");
/// old.foundation.vision = "The coffee everyone knows".to_owned();
/// let mut new = old.clone();
/// new.foundation.vision = "<b>The corner coffee</b>".to_owned();
/// let page = diff_html(&diff(&old, &new)?, "Northgate Coffee: revision 2");
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<code>/foundation/vision</code>"));
/// assert!(page.contains("&lt;b&gt;The corner coffee&lt;/b&gt;"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn diff_html(diff: &crate::canvas::CanvasDiff, title: &str) -> String {
    diff::html(diff, title)
}

/// A dot chart of the gap from boardroom to back office, as a standalone SVG
/// document: one row per dimension, a dot for each reported level's mean, the
/// whole team's mean as a tick, the gap in points at the end of the row, and
/// flagged gaps shaded and marked.
#[must_use]
pub fn gap_chart(result: &RoundResult) -> String {
    svg::gaps(result, svg::Embedding::Standalone)
}

/// The customer value map of a value study, as a standalone SVG document
/// sized for a slide (a 960 by 540 view box).
///
/// Each offer sits at its relative perceived price (across; right is dearer)
/// and its relative perceived quality (up), each against the mean of the
/// other offers, as [`MapPosition`](crate::MapPosition) gives them. The
/// dashed diagonal is the fair-value line, where quality is just what the
/// price asks for: above it (shaded green) an offer is better value and gains
/// share, below it (shaded red) worse value. Every offer is labelled by name,
/// ours in navy and ringed; beside the map each offer's figures and its
/// distance from the line. Both axes share one scale, so the line runs from
/// corner to corner; an offer withheld for too few ratings is not placed and
/// is named in a note.
///
/// ```
/// use customer_strategy::render::value_map_chart;
/// use customer_strategy::{AnalysisOptions, Document, ValueStudy, analyse};
///
/// let study = ValueStudy::from_json(include_str!("../../examples/data/harbour_bank_value_study.json"))?;
/// let result = analyse(&study, &AnalysisOptions::default());
/// let svg = value_map_chart(&result, &study);
/// assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0.0 960.0 540.0\""));
/// assert!(svg.contains("<g class=\"offer\" data-offer=\"harbour\" data-ours=\"true\">"));
/// assert!(svg.contains("Harbour Bank (ours)"));
/// assert!(svg.contains("class=\"fair-value\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn value_map_chart(result: &StudyResult, study: &ValueStudy) -> String {
    value::value_map(result, study, svg::Embedding::Standalone)
}

/// The attributes of a value study head to head, as a standalone SVG document
/// sized for a slide (960 wide, 540 high or more when there are many
/// attributes).
///
/// One row per rated attribute, the heaviest in the CVA first: a bar from 1.0
/// (parity, the upright line) to our mean over the competitors' mean, green
/// where we lead and red where we trail, with the ratio written at the end of
/// the row; a hollow dot for our ratio against each competitor alone, in that
/// competitor's colour. A ratio withheld for too few ratings is written as
/// withheld, and no bar is drawn.
///
/// ```
/// use customer_strategy::render::head_to_head_chart;
/// use customer_strategy::{AnalysisOptions, Document, ValueStudy, analyse};
///
/// let study = ValueStudy::from_json(include_str!("../../examples/data/harbour_bank_value_study.json"))?;
/// let result = analyse(&study, &AnalysisOptions::default());
/// let svg = head_to_head_chart(&result, &study);
/// assert!(svg.contains("Attributes head to head"));
/// assert_eq!(svg.matches("<g class=\"row\"").count(), result.attributes.len());
/// assert!(svg.contains("class=\"parity\""));
///
/// // With too few ratings per mean, every ratio is withheld, and says so.
/// let sparse = analyse(&study, &AnalysisOptions::default().with_min_ratings(10_000));
/// let svg = head_to_head_chart(&sparse, &study);
/// assert_eq!(svg.matches("withheld: too few ratings").count(), sparse.attributes.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn head_to_head_chart(result: &StudyResult, study: &ValueStudy) -> String {
    value::head_to_head(result, study, svg::Embedding::Standalone)
}

/// The review as a Markdown (CommonMark with tables) document: summary, scores
/// per dimension, the gap by organizational level, the culture blockers with
/// their evidence and the promoters that answer them, the next steps, the
/// trend, customer value (when a value study is given), the canvas's
/// completeness by zone, and the findings by severity.
#[must_use]
pub fn markdown_report(review: &ReviewReport<'_>) -> String {
    report::markdown(review)
}

/// The review as one HTML5 document with the content of [`markdown_report`],
/// the charts inline (the value study's too, when given) and its style embedded: no scripts, no external
/// fonts, images or stylesheets, and a content security policy that forbids
/// them.
#[must_use]
pub fn html_report(review: &ReviewReport<'_>) -> String {
    report::html(review)
}
