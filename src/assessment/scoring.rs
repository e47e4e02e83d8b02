//! Scoring: from answers to scores per respondent, per dimension, per
//! organizational level, with maturity levels, gaps and next steps.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::assessment::instrument::{
    DimensionId, Instrument, ItemId, MaturityLevel, OrgLevel, RespondentId,
};
use crate::assessment::response::{Answer, InstrumentRef, Response, Round};
use crate::assessment::score::Score;

/// Settings for scoring a round.
///
/// ```
/// use customer_strategy::ScoringOptions;
///
/// let options = ScoringOptions::default().with_min_group_size(5).with_gap_threshold(20.0);
/// assert_eq!(options.min_group_size(), 5);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoringOptions {
    min_group_size: usize,
    gap_threshold: f64,
    focus: usize,
}

impl Default for ScoringOptions {
    fn default() -> Self {
        ScoringOptions {
            min_group_size: Self::DEFAULT_MIN_GROUP_SIZE,
            gap_threshold: 15.0,
            focus: 2,
        }
    }
}

impl ScoringOptions {
    /// The fewest respondents a level needs to be reported, unless set otherwise.
    pub const DEFAULT_MIN_GROUP_SIZE: usize = 3;

    /// Sets the fewest respondents an organizational level needs before its
    /// scores are reported, so that no one person's answers are exposed (at least 1).
    #[must_use]
    pub fn with_min_group_size(mut self, min: usize) -> Self {
        self.min_group_size = min.max(1);
        self
    }

    /// Sets the gap, in points, between the highest and lowest level's mean above
    /// which a dimension's gap is flagged.
    #[must_use]
    pub fn with_gap_threshold(mut self, points: f64) -> Self {
        if points.is_finite() {
            self.gap_threshold = points.max(0.0);
        }
        self
    }

    /// Sets how many dimensions are named as strongest and as weakest.
    #[must_use]
    pub fn with_focus(mut self, dimensions: usize) -> Self {
        self.focus = dimensions;
        self
    }

    /// The fewest respondents a level needs to be reported.
    #[must_use]
    pub fn min_group_size(&self) -> usize {
        self.min_group_size
    }

    /// The gap, in points, above which a dimension's gap is flagged.
    #[must_use]
    pub fn gap_threshold(&self) -> f64 {
        self.gap_threshold
    }

    /// How many dimensions are named as strongest and as weakest.
    #[must_use]
    pub fn focus(&self) -> usize {
        self.focus
    }
}

/// An instrument made ready for scoring: checked once, with lookup tables built
/// once, then used for any number of responses and rounds.
#[derive(Debug)]
pub struct Scorer<'i> {
    instrument: &'i Instrument,
    /// Items sorted by id, to be merged with each response's sorted answers.
    items: Vec<ItemSlot<'i>>,
    /// [`Scorer::items`] cut into runs of items of one dimension.
    runs: Vec<DimensionRun>,
    /// Per item (in the instrument's order) and point of the scale, what the
    /// point adds to its dimension.
    values: Vec<PointValue>,
    /// Levels sorted by the start of their band.
    levels: Vec<&'i MaturityLevel>,
    span: f64,
    /// How many points the scale has.
    points: usize,
}

/// Items of one dimension that follow one another in the order of their ids.
#[derive(Debug)]
struct DimensionRun {
    dimension: usize,
    /// How many.
    items: usize,
}

/// What one point of one item adds to its dimension's sums.
#[derive(Debug)]
struct PointValue {
    /// `value` times `weight`.
    weighted: f64,
    /// The item's weight.
    weight: f64,
    /// The point's value from 0 to 100, reverse items turned around.
    value: f64,
    /// `-value`.
    negated: f64,
    /// The item's dimension.
    dimension: usize,
}

#[derive(Debug)]
struct ItemSlot<'i> {
    id: &'i ItemId,
    /// The id's inline words, when it is kept inline: an answer's key is this
    /// item's id exactly when its own inline words are the same, three
    /// comparisons of integers read from the answers' own map.
    words: Option<[u64; 3]>,
    /// Where the item's points start in [`Scorer::values`] and in the counts
    /// per item and point: its position in the instrument times the points of
    /// the scale.
    cell: usize,
}

impl ItemSlot<'_> {
    /// Whether `id` is this item's id.
    #[inline]
    fn is(&self, id: &ItemId) -> bool {
        match (self.words, id.inline_words()) {
            (Some([a, b, c]), Some([x, y, z])) => (a ^ x) | (b ^ y) | (c ^ z) == 0,
            (None, None) => self.id.as_bytes() == id.as_bytes(),
            _ => false,
        }
    }
}

