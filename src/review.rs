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
use crate::value::ValueStudy;

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
    /// A value study of the organization's customers against its competitors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueStudy>,
}

/// Settings for a review.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReviewOptions {
    thresholds: Thresholds,
    scoring: ScoringOptions,
    levels_per_blocker: u8,
    max_cap_levels: u8,
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            thresholds: Thresholds::default(),
            scoring: ScoringOptions::default(),
            levels_per_blocker: Self::LEVELS_PER_BLOCKER,
            max_cap_levels: Self::MAX_CAP_LEVELS,
        }
    }
}

impl ReviewOptions {
    /// Each blocker present takes this many levels off the highest level the
    /// organization can reach, unless set otherwise.
    pub const LEVELS_PER_BLOCKER: u8 = 1;
    /// However many blockers are present, the cap takes at most this many
    /// levels off the highest level. The sources give no figure: this is the
    /// crate's default, so that on a five-level instrument the middle level
    /// stays reachable by a team whose answers earn it; the level still comes
    /// from the answers, and the cap only corrects how far they can be trusted.
    pub const MAX_CAP_LEVELS: u8 = 2;

    /// Sets the most levels the cap can take off the highest level, whatever
    /// the blockers (0 turns the cap off).
    ///
    /// ```
    /// use customer_strategy::ReviewOptions;
    ///
    /// assert_eq!(ReviewOptions::default().max_cap_levels(), 2);
    /// assert_eq!(ReviewOptions::default().with_max_cap_levels(4).max_cap_levels(), 4);
    /// ```
    #[must_use]
    pub fn with_max_cap_levels(mut self, levels: u8) -> Self {
        self.max_cap_levels = levels;
        self
    }

    /// The most levels the cap can take off the highest level.
    #[must_use]
    pub fn max_cap_levels(&self) -> u8 {
        self.max_cap_levels
    }

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

    /// Sets how many levels a blocker present at the full margin of 1 takes
    /// off the highest level reachable (0 turns the cap off); see
    /// [`BlockerCap`] for how the margins weigh.
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
///
/// The rule: each blocker [present](Verdict::Present) weighs its
/// [margin](Judgement::margin) (0 to 1), half of it when the sources disagree
/// ([contested](Judgement::contested)); [borderline](Verdict::Borderline)
/// blockers weigh nothing. The levels taken off the instrument's highest level
/// are `min(max_cap_levels, ceil(levels_per_blocker × total weight))`, so any
/// blocker clearly present costs at least one level, a strong one costs more
/// than a near miss, and no pile of proxies costs more than `max_cap_levels`.
/// The cap is that highest level less the levels taken (never below the
/// lowest level); it bites only when the answers give a level above it.
///
/// ```
/// use customer_strategy::{Blocker, BlockerCap, ReviewOptions};
///
/// // The sample bank: executive time 9% against 15% (margin 0.4), KPIs 35%
/// // against 50% (0.3), process effort 75% against at most 70% (0.17).
/// let weights = [
///     (Blocker::ForgottenCustomer, 0.4),
///     (Blocker::CompanyCentric, 0.3),
///     (Blocker::ProcessOverMindset, 0.05 / 0.3),
/// ];
/// // ceil(1 × 0.87) = 1 level off level 5: the cap is level 4.
/// assert_eq!(BlockerCap::levels_taken(&weights, 1, 2), 1);
/// // Seven blockers at full margin would take seven, but at most two.
/// let all = Blocker::ALL.map(|b| (b, 1.0));
/// assert_eq!(BlockerCap::levels_taken(&all, 1, ReviewOptions::MAX_CAP_LEVELS), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockerCap {
    /// The blockers found present.
    pub blockers: Vec<Blocker>,
    /// What each present blocker weighs (its margin, halved when contested),
    /// in the order of [`BlockerCap::blockers`]. Empty in documents written
    /// before weights were recorded.
    #[serde(default)]
    pub weights: Vec<f64>,
    /// How many levels a blocker at the full margin takes off the highest level.
    pub levels_per_blocker: u8,
    /// The most levels the cap takes off, whatever the blockers. Read as
    /// [`ReviewOptions::MAX_CAP_LEVELS`] from documents written before.
    #[serde(default = "default_max_cap_levels")]
    pub max_cap_levels: u8,
    /// How many levels the blockers take off the highest level. Read as 0 from
    /// documents written before.
    #[serde(default)]
    pub levels_taken: u8,
    /// The highest level number reachable with these blockers.
    pub cap: u8,
    /// The level the assessment alone gives.
    pub uncapped: LevelRef,
    /// The level after the cap.
    pub capped: LevelRef,
}

