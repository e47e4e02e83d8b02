//! What a value study says: each offer's mean rating per attribute, the ratios
//! of ours to the competitors', the quality and price scores, the CVA, the
//! customer value map and where to act.
//!
//! Every figure is a ratio where 1 is parity: above 1 we lead, below 1 we
//! trail. Shown as an index, multiply by 100.

use std::collections::HashMap;

use serde::Serialize;

use crate::value::study::{AttributeId, AttributeKind, CanvasLink, OfferId, ValueStudy};

/// How a study is analysed.
///
/// ```
/// use customer_strategy::AnalysisOptions;
///
/// assert_eq!(AnalysisOptions::default().min_ratings(), 5);
/// assert_eq!(AnalysisOptions::default().with_min_ratings(30).min_ratings(), 30);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnalysisOptions {
    min_ratings: u32,
}

impl AnalysisOptions {
    /// The fewest ratings of one offer on one attribute before its mean takes
    /// part in a ratio: 5, the crate's default (the smallest group survey
    /// practice reports on), unless set otherwise.
    pub const DEFAULT_MIN_RATINGS: u32 = 5;

    /// Sets the fewest ratings of one offer on one attribute before its mean
    /// takes part in a ratio (0 and 1 both mean one rating).
    #[must_use]
    pub const fn with_min_ratings(mut self, min: u32) -> Self {
        self.min_ratings = min;
        self
    }

    /// The fewest ratings of one offer on one attribute before its mean takes
    /// part in a ratio.
    #[must_use]
    pub const fn min_ratings(&self) -> u32 {
        self.min_ratings
    }
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            min_ratings: Self::DEFAULT_MIN_RATINGS,
        }
    }
}

/// The sums of one offer's ratings on one attribute, gathered in one pass.
#[derive(Clone, Copy, Debug, Default)]
struct Cell {
    /// Individual ratings: how many, their sum and the sum of their squares,
    /// kept as whole numbers so that means and variances are exact.
    count: u64,
    sum: u64,
    sum_sq: u64,
    /// Aggregated ratings: how many, the sum (mean times count) and the sum
    /// of squares (where the standard deviation is known).
    aggregated: u64,
    aggregated_sum: f64,
    aggregated_sum_sq: f64,
    /// Whether an aggregate without a standard deviation went in.
    spread_unknown: bool,
}

impl Cell {
    fn count(&self) -> u64 {
        self.count + self.aggregated
    }

    #[allow(clippy::cast_precision_loss)] // counts and sums of ratings are far below 2^52
    fn mean(&self) -> Option<f64> {
        let n = self.count();
        if n == 0 {
            return None;
        }
        Some(if self.aggregated == 0 {
            self.sum as f64 / n as f64
        } else {
            (self.sum as f64 + self.aggregated_sum) / n as f64
        })
    }

    #[allow(clippy::cast_precision_loss)] // counts and sums of ratings are far below 2^52
    fn standard_error(&self) -> Option<f64> {
        let n = self.count();
        if n < 2 || self.spread_unknown {
            return None;
        }
        let variance_times_n = if self.aggregated == 0 {
            // n²(n-1) · SE² = n·Σx² - (Σx)², exact in whole numbers.
            let n128 = u128::from(n);
            let spread =
                n128 * u128::from(self.sum_sq) - u128::from(self.sum) * u128::from(self.sum);
            spread as f64 / (n128 * n128 * (n128 - 1)) as f64
        } else {
            let nf = n as f64;
            let sum = self.sum as f64 + self.aggregated_sum;
            let sum_sq = self.sum_sq as f64 + self.aggregated_sum_sq;
            ((sum_sq - sum * sum / nf) / (nf - 1.0)).max(0.0) / nf
        };
        Some(variance_times_n.sqrt())
    }
}