impl<'i> Scorer<'i> {
    /// Prepares `instrument` for scoring.
    ///
    /// # Errors
    ///
    /// Returns a [`ScoringError`] when the instrument cannot be scored: a scale
    /// whose lowest point is not below its highest, no dimensions, a dimension or
    /// item id used twice, an item of an unknown dimension, a weight that is not
    /// positive, or levels whose bands do not cover 0 to 100 without gap or overlap.
    /// The instrument rules of the catalogue report the same problems, and
    /// more, with paths.
    pub fn new(instrument: &'i Instrument) -> Result<Self, ScoringError> {
        let scale = &instrument.scale;
        if scale.min >= scale.max {
            return Err(ScoringError::new(format!(
                "the scale runs from {} to {}: its lowest point must be below its highest",
                scale.min, scale.max
            )));
        }
        if instrument.dimensions.is_empty() {
            return Err(ScoringError::new(
                "the instrument has no dimensions".to_owned(),
            ));
        }
        let mut dimension_ids = HashMap::with_capacity(instrument.dimensions.len());
        for (d, dimension) in instrument.dimensions.iter().enumerate() {
            if dimension_ids.insert(dimension.id.as_str(), d).is_some() {
                return Err(ScoringError::new(format!(
                    "the dimension id `{}` is used twice",
                    dimension.id
                )));
            }
            check_weight(dimension.weight, "dimension", dimension.id.as_str())?;
        }
        let points = usize::from(scale.max - scale.min) + 1;
        let min = f64::from(scale.min);
        let span = f64::from(scale.max) - f64::from(scale.min);
        let mut items = Vec::with_capacity(instrument.items.len());
        let mut values = Vec::with_capacity(instrument.items.len() * points);
        for (position, item) in instrument.items.iter().enumerate() {
            let dimension = dimension_ids
                .get(item.dimension.as_str())
                .copied()
                .ok_or_else(|| {
                    ScoringError::new(format!(
                        "item `{}` belongs to the dimension `{}`, which the instrument does not have",
                        item.id, item.dimension
                    ))
                })?;
            check_weight(item.weight, "item", item.id.as_str())?;
            items.push(ItemSlot {
                id: &item.id,
                words: item.id.inline_words(),
                cell: position * points,
            });
            for point in scale.min..=scale.max {
                let mut value = (f64::from(point) - min) / span;
                if item.reverse {
                    value = 1.0 - value;
                }
                values.push(PointValue {
                    weighted: 100.0 * value * item.weight,
                    weight: item.weight,
                    value: 100.0 * value,
                    negated: -(100.0 * value),
                    dimension,
                });
            }
        }
        items.sort_by(|a, b| a.id.cmp(b.id));
        if let Some(pair) = items
            .windows(2)
            .find(|w| matches!(w, [a, b] if a.id == b.id))
        {
            let id = pair.first().map_or("", |slot| slot.id.as_str());
            return Err(ScoringError::new(format!(
                "the item id `{id}` is used twice"
            )));
        }
        // The runs of items of one dimension, in the order of their ids.
        let mut runs: Vec<DimensionRun> = Vec::new();
        for slot in &items {
            let dimension = values
                .get(slot.cell)
                .map_or(usize::MAX, |point| point.dimension);
            match runs.last_mut() {
                Some(run) if run.dimension == dimension => run.items += 1,
                _ => runs.push(DimensionRun {
                    dimension,
                    items: 1,
                }),
            }
        }
        let mut levels: Vec<&MaturityLevel> = instrument.levels.iter().collect();
        levels.sort_by(|a, b| a.band.from.total_cmp(&b.band.from));
        check_bands(&levels)?;
        Ok(Scorer {
            instrument,
            items,
            runs,
            values,
            levels,
            points,
            span,
        })
    }