fn default_max_cap_levels() -> u8 {
    ReviewOptions::MAX_CAP_LEVELS
}

impl BlockerCap {
    /// Whether the cap bites: the answers give a level above it.
    #[must_use]
    pub fn binds(&self) -> bool {
        self.uncapped.number > self.cap
    }

    /// The levels the cap takes off the highest level for blockers of these
    /// weights: `min(max_cap_levels, ceil(levels_per_blocker × Σ weight))`,
    /// each weight clamped to 0 to 1. See [`BlockerCap`] for a worked example.
    #[must_use]
    pub fn levels_taken(
        weights: &[(Blocker, f64)],
        levels_per_blocker: u8,
        max_cap_levels: u8,
    ) -> u8 {
        let total: f64 = weights
            .iter()
            .map(|(_, w)| {
                if w.is_finite() {
                    w.clamp(0.0, 1.0)
                } else {
                    0.0
                }
            })
            .sum();
        // A hair below the whole number, so that sums like 0.1 + 0.2 + 0.7
        // are not rounded up by floating-point noise.
        let levels = (f64::from(levels_per_blocker) * total - 1e-9)
            .ceil()
            .max(0.0);
        let max = f64::from(max_cap_levels);
        // Both bounds fit in a u8.
        let levels = levels.min(max);
        u8::try_from(levels as i64).unwrap_or(max_cap_levels)
    }

    /// What a judged blocker weighs in the cap: its margin when present, half
    /// of it when contested, nothing otherwise.
    #[must_use]
    pub fn weight(judgement: &Judgement) -> f64 {
        if judgement.verdict != Verdict::Present {
            return 0.0;
        }
        if judgement.contested {
            judgement.margin / 2.0
        } else {
            judgement.margin
        }
    }
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
    /// How the blockers present weigh on the level: set whenever the
    /// assessment gives a level and some blocker is present, whether or not
    /// the cap bites ([`BlockerCap::binds`]).
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
        let level = maturity.as_ref().and_then(|m| m.level.clone());
        let blocker_cap = match (&self.assessment, &level) {
            (Some(assessment), Some(level)) => cap_by_blockers(
                &assessment.instrument,
                level,
                &blockers,
                options.levels_per_blocker,
                options.max_cap_levels,
            ),
            _ => None,
        };
        Ok(ReviewResult {
            level: blocker_cap
                .as_ref()
                .filter(|c| c.binds())
                .map_or(level, |c| Some(c.capped.clone())),
            maturity,
            blockers,
            promoters,
            blocker_cap,
        })
    }
}

/// Weighs the blockers present and caps `level` by the rule of
/// [`BlockerCap`]; `None` when no blocker is present or the instrument has no
/// levels. The cap is returned even when it does not bite, so that the result
/// can say why the level stands; [`BlockerCap::binds`] says whether it bit.
pub(crate) fn cap_by_blockers(
    instrument: &Instrument,
    level: &LevelRef,
    judgements: &[Judgement],
    levels_per_blocker: u8,
    max_cap_levels: u8,
) -> Option<BlockerCap> {
    let weighed: Vec<(Blocker, f64)> = judgements
        .iter()
        .filter(|j| j.verdict == Verdict::Present)
        .map(|j| (j.blocker, BlockerCap::weight(j)))
        .collect();
    if weighed.is_empty() {
        return None;
    }
    let numbers = instrument.levels.iter().map(|l| l.number);
    let (lowest, highest) = (numbers.clone().min()?, numbers.max()?);
    let taken = BlockerCap::levels_taken(&weighed, levels_per_blocker, max_cap_levels);
    let cap = highest.saturating_sub(taken).max(lowest);
    let capped = if level.number <= cap {
        level.clone()
    } else {
        LevelRef::of(instrument.highest_level_up_to(cap)?)
    };
    Some(BlockerCap {
        blockers: weighed.iter().map(|(b, _)| *b).collect(),
        weights: weighed.iter().map(|(_, w)| *w).collect(),
        levels_per_blocker,
        max_cap_levels,
        levels_taken: taken,
        cap,
        uncapped: level.clone(),
        capped,
    })
}
