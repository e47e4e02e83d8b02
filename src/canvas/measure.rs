//! Customer measures with numbers: what a metric measures, its baseline, what
//! was observed, and whether it is on track for its target.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

use crate::canvas::{Direction, Metric};

/// What a metric measures, which fixes the range of its values and which way
/// is better.
///
/// | kind | range | better |
/// |---|---|---|
/// | `nps` (Net Promoter Score) | −100 to 100 | higher |
/// | `csat` (share of satisfied customers, %) | 0 to 100 | higher |
/// | `ces` (Customer Effort Score, the effort it took, 1 to 7) | 1 to 7 | lower |
/// | `retention_rate` (%) | 0 to 100 | higher |
/// | `churn_rate` (%) | 0 to 100 | lower |
/// | `customer_lifetime_value` (money) | 0 or more | higher |
/// | `share_of_wallet` (%) | 0 to 100 | higher |
/// | `cva` (Customer Value Added, a ratio) | 0 or more | higher |
/// | `custom` | any finite number | as declared |
///
/// ```
/// use customer_strategy::MetricKind;
///
/// assert!(MetricKind::Nps.contains(-35.0));
/// assert!(!MetricKind::Nps.contains(120.0));
/// assert!(!MetricKind::ChurnRate.higher_is_better());
/// let kind: MetricKind = serde_json::from_str(r#"{"custom": {"name": "Complaints per 1,000 accounts", "unit": "per 1,000", "higher_is_better": false}}"#)?;
/// assert!(!kind.higher_is_better());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MetricKind {
    /// Net Promoter Score: the share of promoters (9 and 10 on a 0 to 10
    /// scale) less the share of detractors (0 to 6), in points.
    Nps,
    /// Customer satisfaction: the share of answers in the top boxes, in %.
    Csat,
    /// Customer Effort Score: the mean effort it took, from 1 (very little)
    /// to 7 (a great deal), as [`ces`](crate::ces) computes it.
    Ces,
    /// Customers kept over a period, in %.
    RetentionRate,
    /// Customers lost over a period, in %.
    ChurnRate,
    /// What a customer is worth over the relationship, in money.
    CustomerLifetimeValue,
    /// The share of what customers spend on the category that they spend with
    /// the organization, in %.
    ShareOfWallet,
    /// Customer Value Added: the value customers get against the competitors,
    /// as a ratio (above 1 is more).
    Cva,
    /// Any other measure.
    Custom {
        /// What it measures.
        name: String,
        /// Its unit.
        unit: String,
        /// Whether a higher value is better.
        higher_is_better: bool,
    },
}

impl MetricKind {
    /// The lowest and highest value the kind can take.
    #[must_use]
    pub const fn range(&self) -> (f64, f64) {
        match self {
            MetricKind::Nps => (-100.0, 100.0),
            MetricKind::Csat
            | MetricKind::RetentionRate
            | MetricKind::ChurnRate
            | MetricKind::ShareOfWallet => (0.0, 100.0),
            MetricKind::Ces => (1.0, 7.0),
            MetricKind::CustomerLifetimeValue | MetricKind::Cva => (0.0, f64::MAX),
            MetricKind::Custom { .. } => (f64::MIN, f64::MAX),
        }
    }

    /// Whether `value` is finite and within the kind's range.
    #[must_use]
    pub fn contains(&self, value: f64) -> bool {
        let (low, high) = self.range();
        value.is_finite() && value >= low && value <= high
    }

    /// Whether a higher value is better.
    #[must_use]
    pub const fn higher_is_better(&self) -> bool {
        match self {
            MetricKind::ChurnRate | MetricKind::Ces => false,
            MetricKind::Custom {
                higher_is_better, ..
            } => *higher_is_better,
            _ => true,
        }
    }

    /// The direction a target of this kind should take.
    #[must_use]
    pub const fn better_direction(&self) -> Direction {
        if self.higher_is_better() {
            Direction::AtLeast
        } else {
            Direction::AtMost
        }
    }

    /// Whether the kind is a survey figure, whose observations carry how many
    /// answered.
    #[must_use]
    pub const fn is_survey(&self) -> bool {
        matches!(self, MetricKind::Nps | MetricKind::Csat | MetricKind::Ces)
    }

    /// The kind's name in a few words.
    #[must_use]
    pub fn title(&self) -> &str {
        match self {
            MetricKind::Nps => "Net Promoter Score",
            MetricKind::Csat => "customer satisfaction",
            MetricKind::Ces => "Customer Effort Score",
            MetricKind::RetentionRate => "retention rate",
            MetricKind::ChurnRate => "churn rate",
            MetricKind::CustomerLifetimeValue => "customer lifetime value",
            MetricKind::ShareOfWallet => "share of wallet",
            MetricKind::Cva => "Customer Value Added",
            MetricKind::Custom { name, .. } => name,
        }
    }
}

/// One value of a metric, as measured on a date.
///
/// ```
/// use customer_strategy::Observation;
///
/// let o: Observation = serde_json::from_str(r#"{"date": "2026-09-30", "value": 37.0, "n": 792}"#)?;
/// assert_eq!((o.value, o.n), (37.0, Some(792)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// When it was measured.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub date: NaiveDate,
    /// The value; finite, and within the range of the metric's kind.
    #[serde(serialize_with = "serialize_finite")]
    pub value: f64,
    /// How many answered, for a survey figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
}