    /// The instrument being scored.
    #[must_use]
    pub fn instrument(&self) -> &'i Instrument {
        self.instrument
    }

    /// The maturity level a score falls into.
    #[must_use]
    pub fn level_of(&self, score: Score) -> Option<&'i MaturityLevel> {
        self.levels
            .iter()
            .copied()
            .find(|level| level.band.contains(score.get()))
    }

    /// Scores one response: each dimension from 0 to 100 (weighted, reverse
    /// items turned around), "don't know" and "not applicable" left out and counted.
    #[must_use]
    pub fn score_response(&self, response: &Response) -> RespondentScore {
        let mut sums = vec![DimensionSum::default(); self.instrument.dimensions.len()];
        let mut answers = AnswerCounts::default();
        self.accumulate(response, &mut sums, &mut answers, &mut []);
        let scores: Vec<Option<Score>> = sums.iter().map(DimensionSum::score).collect();
        let overall = self.weighted_overall(scores.iter().copied());
        RespondentScore {
            respondent: response.respondent.id.clone(),
            level: response.respondent.level,
            maturity: overall.and_then(|s| self.level_of(s)).map(LevelRef::of),
            dimensions: scores,
            overall,
            answers,
        }
    }

    /// Adds one response's answers into per-dimension sums (reset first) and
    /// counts them, and each point into `per_item` (left alone when empty).
    fn accumulate(
        &self,
        response: &Response,
        sums: &mut [DimensionSum],
        answers: &mut AnswerCounts,
        per_item: &mut [u32],
    ) {
        sums.fill(DimensionSum::default());
        let mut counts = AnswerCounts::default();
        let mut pairs = response.answers.iter();
        let mut items = self.items.iter();
        // Both the answers (a BTreeMap) and the items are sorted by id. While
        // the answers answer the items in turn, as they do when a response
        // answers every item, each answer is checked against the next item
        // alone (three comparisons of integers for ids kept inline), and added
        // to a dimension whose items follow one another.
        let mut stray = None;
        'runs: for run in &self.runs {
            let mut sum = sums.get(run.dimension).copied().unwrap_or_default();
            for slot in items.by_ref().take(run.items) {
                let Some((id, answer)) = pairs.next() else {
                    break;
                };
                if !slot.is(id) {
                    stray = Some((slot, id, answer));
                    break;
                }
                sum = self.add(slot, *answer, sum, &mut counts, per_item);
            }
            if let Some(total) = sums.get_mut(run.dimension) {
                *total = sum;
            }
            if stray.is_some() || pairs.len() == 0 {
                break 'runs;
            }
        }
        // Otherwise, or for the answers left (to items the instrument does
        // not have), one merge pass pairs the answers with the items from
        // where they part: without any lookups, the same additions in the
        // same order.
        if let Some((slot, id, answer)) = stray {
            let mut next = Some(slot);
            let rest = std::iter::once((id, answer)).chain(pairs);
            for (id, answer) in rest {
                let slot = match next {
                    Some(slot) if slot.is(id) => {
                        next = items.next();
                        slot
                    }
                    _ => match Self::seek(&mut items, &mut next, id) {
                        Some(slot) => slot,
                        None => {
                            counts.unknown_item += 1;
                            continue;
                        }
                    },
                };
                let dimension = self
                    .values
                    .get(slot.cell)
                    .map_or(usize::MAX, |p| p.dimension);
                let mut sum = sums.get(dimension).copied().unwrap_or_default();
                sum = self.add(slot, *answer, sum, &mut counts, per_item);
                if let Some(total) = sums.get_mut(dimension) {
                    *total = sum;
                }
            }
        } else {
            counts.unknown_item += pairs.len();
        }
        // Every answer not counted otherwise is a point on the scale.
        counts.scored = response.answers.len()
            - counts.dont_know
            - counts.not_applicable
            - counts.off_scale
            - counts.unknown_item;
        answers.scored += counts.scored;
        answers.dont_know += counts.dont_know;
        answers.not_applicable += counts.not_applicable;
        answers.off_scale += counts.off_scale;
        answers.unknown_item += counts.unknown_item;
    }

    /// Adds `answer` to `slot`'s item into its dimension's `sum`, or counts
    /// it when it is not a point on the scale.
    #[inline]
    fn add(
        &self,
        slot: &ItemSlot<'_>,
        answer: Answer,
        sum: DimensionSum,
        counts: &mut AnswerCounts,
        per_item: &mut [u32],
    ) -> DimensionSum {
        // A point below the scale wraps around to a step past its end, as
        // do the answers off the scale.
        let step = match answer {
            Answer::Point(point) => usize::from(point.wrapping_sub(self.instrument.scale.min)),
            _ => usize::MAX,
        };
        let cell = slot.cell.wrapping_add(step);
        if let Some(point) = self.values.get(cell).filter(|_| step < self.points) {
            // Counts per point, so item means do not depend on the order of
            // the respondents.
            if let Some(count) = per_item.get_mut(cell) {
                *count += 1;
            }
            sum.plus(point)
        } else {
            counts.count_unscored(answer);
            sum
        }
    }

    /// Moves `next` on through `items` to the item whose id is `id`, and past
    /// it; `None`, with `next` on the first item after `id`, when there is none.
    #[cold]
    fn seek<'s>(
        items: &mut std::slice::Iter<'s, ItemSlot<'i>>,
        next: &mut Option<&'s ItemSlot<'i>>,
        id: &ItemId,
    ) -> Option<&'s ItemSlot<'i>> {
        while let Some(slot) = *next {
            match slot.id.as_bytes().cmp(id.as_bytes()) {
                Ordering::Less => *next = items.next(),
                Ordering::Equal => {
                    *next = items.next();
                    return Some(slot);
                }
                Ordering::Greater => return None,
            }
        }
        None
    }

    /// The overall score: the mean of the dimension scores present, weighted by
    /// the dimensions' weights.
    fn weighted_overall(&self, scores: impl Iterator<Item = Option<Score>>) -> Option<Score> {
        let mut mean = WeightedMean::default();
        for (score, dimension) in scores.zip(&self.instrument.dimensions) {
            if let Some(score) = score {
                mean.add(score.get(), dimension.weight);
            }
        }
        mean.score()
    }

    /// Scores a whole round: the team's scores per dimension, cut by
    /// organizational level, the gap from boardroom to back office, the maturity
    /// level with the weakest-link rule applied, and the next steps.
    #[must_use]
    pub fn score_round(&self, round: &Round, options: &ScoringOptions) -> RoundResult {
        let dimensions = &self.instrument.dimensions;
        let mut answers = AnswerCounts::default();
        let mut sums = vec![DimensionSum::default(); dimensions.len()];
        let mut per_item = vec![0_u32; self.instrument.items.len() * self.points];

        // The respondents of each level, to lay out one buffer of scores: per
        // dimension, one stretch per level, each as long as the level has
        // respondents. Its size follows the round, the number of allocations does not.
        let mut respondents = [0_usize; LEVELS];
        for response in &round.responses {
            if let Some(count) = respondents.get_mut(response.respondent.level.position()) {
                *count += 1;
            }
        }
        let mut starts = [0_usize; LEVELS];
        let mut start = 0;
        for (s, &count) in starts.iter_mut().zip(&respondents) {
            *s = start;
            start += count;
        }
        let stride = round.responses.len();
        let mut scores = vec![0.0_f64; dimensions.len() * stride];
        // How many scores each (dimension, level) holds so far.
        let mut filled = vec![[0_usize; LEVELS]; dimensions.len()];
        for response in &round.responses {
            self.accumulate(response, &mut sums, &mut answers, &mut per_item);
            let l = response.respondent.level.position();
            let begin = starts.get(l).copied().unwrap_or(0);
            for (d, (mean, filled)) in sums.iter().zip(filled.iter_mut()).enumerate() {
                if let (Some(value), Some(n)) = (mean.score(), filled.get_mut(l))
                    && let Some(slot) = scores.get_mut(d * stride + begin + *n)
                {
                    *slot = value.get();
                    *n += 1;
                }
            }
        }

        // Sort each level's scores: the statistics read them in order, as does
        // the merge into the team's.
        let stretch = |d: usize, l: usize| {
            let begin = d * stride + starts.get(l).copied().unwrap_or(0);
            let len = filled.get(d).and_then(|f| f.get(l)).copied().unwrap_or(0);
            begin..begin + len
        };
        for d in 0..dimensions.len() {
            for l in 0..LEVELS {
                if let Some(values) = scores.get_mut(stretch(d, l)) {
                    sort_scores(values);
                }
            }
        }

        let levels: Vec<LevelResult> = OrgLevel::ALL
            .iter()
            .zip(respondents)
            .enumerate()
            .filter(|&(_, (_, respondents))| respondents > 0)
            .map(|(l, (&level, respondents))| {
                let reported = respondents >= options.min_group_size;
                let dimensions: Vec<Option<Stats>> = if reported {
                    let runs: Vec<&[f64]> = (0..dimensions.len())
                        .map(|d| scores.get(stretch(d, l)).unwrap_or_default())
                        .collect();
                    Stats::of_sorted_runs(&runs)
                } else {
                    vec![None; dimensions.len()]
                };
                let overall = self.weighted_overall(dimensions.iter().map(|s| s.map(|s| s.mean)));
                LevelResult {
                    level,
                    respondents,
                    reported,
                    overall,
                    dimensions,
                }
            })
            .collect();

        // The team's scores per dimension, each merged from its levels' in
        // order, then their statistics side by side.
        let mut teams: Vec<Vec<f64>> = (0..dimensions.len())
            .map(|_| Vec::with_capacity(stride))
            .collect();
        let mut spare = Vec::with_capacity(stride);
        let mut heads: Vec<&[f64]> = Vec::with_capacity(LEVELS);
        for (d, team) in teams.iter_mut().enumerate() {
            heads.clear();
            heads.extend((0..LEVELS).map(|l| scores.get(stretch(d, l)).unwrap_or(&[])));
            merge_sorted(&heads, team, &mut spare);
        }
        let runs: Vec<&[f64]> = teams.iter().map(Vec::as_slice).collect();
        let team_stats = Stats::of_sorted_runs(&runs);
        let mut results: Vec<DimensionResult> = Vec::with_capacity(dimensions.len());
        for (d, (dimension, &stats)) in dimensions.iter().zip(&team_stats).enumerate() {
            let gap = Gap::across(&levels, d, options.gap_threshold);
            results.push(DimensionResult {
                id: dimension.id.clone(),
                name: dimension.name.clone(),
                level: stats.and_then(|s| self.level_of(s.mean)).map(LevelRef::of),
                stats,
                gap,
            });
        }

        let overall = self.weighted_overall(results.iter().map(|r| r.stats.map(|s| s.mean)));
        let uncapped = overall.and_then(|s| self.level_of(s));

        // Rank the dimensions by their mean, lowest first; ties by instrument order.
        let mut ranked: Vec<(usize, Score)> = results
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.stats.map(|s| (i, s.mean)))
            .collect();
        ranked.sort_by(|(ia, a), (ib, b)| a.get().total_cmp(&b.get()).then_with(|| ia.cmp(ib)));
        let weakest: Vec<DimensionId> = ranked
            .iter()
            .take(options.focus)
            .filter_map(|(i, _)| results.get(*i).map(|r| r.id.clone()))
            .collect();
        let strongest: Vec<DimensionId> = ranked
            .iter()
            .rev()
            .take(options.focus)
            .filter_map(|(i, _)| results.get(*i).map(|r| r.id.clone()))
            .collect();

        let (level, weakest_link) = self.apply_weakest_link(uncapped, &ranked, &results);

        let next_steps = weakest
            .iter()
            .filter_map(|id| results.iter().find(|r| &r.id == id))
            .filter_map(|result| {
                let level = result.level.as_ref()?;
                let steps = self
                    .instrument
                    .level(level.number)?
                    .next_steps_for(result.id.as_str())?;
                Some(NextStepsFor {
                    dimension: result.id.clone(),
                    name: result.name.clone(),
                    level: level.clone(),
                    steps: steps.steps.clone(),
                })
            })
            .collect();

        RoundResult {
            instrument: round.instrument.clone(),
            round: round.name.clone(),
            date: round.date,
            respondents: round.responses.len(),
            overall,
            level: level.map(LevelRef::of),
            uncapped_level: uncapped.map(LevelRef::of),
            weakest_link,
            dimensions: results,
            levels,
            strongest,
            weakest,
            next_steps,
            items: self.item_results(&per_item),
            answers,
        }
    }

    /// The team's mean per item, from the counts of each point.
    fn item_results(&self, counts: &[u32]) -> Vec<ItemResult> {
        let items = &self.instrument.items;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut mean = WeightedMean::default();
                let row = counts
                    .get(i * self.points..(i + 1) * self.points)
                    .unwrap_or(&[]);
                for (step, &count) in row.iter().enumerate() {
                    if count > 0 {
                        #[allow(clippy::cast_precision_loss)] // a point index
                        let mut value = step as f64 / self.span;
                        if item.reverse {
                            value = 1.0 - value;
                        }
                        mean.add_many(100.0 * value, f64::from(count), count as usize);
                    }
                }
                ItemResult {
                    id: item.id.clone(),
                    dimension: item.dimension.clone(),
                    mean: mean.score(),
                    n: mean.count,
                }
            })
            .collect()
    }

    /// Caps the overall level at the weakest dimension's level plus the
    /// instrument's allowance, and says so when it does.
    fn apply_weakest_link(
        &self,
        uncapped: Option<&'i MaturityLevel>,
        ranked: &[(usize, Score)],
        results: &[DimensionResult],
    ) -> (Option<&'i MaturityLevel>, Option<WeakestLinkCap>) {
        let (Some(uncapped), Some(rule)) = (uncapped, self.instrument.weakest_link) else {
            return (uncapped, None);
        };
        let Some(weakest) = ranked.first().and_then(|(i, _)| results.get(*i)) else {
            return (Some(uncapped), None);
        };
        let Some(weakest_level) = &weakest.level else {
            return (Some(uncapped), None);
        };
        let cap = weakest_level.number.saturating_add(rule.max_levels_above);
        if uncapped.number <= cap {
            return (Some(uncapped), None);
        }
        let Some(capped) = self.instrument.highest_level_up_to(cap) else {
            return (Some(uncapped), None);
        };
        (
            Some(capped),
            Some(WeakestLinkCap {
                dimension: weakest.id.clone(),
                dimension_level: weakest_level.clone(),
                max_levels_above: rule.max_levels_above,
                uncapped: LevelRef::of(uncapped),
                capped: LevelRef::of(capped),
            }),
        )
    }
}