/// Analyses a study: one pass over its ratings, then the figures.
///
/// Ratings that the study's rules report (a point off the scale, an offer or
/// attribute the study does not have, a rating of an attribute that has
/// children, an aggregate with a mean off the scale or not finite) are left
/// out. Weights are used as written, never normalized: run the rules of
/// [`rules::value`](crate::rules::value) to learn whether they add up.
///
/// # The figures
///
/// For every rated attribute *a* (one without children) and offer *o*:
///
/// - the **mean** *m(o, a)* of its ratings, with their count *n* and the
///   **standard error** *s / √n*, where *s²* = (Σx² − (Σx)²/n) / (n − 1);
/// - a mean takes part in a ratio only when it has at least
///   [`min_ratings`](AnalysisOptions::min_ratings) ratings; otherwise every
///   ratio and score that needs it is withheld (`None`), and the cell is
///   listed in [`withheld`](StudyResult::withheld);
/// - the **competitors' mean** *c(a)* = the mean of the competitors' means
///   (each competitor counts once, however many customers rated it);
/// - the **ratio** *r(a)* = *m(ours, a) / c(a)*, and **head to head**
///   *r(a, k)* = *m(ours, a) / m(k, a)* for each competitor *k*.
///
/// With *w(a)* the attribute's weight within its branch (its own weight times
/// every ancestor's) and *π* the study's `price_weight`:
///
/// - the **market-perceived quality score** *Q* = Σ *w(a) · r(a)* over the
///   quality attributes (×100 as an index, 100 = parity);
/// - the **price score** *P* = Σ *w(a) · r(a)* over the price attributes,
///   built from satisfaction with price, and the **relative perceived price**
///   = 1 / *P* (rated better on price: perceived as cheaper);
/// - the **CVA** (Customer Value Added) = (1 − *π*) · *Q* + *π* · *P*: our
///   worth relative to the competitors'. Above 1, customers get more value from
///   us. The same with *r(a, k)* gives the CVA against each competitor.
/// - the **customer value map** places every offer at (relative perceived
///   price, relative perceived quality), each offer measured as above against
///   the mean of all the other offers; the **fair-value line** is the
///   diagonal *y = x*, and the **distance** from it is measured upright:
///   relative quality minus relative price (above 0: better value, a share
///   gainer; below: worse value, a share loser);
/// - **where to act** ranks the attributes by the value they lose:
///   *worth weight × (1 − r(a))*, where the worth weight is
///   (1 − *π*) · *w(a)* for quality and *π* · *w(a)* for price; a negative
///   loss is value won.
///
/// # Example
///
/// Two competitors, quality counting for 75% and price for 25%:
///
/// ```
/// use customer_strategy::{analyse, AnalysisOptions, Document, ValueStudy};
///
/// let study = ValueStudy::from_toml(r#"
///     schema_version = 1
///     name = "Worked example"
///     market = "Mortgages"
///     as_of = "2026-03-31"
///     price_weight = 0.25
///     our_offer = { id = "us", name = "Harbour Bank" }
///     competitors = [{ id = "a", name = "Meridian" }, { id = "b", name = "QuickKey" }]
///     quality = [
///         { id = "advice", name = "Advice", weight = 0.5 },
///         { id = "speed", name = "Speed of decision", weight = 0.5 },
///     ]
///     price = [{ id = "rate", name = "Rate", weight = 1.0 }]
///     aggregates = [
///         { offer = "us", attribute = "advice", mean = 9.0, count = 40 },
///         { offer = "a", attribute = "advice", mean = 6.0, count = 40 },
///         { offer = "b", attribute = "advice", mean = 6.0, count = 40 },
///         { offer = "us", attribute = "speed", mean = 6.0, count = 40 },
///         { offer = "a", attribute = "speed", mean = 8.0, count = 40 },
///         { offer = "b", attribute = "speed", mean = 8.0, count = 40 },
///         { offer = "us", attribute = "rate", mean = 6.0, count = 40 },
///         { offer = "a", attribute = "rate", mean = 8.0, count = 40 },
///         { offer = "b", attribute = "rate", mean = 4.0, count = 40 },
///     ]
/// "#)?;
/// let result = analyse(&study, &AnalysisOptions::default());
///
/// // Advice: 9 / ((6 + 6) / 2) = 1.5; speed: 6 / 8 = 0.75; rate: 6 / ((8 + 4) / 2) = 1.
/// let ratios: Vec<_> = result.attributes.iter().map(|a| a.ratio).collect();
/// assert_eq!(ratios, [Some(1.5), Some(0.75), Some(1.0)]);
///
/// // Q = 0.5 × 1.5 + 0.5 × 0.75; P = 1 × 1; CVA = 0.75 × 1.125 + 0.25 × 1.
/// assert_eq!(result.overall.quality, Some(1.125));
/// assert_eq!(result.overall.price, Some(1.0));
/// assert_eq!(result.overall.relative_price, Some(1.0));
/// assert_eq!(result.cva(), Some(1.09375));
///
/// // Head to head: against Meridian the rate ratio is 6 / 8, against QuickKey 6 / 4.
/// assert_eq!(result.head_to_head[0].scores.cva, Some(0.84375 + 0.25 * 0.75));
/// assert_eq!(result.head_to_head[1].scores.cva, Some(0.84375 + 0.25 * 1.5));
///
/// // On the value map we sit 1.125 - 1 = 0.125 above the fair-value line.
/// assert_eq!(result.value_map[0].distance, Some(0.125));
///
/// // Speed loses 0.75 × 0.5 × (1 - 0.75) = 0.09375 of worth; advice wins 0.1875.
/// let act: Vec<_> = result.where_to_act.iter().map(|p| (p.attribute.as_str(), p.loss)).collect();
/// assert_eq!(act, [("speed", 0.09375), ("rate", 0.0), ("advice", -0.1875)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn analyse(study: &ValueStudy, options: &AnalysisOptions) -> StudyResult {
    let leaves: Vec<_> = study.rated_attributes().collect();
    let offers: Vec<_> = study.offers().collect();
    let min = u64::from(options.min_ratings.max(1));

    // Keys to slots; the first of a key given twice wins.
    let mut leaf_slot: HashMap<&str, usize, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(leaves.len(), foldhash::fast::RandomState::default());
    for (l, leaf) in leaves.iter().enumerate() {
        leaf_slot.entry(leaf.attribute.id.as_str()).or_insert(l);
    }
    let mut offer_slot: HashMap<&str, usize, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(offers.len(), foldhash::fast::RandomState::default());
    for (o, offer) in offers.iter().enumerate() {
        offer_slot.entry(offer.id.as_str()).or_insert(o);
    }

    let width = leaves.len();
    let mut cells = vec![Cell::default(); offers.len() * width];
    let scale = study.scale;
    for response in &study.responses {
        for (offer, ratings) in &response.ratings {
            let Some(&o) = offer_slot.get(offer.as_str()) else {
                continue;
            };
            let row = o * width;
            for (attribute, &point) in ratings {
                if !scale.contains(point) {
                    continue;
                }
                if let Some(cell) = leaf_slot
                    .get(attribute.as_str())
                    .and_then(|&l| cells.get_mut(row + l))
                {
                    let point = u64::from(point);
                    cell.count += 1;
                    cell.sum += point;
                    cell.sum_sq += point * point;
                }
            }
        }
    }
    for aggregate in &study.aggregates {
        let (Some(&o), Some(&l)) = (
            offer_slot.get(aggregate.offer.as_str()),
            leaf_slot.get(aggregate.attribute.as_str()),
        ) else {
            continue;
        };
        if aggregate.count == 0
            || !aggregate.mean.is_finite()
            || !scale.contains_mean(aggregate.mean)
        {
            continue;
        }
        if let Some(cell) = cells.get_mut(o * width + l) {
            let n = f64::from(aggregate.count);
            cell.aggregated += u64::from(aggregate.count);
            cell.aggregated_sum += aggregate.mean * n;
            match aggregate.std_dev.filter(|s| s.is_finite() && *s >= 0.0) {
                Some(sd) => {
                    cell.aggregated_sum_sq +=
                        sd * sd * (n - 1.0) + n * aggregate.mean * aggregate.mean;
                }
                None => cell.spread_unknown = true,
            }
        }
    }

    let price_weight = study.price_weight.get();
    let mut withheld = Vec::new();
    // The means that may take part in ratios, by offer then leaf.
    let mut reported: Vec<Option<f64>> = Vec::with_capacity(cells.len());
    let mut attributes = Vec::with_capacity(width);
    for (l, leaf) in leaves.iter().enumerate() {
        let mut ratings = Vec::with_capacity(offers.len());
        for (o, offer) in offers.iter().enumerate() {
            let cell = cells.get(o * width + l).copied().unwrap_or_default();
            let enough = cell.count() >= min;
            if !enough {
                withheld.push(WithheldCell {
                    attribute: leaf.attribute.id.clone(),
                    offer: offer.id.clone(),
                    count: cell.count(),
                    min,
                });
            }
            ratings.push(OfferRating {
                offer: offer.id.clone(),
                count: cell.count(),
                mean: cell.mean(),
                standard_error: cell.standard_error(),
                reported: enough,
            });
        }
        let worth_weight = match leaf.kind {
            AttributeKind::Price => price_weight * leaf.weight,
            AttributeKind::Quality => (1.0 - price_weight) * leaf.weight,
        };
        attributes.push(AttributeResult {
            id: leaf.attribute.id.clone(),
            name: leaf.attribute.name.clone(),
            kind: leaf.kind,
            weight: leaf.weight,
            worth_weight,
            speaks_to: leaf.attribute.speaks_to,
            offers: ratings,
            competitors_mean: None,
            ratio: None,
            head_to_head: Vec::new(),
        });
    }
    for o in 0..offers.len() {
        for attribute in &attributes {
            reported.push(
                attribute
                    .offers
                    .get(o)
                    .filter(|r| r.reported)
                    .and_then(|r| r.mean),
            );
        }
    }
    let mean_of = |o: usize, l: usize| reported.get(o * width + l).copied().flatten();

    for (l, attribute) in attributes.iter_mut().enumerate() {
        let ours = mean_of(0, l);
        let competitors: Vec<usize> = (1..offers.len()).collect();
        attribute.competitors_mean = mean_of_means(&competitors, |o| mean_of(o, l));
        attribute.ratio = ratio(ours, attribute.competitors_mean);
        attribute.head_to_head = offers
            .iter()
            .enumerate()
            .skip(1)
            .map(|(o, offer)| HeadToHead {
                competitor: offer.id.clone(),
                ratio: ratio(ours, mean_of(o, l)),
            })
            .collect();
    }

    let kinds: Vec<(AttributeKind, f64)> = attributes.iter().map(|a| (a.kind, a.weight)).collect();
    let overall = Scores::of(&kinds, attributes.iter().map(|a| a.ratio), price_weight);
    let head_to_head = offers
        .iter()
        .enumerate()
        .skip(1)
        .map(|(k, offer)| CompetitorScores {
            competitor: offer.id.clone(),
            name: offer.name.clone(),
            scores: Scores::of(
                &kinds,
                attributes
                    .iter()
                    .map(|a| a.head_to_head.get(k - 1).and_then(|h| h.ratio)),
                price_weight,
            ),
        })
        .collect();
    let value_map = offers
        .iter()
        .enumerate()
        .map(|(o, offer)| {
            let others: Vec<usize> = (0..offers.len()).filter(|&p| p != o).collect();
            let scores = Scores::of(
                &kinds,
                (0..width).map(|l| ratio(mean_of(o, l), mean_of_means(&others, |p| mean_of(p, l)))),
                price_weight,
            );
            MapPosition {
                offer: offer.id.clone(),
                name: offer.name.clone(),
                ours: o == 0,
                relative_quality: scores.quality,
                relative_price: scores.relative_price,
                distance: scores
                    .quality
                    .zip(scores.relative_price)
                    .map(|(q, p)| q - p),
            }
        })
        .collect();
    let mut where_to_act: Vec<ActionPoint> = attributes
        .iter()
        .filter_map(|a| {
            a.ratio.map(|ratio| ActionPoint {
                attribute: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind,
                worth_weight: a.worth_weight,
                ratio,
                loss: a.worth_weight * (1.0 - ratio),
                speaks_to: a.speaks_to,
            })
        })
        .collect();
    // Stable: attributes that lose as much keep the study's order.
    where_to_act.sort_by(|a, b| b.loss.total_cmp(&a.loss));

    StudyResult {
        min_ratings: min,
        price_weight,
        attributes,
        overall,
        head_to_head,
        value_map,
        where_to_act,
        withheld,
    }
}

