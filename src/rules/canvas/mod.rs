//! The canvas catalogue: the ideas of a customer strategy turned into checks.

mod completeness;
mod evidence;
mod index;
mod measures;
mod paths;
mod performance;
mod strategy;
mod text;
mod trace;
mod value;

pub use index::CanvasIndex;

use crate::canvas::Canvas;
use crate::validate::{Check, FnRule, JsonPointer, Rule, RuleMeta, Severity};

/// The built-in rules over a [`Canvas`], grouped by theme; a built rule set
/// runs them in order of their codes.
///
/// Rules that ask for content are errors under the `final` profile and
/// information under `draft`; see `RULES.md` for the whole catalogue.
#[must_use]
pub fn canvas() -> Vec<Box<dyn Rule<Canvas>>> {
    CATALOGUE
        .iter()
        .map(|rule| Box::new(*rule) as Box<dyn Rule<Canvas>>)
        .collect()
}

const CATALOGUE: &[FnRule<Canvas>] = &[
    completeness::BLOCKS,
    completeness::QUESTIONS,
    strategy::SCOPE_PRODUCT_AND_PRICING,
    strategy::SCOPE_STATED,
    strategy::HORIZON_STATED,
    strategy::HORIZON_ORDER,
    strategy::HORIZON_LENGTH,
    strategy::SPONSOR_NAMED,
    strategy::SPONSOR_ROLE,
    strategy::OWNER_NAMED,
    strategy::OWNER_ROLE,
    strategy::STAKEHOLDER_FUNCTIONS,
    strategy::STAKEHOLDER_SIGN_OFF,
    strategy::FUNCTIONAL_ALIGNMENT,
    strategy::SINGLE_DEPARTMENT,
    strategy::SIGN_AGAIN,
    value::BOTH_PROPOSITIONS,
    value::EXPECTED_RETURN,
    value::OFFERING_VALUE,
    value::LIFECYCLE_COVERAGE,
    value::ACQUISITION_SHARE,
    value::INVESTMENT_TOTAL,
    value::SEGMENTS_PRESENT,
    value::SEGMENT_NEEDS,
    value::PAYER_USERS,
    value::OBJECTIVE_GOAL,
    value::GOAL_SUPPORTED,
    value::CHOICES,
    trace::REFERENCES,
    trace::ELEMENT_SERVES,
    trace::NEED_SERVED,
    trace::JOURNEY_SEGMENT,
    trace::TOUCH_POINT_OWNER,
    trace::METRIC_MEASURES,
    trace::GAP_INVESTMENT,
    trace::DUPLICATE_IDS,
    performance::SERVICE_MOMENTS,
    performance::VOICES,
    performance::CUSTOMER_MEASURES,
    performance::METRIC_TARGET,
    performance::METRIC_OWNER,
    performance::INCENTIVES,
    performance::RETURNS_MEASURED,
    performance::GOVERNANCE_OWNER,
    performance::GOVERNANCE_FORUM,
    performance::REVIEW_CADENCE,
    performance::REVIEW_CADENCE_LENGTH,
    performance::CXO_ROLES,
    performance::CULTURE_PRACTICES,
    measures::SURVEY_BASELINE,
    measures::ON_TRACK,
    measures::FRESH,
    measures::TARGET_SIDE,
    evidence::INVALIDATED,
    evidence::UNTESTED,
    evidence::TEST_WITHOUT_LEARNING,
    evidence::REVIEW_TRIGGER,
    text::BLANK_NAMES,
    text::TEXT_LENGTH,
];

/// Metadata of a rule that asks for content: an error in a final canvas,
/// information in a workshop draft.
const fn completeness(
    code: &'static str,
    title: &'static str,
    rationale: &'static str,
) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Error, rationale)
        .with_draft_severity(Severity::Info)
        .with_tags(&["canvas", "completeness"])
}

/// Metadata of a rule that judges the quality of what is written: a warning
/// under every profile.
const fn advice(code: &'static str, title: &'static str, rationale: &'static str) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Warning, rationale).with_tags(&["canvas", "quality"])
}

/// Metadata of a rule whose findings are plain mistakes: an error under every profile.
const fn mistake(code: &'static str, title: &'static str, rationale: &'static str) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Error, rationale).with_tags(&["canvas", "consistency"])
}

/// Reports, at `path(i)`, every element of `items` that `lacks` something; the
/// message template names the element through `{name}`.
fn report_lacking<T>(
    check: &mut Check<'_>,
    items: &[T],
    lacks: impl Fn(&T) -> bool,
    name: impl Fn(&T) -> &str,
    path: impl Fn(usize) -> JsonPointer,
    key: &'static str,
    template: &'static str,
) {
    for (i, item) in items.iter().enumerate() {
        if lacks(item) {
            check
                .finding(path(i), key, template)
                .arg("name", name(item))
                .emit();
        }
    }
}