fn check_weight(weight: f64, what: &str, id: &str) -> Result<(), ScoringError> {
    if weight.is_finite() && weight > 0.0 {
        Ok(())
    } else {
        Err(ScoringError::new(format!(
            "the {what} `{id}` has the weight {weight}; weights must be positive"
        )))
    }
}

fn check_bands(levels: &[&MaturityLevel]) -> Result<(), ScoringError> {
    let (Some(first), Some(last)) = (levels.first(), levels.last()) else {
        return Err(ScoringError::new(
            "the instrument has no maturity levels".to_owned(),
        ));
    };
    if first.band.from != 0.0 || last.band.to != 100.0 {
        return Err(ScoringError::new(format!(
            "the maturity levels cover {} to {}, not 0 to 100",
            first.band.from, last.band.to
        )));
    }
    for pair in levels.windows(2) {
        if let [a, b] = pair
            && a.band.to != b.band.from
        {
            return Err(ScoringError::new(format!(
                "level {} ends at {} but level {} starts at {}: the bands must meet",
                a.number, a.band.to, b.number, b.band.from
            )));
        }
    }
    // The weakest-link rule and the next steps find levels by number, so the
    // numbers must be unique and rise with the score.
    for pair in levels.windows(2) {
        if let [a, b] = pair
            && a.number >= b.number
        {
            return Err(ScoringError::new(if a.number == b.number {
                format!(
                    "two levels have the number {}: level numbers must be unique",
                    a.number
                )
            } else {
                format!(
                    "level {} comes below level {} on the score: level numbers must rise with the bands",
                    a.number, b.number
                )
            }));
        }
    }
    if let Some(level) = levels.iter().find(|l| l.band.to <= l.band.from) {
        return Err(ScoringError::new(format!(
            "level {} has an empty band, from {} to {}",
            level.number, level.band.from, level.band.to
        )));
    }
    Ok(())
}

