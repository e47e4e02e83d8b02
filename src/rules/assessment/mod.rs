//! The assessment catalogue: checks that a maturity instrument can be scored
//! and reads well, and that a round of responses fits its instrument and can
//! be reported without exposing anyone.
//!
//! Instrument findings point into the serialized [`Instrument`]
//! (`/items/3/weight`); response findings point into the serialized
//! [`Round`](crate::assessment::Round) of the [`Assessment`], not into the
//! instrument (`/responses/4/answers/culture-02`).

mod index;
mod instrument;
mod paths;
mod responses;

pub use index::{AssessmentIndex, InstrumentIndex};

use crate::assessment::{Assessment, Instrument};
use crate::validate::{FnRule, Rule, RuleMeta, Severity};

/// The built-in rules over an [`Instrument`]: unique ids, maturity bands that
/// cover 0 to 100, a sound scale, positive weights, dimensions with items,
/// next steps for every level and dimension, a weakest-link allowance that can
/// bite, and no blank prompts or names.
///
/// Mistakes that make scoring impossible (those [`Scorer::new`] refuses) are
/// errors under every profile; advice is a warning. Findings point into the
/// serialized instrument, such as `/items/3/weight`. See `RULES.md` for the
/// whole catalogue.
///
/// ```
/// use customer_strategy::{rules, Instrument};
/// use customer_strategy::validate::{Profile, RuleSet};
///
/// let rules = RuleSet::<Instrument>::builder().rules(rules::instrument()).build()?;
/// let instrument = Instrument::customer_strategy_maturity()?;
/// let report = rules.validate(&instrument, Profile::Final);
/// assert_eq!(report.profile(), Profile::Final);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`Scorer::new`]: crate::assessment::Scorer::new
#[must_use]
pub fn instrument() -> Vec<Box<dyn Rule<Instrument>>> {
    INSTRUMENT_CATALOGUE
        .iter()
        .map(|rule| Box::new(*rule) as Box<dyn Rule<Instrument>>)
        .collect()
}

/// The built-in rules over an [`Assessment`] (an instrument and a round of
/// responses to it): the round names its instrument, each respondent answers
/// once, answers are to items the instrument has and lie on its scale,
/// respondents complete enough of the items asked of them and do not give one
/// point to everything, and every organizational level has enough respondents
/// for its scores to be reported.
///
/// The rules judge the round against its instrument and assume the instrument
/// itself is sound: run [`instrument()`] on it first. Findings point into the
/// serialized [`Round`](crate::assessment::Round), such as
/// `/responses/4/answers/culture-02`, never into the instrument. See `RULES.md`
/// for the whole catalogue.
///
/// ```
/// use customer_strategy::{rules, Assessment, Document, Instrument, Round};
/// use customer_strategy::validate::{Profile, RuleSet};
///
/// let rules = RuleSet::<Assessment>::builder().rules(rules::responses()).build()?;
/// let instrument = Instrument::customer_strategy_maturity()?;
/// let round = Round::from_toml(r#"
///     schema_version = 1
///     name = "Spring 2026"
///     date = "2026-04-30"
///     instrument = { id = "customer-strategy-maturity", version = "1999.1" }
/// "#)?;
/// let report = rules.validate(&Assessment { instrument, round }, Profile::Final);
/// let finding = report.with_code("ROUND-INSTRUMENT-001").next().unwrap();
/// assert_eq!(finding.path.as_str(), "/instrument/version");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn responses() -> Vec<Box<dyn Rule<Assessment>>> {
    RESPONSE_CATALOGUE
        .iter()
        .map(|rule| Box::new(*rule) as Box<dyn Rule<Assessment>>)
        .collect()
}

const INSTRUMENT_CATALOGUE: &[FnRule<Instrument>] = &[
    instrument::UNIQUE_IDS,
    instrument::BANDS,
    instrument::SCALE_RANGE,
    instrument::SCALE_LABELS,
    instrument::WEIGHTS,
    instrument::DIMENSION_ITEMS,
    instrument::ITEM_DIMENSION,
    instrument::NEXT_STEPS,
    instrument::WEAKEST_LINK,
    instrument::LEVEL_ORDER,
    instrument::BLANK_TEXT,
];

const RESPONSE_CATALOGUE: &[FnRule<Assessment>] = &[
    responses::INSTRUMENT_MATCH,
    responses::RESPONDENT_ONCE,
    responses::KNOWN_ITEMS,
    responses::ASKED_ITEMS,
    responses::ON_SCALE,
    responses::ALLOWED_ANSWERS,
    responses::COMPLETION,
    responses::STRAIGHT_LINING,
    responses::GROUP_SIZE,
];

/// Metadata of an instrument rule whose findings make scoring impossible or
/// wrong: an error under every profile.
const fn instrument_mistake(
    code: &'static str,
    title: &'static str,
    rationale: &'static str,
) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Error, rationale).with_tags(&["instrument", "scoring"])
}

/// Metadata of an instrument rule that gives advice: a warning under every profile.
const fn instrument_advice(
    code: &'static str,
    title: &'static str,
    rationale: &'static str,
) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Warning, rationale).with_tags(&["instrument", "quality"])
}

/// Metadata of a response rule whose findings are answers that do not fit the
/// instrument: an error under every profile.
const fn response_mistake(
    code: &'static str,
    title: &'static str,
    rationale: &'static str,
) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Error, rationale).with_tags(&["round", "consistency"])
}

/// Metadata of a response rule that judges the quality of the answers: a
/// warning under every profile.
const fn response_advice(
    code: &'static str,
    title: &'static str,
    rationale: &'static str,
) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Warning, rationale).with_tags(&["round", "quality"])
}