/// The mean of the means of `offers`, when every one of them has one.
#[allow(clippy::cast_precision_loss)] // a handful of offers
fn mean_of_means(offers: &[usize], mean: impl Fn(usize) -> Option<f64>) -> Option<f64> {
    if offers.is_empty() {
        return None;
    }
    let mut sum = 0.0;
    for &o in offers {
        sum += mean(o)?;
    }
    Some(sum / offers.len() as f64)
}

/// Ours over theirs, when both are known and theirs is above 0.
fn ratio(ours: Option<f64>, theirs: Option<f64>) -> Option<f64> {
    match (ours, theirs) {
        (Some(ours), Some(theirs)) if theirs > 0.0 => Some(ours / theirs),
        _ => None,
    }
}

/// Everything a value study says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StudyResult {
    /// The fewest ratings a mean needed to take part in a ratio.
    pub min_ratings: u64,
    /// How much price counts against quality, from the study.
    pub price_weight: f64,
    /// Every rated attribute, in the study's order (quality branch first).
    pub attributes: Vec<AttributeResult>,
    /// Our scores against the mean of the competitors.
    pub overall: Scores,
    /// Our scores against each competitor, in the study's order.
    pub head_to_head: Vec<CompetitorScores>,
    /// Every offer's position on the customer value map, ours first.
    pub value_map: Vec<MapPosition>,
    /// The attributes by the value they lose, the greatest loss first; those
    /// without a ratio are left out.
    pub where_to_act: Vec<ActionPoint>,
    /// The offers and attributes with too few ratings for their mean to take
    /// part in a ratio, in the order of the attributes, then the offers.
    pub withheld: Vec<WithheldCell>,
}