/// The error returned when an instrument cannot be scored.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot score with this instrument: {message}")]
pub struct ScoringError {
    message: String,
}

impl ScoringError {
    fn new(message: String) -> Self {
        ScoringError { message }
    }

    /// What is wrong with the instrument.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// A maturity level named by number and name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRef {
    /// The level's number, 1 for the least mature.
    pub number: u8,
    /// The level's name.
    pub name: String,
}

impl LevelRef {
    pub(crate) fn of(level: &MaturityLevel) -> LevelRef {
        LevelRef {
            number: level.number,
            name: level.name.clone(),
        }
    }
}

impl fmt::Display for LevelRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.number, self.name)
    }
}

impl AnswerCounts {
    /// Counts an answer that is not a point on the scale.
    #[cold]
    fn count_unscored(&mut self, answer: Answer) {
        match answer {
            Answer::DontKnow => self.dont_know += 1,
            Answer::NotApplicable => self.not_applicable += 1,
            Answer::Point(_) => self.off_scale += 1,
        }
    }
}

/// How a respondent's answers were counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AnswerCounts {
    /// Points on the scale, which count towards the scores.
    pub scored: usize,
    /// "Don't know" answers, left out of the scores.
    pub dont_know: usize,
    /// "Not applicable" answers, left out of the scores.
    pub not_applicable: usize,
    /// Points off the scale, left out of the scores.
    pub off_scale: usize,
    /// Answers to items the instrument does not have, left out of the scores.
    pub unknown_item: usize,
}

