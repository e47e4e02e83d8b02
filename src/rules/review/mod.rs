//! The culture and whole-organization catalogues, over an
//! [`OrganizationReview`]: one check per culture blocker, and checks that hold
//! the canvas, the culture signals and the team's answers against each other.
//!
//! Findings point into the serialized review: `/canvas/...`, `/signals/...`
//! and `/assessment/round/...` or `/assessment/instrument/...`.

mod blockers;
mod cross;
mod value;

use crate::assessment::{RoundResult, Scorer, ScoringOptions};
use crate::review::OrganizationReview;
use crate::validate::{Rule, RuleMeta, Severity, Subject};
use crate::value::{AnalysisOptions, StudyResult, analyse};

/// What the review rules share: the assessment scored once per run.
#[derive(Debug, Default)]
pub struct ReviewIndex {
    /// The latest round scored with the default options, when the review has an
    /// assessment whose instrument can be scored.
    pub(crate) maturity: Option<RoundResult>,
    /// The value study analysed with the default options, when the review has one.
    pub(crate) value: Option<StudyResult>,
}

impl Subject for OrganizationReview {
    type Index = ReviewIndex;

    fn index(&self) -> ReviewIndex {
        let maturity = self.assessment.as_ref().and_then(|a| {
            Scorer::new(&a.instrument)
                .ok()
                .map(|scorer| scorer.score_round(&a.round, &ScoringOptions::default()))
        });
        let value = self
            .value
            .as_ref()
            .map(|study| analyse(study, &AnalysisOptions::default()));
        ReviewIndex { maturity, value }
    }
}

/// The culture-blocker checks: one per blocker, each naming the evidence that
/// tripped it and the promoters that answer it, or saying (as information)
/// that the blocker could not be judged.
#[must_use]
pub fn culture() -> Vec<Box<dyn Rule<OrganizationReview>>> {
    blockers::CATALOGUE
        .iter()
        .map(|rule| Box::new(*rule) as Box<dyn Rule<OrganizationReview>>)
        .collect()
}

/// The cross-domain checks of a whole-organization review: say-do gaps, the
/// cap blockers put on the maturity level, and the canvas and the signals
/// agreeing.
#[must_use]
pub fn review() -> Vec<Box<dyn Rule<OrganizationReview>>> {
    cross::CATALOGUE
        .iter()
        .chain(value::CATALOGUE)
        .map(|rule| Box::new(*rule) as Box<dyn Rule<OrganizationReview>>)
        .collect()
}

const fn culture_rule(
    code: &'static str,
    title: &'static str,
    rationale: &'static str,
) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Warning, rationale).with_tags(&["culture", "blocker"])
}

const fn review_rule(code: &'static str, title: &'static str, rationale: &'static str) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Warning, rationale).with_tags(&["review", "cross-domain"])
}
