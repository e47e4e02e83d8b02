//! The whole-organization review: a canvas, culture signals and an assessment
//! judged together, so what the strategy says, what the culture shows and what
//! the team answers can be held against each other.

use serde::{Deserialize, Serialize};

use crate::assessment::{
    Assessment, Instrument, LevelRef, RoundResult, Scorer, ScoringError, ScoringOptions,
};
use crate::canvas::Canvas;
use crate::culture::{
    Blocker, CultureSignals, Judgement, PromoterInPlace, Thresholds, Verdict, judge_all,
    promoters_in_place,
};

/// Everything known about an organization's customer strategy practice. Any
/// part may be missing; the review judges what is there.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct OrganizationReview {
    /// The customer strategy canvas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canvas: Option<Canvas>,
    /// The culture signals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signals: Option<CultureSignals>,
    /// The latest assessment round, with its instrument.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
}

/// Settings for a review.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReviewOptions {
    thresholds: Thresholds,
    scoring: ScoringOptions,
    levels_per_blocker: u8,
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            thresholds: Thresholds::default(),
            scoring: ScoringOptions::default(),
            levels_per_blocker: Self::LEVELS_PER_BLOCKER,
        }
    }
}

impl ReviewOptions {
    /// Each blocker present takes this many levels off the highest level the
    /// organization can reach, unless set otherwise.
    pub const LEVELS_PER_BLOCKER: u8 = 1;

    /// Sets the thresholds for judging the blockers.
    #[must_use]
    pub fn with_thresholds(mut self, thresholds: Thresholds) -> Self {
        self.thresholds = thresholds;
        self
    }

    /// Sets the options for scoring the assessment.
    #[must_use]
    pub fn with_scoring(mut self, scoring: ScoringOptions) -> Self {
        self.scoring = scoring;
        self
    }

    /// Sets how many levels each blocker present takes off the highest level
    /// reachable (0 turns the cap off).
    #[must_use]
    pub fn with_levels_per_blocker(mut self, levels: u8) -> Self {
        self.levels_per_blocker = levels;
        self
    }

    /// The thresholds for judging the blockers.
    #[must_use]
    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// The options for scoring the assessment.
    #[must_use]
    pub fn scoring(&self) -> &ScoringOptions {
        &self.scoring
    }

    /// How many levels each blocker present takes off the highest level reachable.
    #[must_use]
    pub fn levels_per_blocker(&self) -> u8 {
        self.levels_per_blocker
    }
}

/// Blockers at work cap the maturity level an organization can claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockerCap {
    /// The blockers found present.
    pub blockers: Vec<Blocker>,
    /// How many levels each takes off the highest level.
    pub levels_per_blocker: u8,
    /// The highest level number reachable with these blockers.
    pub cap: u8,
    /// The level the assessment alone gives.
    pub uncapped: LevelRef,
    /// The level after the cap.
    pub capped: LevelRef,
}

/// The result of a review: the maturity of the team, the blockers with their
/// evidence and promoters, the promoters in place, and the level after blockers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewResult {
    /// The scored assessment, when there is one.
    pub maturity: Option<RoundResult>,
    /// The judgement on each of the seven blockers.
    pub blockers: Vec<Judgement>,
    /// The promoters the evidence shows in place.
    pub promoters: Vec<PromoterInPlace>,
    /// The maturity level after the assessment's own weakest-link rule and the
    /// blocker cap.
    pub level: Option<LevelRef>,
    /// Set when blockers capped the level.
    pub blocker_cap: Option<BlockerCap>,
}

impl ReviewResult {
    /// The blockers found present.
    pub fn present(&self) -> impl Iterator<Item = &Judgement> {
        self.blockers
            .iter()
            .filter(|j| j.verdict == Verdict::Present)
    }
}

impl OrganizationReview {
    /// Scores the assessment, judges the blockers, finds the promoters in place
    /// and caps the level by the blockers present.
    ///
    /// # Errors
    ///
    /// Returns a [`ScoringError`] when the assessment's instrument cannot be scored.
    pub fn assess(&self, options: &ReviewOptions) -> Result<ReviewResult, ScoringError> {
        let maturity = match &self.assessment {
            Some(assessment) => Some(
                Scorer::new(&assessment.instrument)?
                    .score_round(&assessment.round, &options.scoring),
            ),
            None => None,
        };
        let blockers = judge_all(
            self.signals.as_ref(),
            maturity.as_ref(),
            &options.thresholds,
        );
        let promoters = promoters_in_place(
            self.signals.as_ref(),
            self.canvas.as_ref(),
            &options.thresholds,
        );
        let present: Vec<Blocker> = blockers
            .iter()
            .filter(|j| j.verdict == Verdict::Present)
            .map(|j| j.blocker)
            .collect();
        let level = maturity.as_ref().and_then(|m| m.level.clone());
        let blocker_cap = match (&self.assessment, &level) {
            (Some(assessment), Some(level)) => cap_by_blockers(
                &assessment.instrument,
                level,
                &present,
                options.levels_per_blocker,
            ),
            _ => None,
        };
        Ok(ReviewResult {
            level: blocker_cap
                .as_ref()
                .map_or(level, |c| Some(c.capped.clone())),
            maturity,
            blockers,
            promoters,
            blocker_cap,
        })
    }
}

/// Caps `level` at the instrument's highest level number less
/// `levels_per_blocker` for each blocker present; `None` when it does not bite.
pub(crate) fn cap_by_blockers(
    instrument: &Instrument,
    level: &LevelRef,
    present: &[Blocker],
    levels_per_blocker: u8,
) -> Option<BlockerCap> {
    let numbers = instrument.levels.iter().map(|l| l.number);
    let (lowest, highest) = (numbers.clone().min()?, numbers.max()?);
    let taken = usize::from(levels_per_blocker).saturating_mul(present.len());
    let cap = u8::try_from(usize::from(highest).saturating_sub(taken))
        .unwrap_or(lowest)
        .max(lowest);
    if level.number <= cap {
        return None;
    }
    let capped = instrument.highest_level_up_to(cap)?;
    Some(BlockerCap {
        blockers: present.to_vec(),
        levels_per_blocker,
        cap,
        uncapped: level.clone(),
        capped: LevelRef::of(capped),
    })
}