/// A weighted mean that stays within the values it averages: floating-point
/// division can land a hair outside (equal scores weighted 0.1 and 0.2 would
/// average to 49.99999999999999 instead of 50, and fall into the band below).
#[derive(Clone, Copy, Debug)]
struct WeightedMean {
    count: usize,
    weighted: f64,
    weights: f64,
    lowest: f64,
    highest: f64,
}

impl Default for WeightedMean {
    fn default() -> Self {
        WeightedMean {
            count: 0,
            weighted: 0.0,
            weights: 0.0,
            lowest: f64::INFINITY,
            highest: f64::NEG_INFINITY,
        }
    }
}

impl WeightedMean {
    fn add(&mut self, value: f64, weight: f64) {
        self.add_many(value, weight, 1);
    }

    /// Adds `count` values at once, with their total weight.
    fn add_many(&mut self, value: f64, weight: f64, count: usize) {
        self.count += count;
        self.weighted += value * weight;
        self.weights += weight;
        self.lowest = self.lowest.min(value);
        self.highest = self.highest.max(value);
    }

    fn score(&self) -> Option<Score> {
        (self.weights > 0.0).then(|| {
            Score::saturating((self.weighted / self.weights).clamp(self.lowest, self.highest))
        })
    }
}

/// One respondent's weighted sums on one dimension: a [`WeightedMean`] without
/// the count, which a respondent's score does not need, and with the lowest and
/// highest value taken by comparison (values are never NaN), so that adding a
/// value costs no more than it must. The highest value is kept negated, as the
/// lowest of the negated values, so both are taken by the same comparison, two
/// at a time. Its score is the same, to the bit.
#[derive(Clone, Copy, Debug)]
struct DimensionSum {
    weighted: f64,
    weights: f64,
    lowest: f64,
    /// The highest value, negated.
    negated_highest: f64,
}

impl Default for DimensionSum {
    fn default() -> Self {
        DimensionSum {
            weighted: 0.0,
            weights: 0.0,
            lowest: f64::INFINITY,
            negated_highest: f64::INFINITY,
        }
    }
}

impl DimensionSum {
    /// The sums with `point` added.
    #[inline]
    fn plus(self, point: &PointValue) -> Self {
        DimensionSum {
            weighted: self.weighted + point.weighted,
            weights: self.weights + point.weight,
            lowest: if point.value < self.lowest {
                point.value
            } else {
                self.lowest
            },
            negated_highest: if point.negated < self.negated_highest {
                point.negated
            } else {
                self.negated_highest
            },
        }
    }

    fn score(&self) -> Option<Score> {
        (self.weights > 0.0).then(|| {
            Score::saturating(
                (self.weighted / self.weights).clamp(self.lowest, -self.negated_highest),
            )
        })
    }
}

/// One respondent's scores. Kept apart from [`RoundResult`], which reports only
/// groups, so a product decides whether individual scores are shown at all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RespondentScore {
    /// Who.
    pub respondent: RespondentId,
    /// At which organizational level.
    pub level: OrgLevel,
    /// The score per dimension, in the instrument's order; `None` where no item
    /// of the dimension was answered on the scale.
    pub dimensions: Vec<Option<Score>>,
    /// The overall score, weighted by dimension.
    pub overall: Option<Score>,
    /// The maturity level of the overall score.
    pub maturity: Option<LevelRef>,
    /// How the answers were counted.
    pub answers: AnswerCounts,
}

/// Summary statistics of a set of scores.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    /// How many scores.
    pub n: usize,
    /// Their mean.
    pub mean: Score,
    /// Their median.
    pub median: Score,
    /// Their sample standard deviation (0 for a single score).
    pub sd: f64,
}

impl Stats {
    /// The statistics of each of `runs` of scores sorted in ascending order
    /// (see [`sort_scores`]), in their order: the sums of each run go from its
    /// lowest score up, so the results do not depend on the order of the
    /// respondents. The runs are added up [`LANES`] at a time, side by side:
    /// each run's additions still follow one another in its own order, but
    /// the processor overlaps those of different runs.
    fn of_sorted_runs(runs: &[&[f64]]) -> Vec<Option<Stats>> {
        let mut stats = Vec::with_capacity(runs.len());
        for group in runs.chunks(LANES) {
            let mut lanes: [&[f64]; LANES] = [&[]; LANES];
            for (lane, run) in lanes.iter_mut().zip(group) {
                *lane = run;
            }
            let sums = sums_side_by_side(lanes, |_, v| v);
            let mut means = [0.0; LANES];
            for ((mean, sum), run) in means.iter_mut().zip(sums).zip(lanes) {
                #[allow(clippy::cast_precision_loss)] // counts of respondents are far below 2^52
                let count = run.len() as f64;
                *mean = sum / count;
            }
            let squares = sums_side_by_side(lanes, |k, v| {
                (v - means.get(k).copied().unwrap_or_default()).powi(2)
            });
            for k in 0..group.len() {
                let (Some(&values), Some(&mean), Some(&squares)) =
                    (lanes.get(k), means.get(k), squares.get(k))
                else {
                    continue;
                };
                stats.push(Stats::of_sums(values, mean, squares));
            }
        }
        stats
    }