fn serialize_finite<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_finite() {
        serializer.serialize_f64(*value)
    } else {
        Err(serde::ser::Error::custom(format!(
            "an observed value must be a finite number, got {value}"
        )))
    }
}

/// Whether a metric is on its way to its target; see [`Metric::status`] for
/// how it is judged.
///
/// ```
/// use customer_strategy::MetricStatus;
///
/// assert_eq!(MetricStatus::OffTrack.as_str(), "off_track");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MetricStatus {
    /// The latest observation meets the target.
    Met,
    /// The latest observation is at or past where the expected path says it
    /// should be by now.
    OnTrack,
    /// Short of the expected path, but more than half of the way there.
    Behind,
    /// Half of the expected progress or less, moving the wrong way, or past
    /// the due date without meeting the target.
    OffTrack,
    /// Nothing to judge by: no target, no observation, or (for a metric not
    /// yet at its target) no baseline or due date to draw the path from.
    NoData,
}

impl MetricStatus {
    /// The name used in documents and reports, such as `"on_track"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            MetricStatus::Met => "met",
            MetricStatus::OnTrack => "on_track",
            MetricStatus::Behind => "behind",
            MetricStatus::OffTrack => "off_track",
            MetricStatus::NoData => "no_data",
        }
    }
}

impl Metric {
    /// The latest observation (by date; the last given of one date).
    #[must_use]
    pub fn latest(&self) -> Option<&Observation> {
        self.observations
            .iter()
            .enumerate()
            .max_by_key(|(i, o)| (o.date, *i))
            .map(|(_, o)| o)
    }

    /// Where the metric is against its target on `as_of`.
    ///
    /// The expected path is the straight line from the baseline (its date and
    /// value) to the target (its due date and value). With `b` the baseline,
    /// `t` the target and `f` the share of the time from the baseline to the
    /// due date gone by on the date of the latest observation `x` (clamped to
    /// 0 to 1), the expected value is `e = b + f × (t − b)`; progress is
    /// `p = (x − b) / (e − b)`. The metric is [`MetricStatus::Met`] when `x`
    /// meets the target, [`MetricStatus::OffTrack`] when `as_of` is past the
    /// due date and it does not, [`MetricStatus::OnTrack`] when `p ≥ 1`,
    /// [`MetricStatus::Behind`] when `p > 0.5`, and off track otherwise.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use customer_strategy::{Direction, Metric, MetricKind, MetricStatus, Observation, Perspective, Target};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut nps = Metric::new("Net Promoter Score", Perspective::Customer);
    /// nps.kind = Some(MetricKind::Nps);
    /// nps.baseline = Some(Observation { date: day(2026, 1, 1), value: 20.0, n: Some(400) });
    /// nps.target = Some(Target { value: 40.0, unit: "points".into(), direction: Direction::AtLeast, due: Some(day(2028, 1, 1)) });
    /// // A year in, halfway along the path, the expected value is 30.
    /// nps.observations.push(Observation { date: day(2027, 1, 1), value: 31.0, n: Some(380) });
    /// assert_eq!(nps.status(day(2027, 1, 1)), MetricStatus::OnTrack);
    /// nps.observations.push(Observation { date: day(2027, 1, 2), value: 27.0, n: Some(390) });
    /// assert_eq!(nps.status(day(2027, 1, 2)), MetricStatus::Behind); // 7 of 10 points
    /// nps.observations.push(Observation { date: day(2027, 1, 3), value: 18.0, n: Some(410) });
    /// assert_eq!(nps.status(day(2027, 1, 3)), MetricStatus::OffTrack); // below the baseline
    /// nps.observations.push(Observation { date: day(2027, 6, 1), value: 41.0, n: Some(402) });
    /// assert_eq!(nps.status(day(2027, 6, 1)), MetricStatus::Met);
    /// ```
    #[must_use]
    pub fn status(&self, as_of: NaiveDate) -> MetricStatus {
        let (Some(target), Some(latest)) = (&self.target, self.latest()) else {
            return MetricStatus::NoData;
        };
        let meets = match target.direction {
            Direction::AtLeast => latest.value >= target.value,
            Direction::AtMost => latest.value <= target.value,
        };
        if meets {
            return MetricStatus::Met;
        }
        let (Some(baseline), Some(due)) = (&self.baseline, target.due) else {
            return MetricStatus::NoData;
        };
        if as_of > due {
            return MetricStatus::OffTrack;
        }
        let span = (due - baseline.date).num_days();
        let gone = (latest.date - baseline.date).num_days();
        #[allow(clippy::cast_precision_loss)] // day counts are far below 2^52
        let share = if span <= 0 {
            1.0
        } else {
            (gone as f64 / span as f64).clamp(0.0, 1.0)
        };
        let expected = baseline.value + share * (target.value - baseline.value);
        let wanted = expected - baseline.value;
        if wanted.abs() < f64::EPSILON {
            // At the baseline's date nothing is expected yet; moving the
            // wrong way is still off track.
            let better = match target.direction {
                Direction::AtLeast => latest.value >= baseline.value,
                Direction::AtMost => latest.value <= baseline.value,
            };
            return if better {
                MetricStatus::OnTrack
            } else {
                MetricStatus::OffTrack
            };
        }
        let progress = (latest.value - baseline.value) / wanted;
        if progress >= 1.0 - 1e-9 {
            MetricStatus::OnTrack
        } else if progress > 0.5 {
            MetricStatus::Behind
        } else {
            MetricStatus::OffTrack
        }
    }
}