impl StudyResult {
    /// Our Customer Value Added against the mean of the competitors, when
    /// every rating it needs is reported.
    #[must_use]
    pub fn cva(&self) -> Option<f64> {
        self.overall.cva
    }
}

/// One rated attribute: every offer's ratings and our ratios.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeResult {
    /// The attribute's key.
    pub id: AttributeId,
    /// The attribute's name.
    pub name: String,
    /// Quality or price.
    pub kind: AttributeKind,
    /// The weight within its branch: its own times every ancestor's.
    pub weight: f64,
    /// The weight in the CVA: the branch's share ((1 - price weight) for
    /// quality, the price weight for price) times [`weight`](Self::weight).
    pub worth_weight: f64,
    /// What in the canvas the attribute speaks to.
    pub speaks_to: Option<CanvasLink>,
    /// Each offer's ratings, ours first, then the competitors' in order.
    pub offers: Vec<OfferRating>,
    /// The mean of the competitors' means, when each is reported.
    pub competitors_mean: Option<f64>,
    /// Our mean over the competitors' mean.
    pub ratio: Option<f64>,
    /// Our mean over each competitor's, in the study's order.
    pub head_to_head: Vec<HeadToHead>,
}

/// One offer's ratings on one attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OfferRating {
    /// The offer.
    pub offer: OfferId,
    /// How many ratings.
    pub count: u64,
    /// The mean rating, when there is one.
    pub mean: Option<f64>,
    /// The standard error of the mean, when there are two ratings or more
    /// and their spread is known.
    pub standard_error: Option<f64>,
    /// Whether there are enough ratings for the mean to take part in ratios.
    pub reported: bool,
}