    /// The statistics of scores sorted in ascending order, given their mean
    /// and the sum of their squared deviations from it.
    fn of_sums(values: &[f64], mean: f64, squares: f64) -> Option<Stats> {
        let n = values.len();
        if n == 0 {
            return None;
        }
        #[allow(clippy::cast_precision_loss)] // counts of respondents are far below 2^52
        let count = n as f64;
        let median = match (values.get((n - 1) / 2), values.get(n / 2)) {
            (Some(a), Some(b)) => (a + b) / 2.0,
            _ => mean,
        };
        let sd = if n > 1 {
            (squares / (count - 1.0)).sqrt()
        } else {
            0.0
        };
        Some(Stats {
            n,
            mean: Score::saturating(mean),
            median: Score::saturating(median),
            sd,
        })
    }
}

/// How many runs of scores [`Stats::of_sorted_runs`] adds up side by side.
const LANES: usize = 4;

/// The sum of `term(k, v)` over the values `v` of each run `k`, from its first
/// value to its last: the same additions in the same order as one run at a
/// time, but the runs side by side for as long as they all last.
#[inline]
fn sums_side_by_side<const K: usize>(
    runs: [&[f64]; K],
    term: impl Fn(usize, f64) -> f64,
) -> [f64; K] {
    let mut sums = [0.0; K];
    let common = runs
        .iter()
        .map(|run| run.len())
        .filter(|&len| len > 0)
        .min()
        .unwrap_or(0);
    for i in 0..common {
        for (k, (sum, run)) in sums.iter_mut().zip(&runs).enumerate() {
            if let Some(&v) = run.get(i) {
                *sum += term(k, v);
            }
        }
    }
    for (k, (sum, run)) in sums.iter_mut().zip(&runs).enumerate() {
        for &v in run.get(common..).unwrap_or_default() {
            *sum += term(k, v);
        }
    }
    sums
}

/// How many organizational levels there are.
const LEVELS: usize = OrgLevel::ALL.len();

/// Sorts scores in ascending order. Scores are never NaN nor negative zero, so
/// ordering their bits as integers is their numeric order (and the order of
/// `f64::total_cmp`), and equal scores are the same bits: an unstable sort
/// gives the same sequence as a stable one.
fn sort_scores(values: &mut [f64]) {
    values.sort_unstable_by_key(|v| v.to_bits());
}

/// Merges sorted runs of scores into `out`, in ascending order, two runs at a
/// time (a tight loop each) through `spare`, a buffer whose contents do not matter.
fn merge_sorted(runs: &[&[f64]], out: &mut Vec<f64>, spare: &mut Vec<f64>) {
    out.clear();
    let Some((first, rest)) = runs.split_first() else {
        return;
    };
    out.extend_from_slice(first);
    for run in rest {
        std::mem::swap(out, spare);
        merge_two(spare, run, out);
    }
}

/// Merges two sorted runs of scores into `out` (cleared first).
fn merge_two(a: &[f64], b: &[f64], out: &mut Vec<f64>) {
    out.clear();
    out.reserve(a.len() + b.len());
    let (mut a, mut b) = (a, b);
    while let (Some((&x, a_rest)), Some((&y, b_rest))) = (a.split_first(), b.split_first()) {
        if y.to_bits() < x.to_bits() {
            out.push(y);
            b = b_rest;
        } else {
            out.push(x);
            a = a_rest;
        }
    }
    out.extend_from_slice(a);
    out.extend_from_slice(b);
}

/// The gap on one dimension between the organizational level that rates it
/// highest and the one that rates it lowest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// The level with the highest mean.
    pub highest: OrgLevel,
    /// The level with the lowest mean.
    pub lowest: OrgLevel,
    /// The difference of their means, in points.
    pub points: f64,
    /// Whether the gap is above the threshold of the [`ScoringOptions`].
    pub flagged: bool,
}

impl Gap {
    /// The gap on dimension `d` across the reported levels, if two or more have a mean.
    fn across(levels: &[LevelResult], d: usize, threshold: f64) -> Option<Gap> {
        let means: Vec<(OrgLevel, f64)> = levels
            .iter()
            .filter_map(|l| {
                l.dimensions
                    .get(d)
                    .copied()
                    .flatten()
                    .map(|s| (l.level, s.mean.get()))
            })
            .collect();
        if means.len() < 2 {
            return None;
        }
        let by_mean = |a: &&(OrgLevel, f64), b: &&(OrgLevel, f64)| -> Ordering {
            a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0))
        };
        let highest = means.iter().max_by(by_mean)?;
        let lowest = means.iter().min_by(by_mean)?;
        let points = highest.1 - lowest.1;
        Some(Gap {
            highest: highest.0,
            lowest: lowest.0,
            points,
            flagged: points > threshold,
        })
    }
}

/// The team's result on one dimension. Every respondent counts once, whatever
/// their level; [`RoundResult::levels`] gives each level's own view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionResult {
    /// The dimension's id.
    pub id: DimensionId,
    /// The dimension's name.
    pub name: String,
    /// The team's statistics; `None` when nobody answered the dimension on the scale.
    pub stats: Option<Stats>,
    /// The maturity level of the team's mean.
    pub level: Option<LevelRef>,
    /// The gap from boardroom to back office, when two or more levels are reported.
    pub gap: Option<Gap>,
}

/// The scores of one organizational level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelResult {
    /// The level.
    pub level: OrgLevel,
    /// How many respondents work at it.
    pub respondents: usize,
    /// Whether enough respondents answered for the level to be reported; when
    /// not, its scores are withheld so no one person's answers are exposed.
    pub reported: bool,
    /// The level's overall score.
    pub overall: Option<Score>,
    /// The level's statistics per dimension, in the instrument's order.
    pub dimensions: Vec<Option<Stats>>,
}