/// Our mean over one competitor's, on one attribute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeadToHead {
    /// The competitor's offer.
    pub competitor: OfferId,
    /// Our mean over theirs, when both are reported.
    pub ratio: Option<f64>,
}

/// The scores of one comparison: quality, price, and the CVA.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scores {
    /// The market-perceived quality score, as a ratio (1 = parity).
    pub quality: Option<f64>,
    /// The price score: satisfaction with price, as a ratio (1 = parity).
    pub price: Option<f64>,
    /// The relative perceived price: 1 over the price score.
    pub relative_price: Option<f64>,
    /// The Customer Value Added: quality and price scores weighted by the
    /// study's price weight.
    pub cva: Option<f64>,
}

impl Scores {
    fn of(
        kinds: &[(AttributeKind, f64)],
        ratios: impl Iterator<Item = Option<f64>>,
        price_weight: f64,
    ) -> Scores {
        let mut quality = Branch::default();
        let mut price = Branch::default();
        for (&(kind, weight), ratio) in kinds.iter().zip(ratios) {
            let branch = match kind {
                AttributeKind::Price => &mut price,
                AttributeKind::Quality => &mut quality,
            };
            branch.add(weight, ratio);
        }
        let (quality, price) = (quality.score(), price.score());
        let relative_price = price.filter(|p| *p > 0.0).map(|p| 1.0 / p);
        let cva = if price_weight == 0.0 {
            quality
        } else if price_weight == 1.0 {
            price
        } else {
            quality
                .zip(price)
                .map(|(q, p)| (1.0 - price_weight) * q + price_weight * p)
        };
        Scores {
            quality,
            price,
            relative_price,
            cva,
        }
    }
}