/// The weakest-link rule at work: the overall level was capped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeakestLinkCap {
    /// The weakest dimension.
    pub dimension: DimensionId,
    /// Its level.
    pub dimension_level: LevelRef,
    /// How many levels above it the overall level may be.
    pub max_levels_above: u8,
    /// The level the overall score alone would give.
    pub uncapped: LevelRef,
    /// The level after the cap.
    pub capped: LevelRef,
}

/// What to do next in one of the weakest dimensions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextStepsFor {
    /// The dimension.
    pub dimension: DimensionId,
    /// The dimension's name.
    pub name: String,
    /// The level the dimension is at, whose next steps these are.
    pub level: LevelRef,
    /// The steps.
    pub steps: Vec<String>,
}

/// The result of scoring a round: where the organization stands, dimension by
/// dimension and level by level, and what to do next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundResult {
    /// The instrument used.
    pub instrument: InstrumentRef,
    /// The round's name.
    pub round: String,
    /// When the round closed.
    pub date: chrono::NaiveDate,
    /// How many responses were scored.
    pub respondents: usize,
    /// The team's overall score.
    pub overall: Option<Score>,
    /// The team's maturity level, after the weakest-link rule.
    pub level: Option<LevelRef>,
    /// The level the overall score alone gives.
    pub uncapped_level: Option<LevelRef>,
    /// Set when the weakest-link rule capped the level.
    pub weakest_link: Option<WeakestLinkCap>,
    /// The team's results per dimension, in the instrument's order.
    pub dimensions: Vec<DimensionResult>,
    /// The results per organizational level, boardroom first.
    pub levels: Vec<LevelResult>,
    /// The strongest dimensions, strongest first.
    pub strongest: Vec<DimensionId>,
    /// The weakest dimensions, weakest first.
    pub weakest: Vec<DimensionId>,
    /// The next steps for the weakest dimensions.
    pub next_steps: Vec<NextStepsFor>,
    /// The team's score per item, in the instrument's order: evidence for
    /// questions a dimension's mean hides (reverse items turned around, so a
    /// high score is always the mature answer).
    pub items: Vec<ItemResult>,
    /// How all the answers were counted.
    pub answers: AnswerCounts,
}

impl RoundResult {
    /// The result of one dimension.
    #[must_use]
    pub fn dimension(&self, id: &str) -> Option<&DimensionResult> {
        self.dimensions.iter().find(|d| d.id.as_str() == id)
    }

    /// The result of one item.
    #[must_use]
    pub fn item(&self, id: &str) -> Option<&ItemResult> {
        self.items.iter().find(|i| i.id.as_str() == id)
    }
}

/// The team's result on one item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemResult {
    /// The item.
    pub id: ItemId,
    /// Its dimension.
    pub dimension: DimensionId,
    /// The mean of the answers on the scale, from 0 to 100; `None` when there are none.
    pub mean: Option<Score>,
    /// How many answers on the scale.
    pub n: usize,
}

/// The change in one score between two rounds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The earlier score.
    pub before: Score,
    /// The later score.
    pub after: Score,
    /// `after - before`, in points.
    pub change: f64,
}

impl Change {
    fn between(before: Option<Score>, after: Option<Score>) -> Option<Change> {
        let (before, after) = (before?, after?);
        Some(Change {
            before,
            after,
            change: after.get() - before.get(),
        })
    }
}

/// The change in one dimension between two rounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionChange {
    /// The dimension.
    pub dimension: DimensionId,
    /// The dimension's name.
    pub name: String,
    /// The change in the team's mean, when both rounds have one.
    pub change: Option<Change>,
}

/// How an organization moved between two rounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trend {
    /// The earlier round's name.
    pub from: String,
    /// The later round's name.
    pub to: String,
    /// The change in the overall score.
    pub overall: Option<Change>,
    /// The earlier maturity level.
    pub level_before: Option<LevelRef>,
    /// The later maturity level.
    pub level_after: Option<LevelRef>,
    /// How many levels up (positive) or down (negative) the organization moved.
    pub level_change: Option<i16>,
    /// The change per dimension of the later round, in its order.
    pub dimensions: Vec<DimensionChange>,
}

impl Trend {
    /// Compares two rounds' results; dimensions are matched by id, so rounds of
    /// two versions of an instrument compare on the dimensions they share.
    #[must_use]
    pub fn between(before: &RoundResult, after: &RoundResult) -> Trend {
        let dimensions = after
            .dimensions
            .iter()
            .map(|later| DimensionChange {
                dimension: later.id.clone(),
                name: later.name.clone(),
                change: Change::between(
                    before
                        .dimension(later.id.as_str())
                        .and_then(|d| d.stats)
                        .map(|s| s.mean),
                    later.stats.map(|s| s.mean),
                ),
            })
            .collect();
        let level_change = match (&before.level, &after.level) {
            (Some(b), Some(a)) => Some(i16::from(a.number) - i16::from(b.number)),
            _ => None,
        };
        Trend {
            from: before.round.clone(),
            to: after.round.clone(),
            overall: Change::between(before.overall, after.overall),
            level_before: before.level.clone(),
            level_after: after.level.clone(),
            level_change,
            dimensions,
        }
    }
}