/// A weighted sum of ratios that is withheld when any ratio is.
#[derive(Default)]
struct Branch {
    sum: f64,
    any: bool,
    missing: bool,
}

impl Branch {
    fn add(&mut self, weight: f64, ratio: Option<f64>) {
        self.any = true;
        match ratio {
            Some(ratio) => self.sum += weight * ratio,
            None => self.missing = true,
        }
    }

    fn score(&self) -> Option<f64> {
        (self.any && !self.missing).then_some(self.sum)
    }
}

/// Our scores against one competitor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetitorScores {
    /// The competitor's offer.
    pub competitor: OfferId,
    /// Its name.
    pub name: String,
    /// Our scores against it alone.
    pub scores: Scores,
}

/// An offer on the customer value map: relative perceived price across,
/// relative perceived quality up, each against the mean of the other offers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapPosition {
    /// The offer.
    pub offer: OfferId,
    /// Its name.
    pub name: String,
    /// Whether it is our offer.
    pub ours: bool,
    /// Its relative perceived quality (up the map).
    pub relative_quality: Option<f64>,
    /// Its relative perceived price (across the map).
    pub relative_price: Option<f64>,
    /// How far above the fair-value line (y = x) it sits, measured upright:
    /// relative quality minus relative price. Above 0 is better value.
    pub distance: Option<f64>,
}

/// An attribute ranked by the value it loses or wins.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionPoint {
    /// The attribute's key.
    pub attribute: AttributeId,
    /// Its name.
    pub name: String,
    /// Quality or price.
    pub kind: AttributeKind,
    /// Its weight in the CVA.
    pub worth_weight: f64,
    /// Our mean over the competitors' mean.
    pub ratio: f64,
    /// The worth it loses: worth weight × (1 − ratio); negative where it wins.
    pub loss: f64,
    /// What in the canvas it speaks to.
    pub speaks_to: Option<CanvasLink>,
}

/// An offer's ratings on an attribute too few to take part in a ratio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WithheldCell {
    /// The attribute.
    pub attribute: AttributeId,
    /// The offer.
    pub offer: OfferId,
    /// How many ratings it has.
    pub count: u64,
    /// How many it needed.
    pub min: u64,
}
