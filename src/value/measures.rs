//! Customer measures from survey answers and customer counts: NPS, CSAT, CES,
//! retention and churn. Plain functions over checked inputs: an answer off
//! its scale, or no answers at all, is an error, never a zero.

use std::fmt;

use crate::value::study::RatingScale;

/// The Net Promoter Score of answers to "how likely are you to recommend us",
/// on 0 to 10: the percentage of promoters (9 and 10) minus the percentage of
/// detractors (0 to 6), from −100 to 100.
///
/// NPS = 100 × (promoters − detractors) / answers.
///
/// ```
/// use customer_strategy::nps;
///
/// // 3 promoters, 3 passives (7, 8), 2 detractors: 100 × (3 − 2) / 8.
/// assert_eq!(nps(&[10, 9, 9, 8, 7, 7, 6, 0])?, 12.5);
/// assert!(nps(&[11]).unwrap_err().is_off_scale());
/// assert!(nps(&[]).unwrap_err().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// Returns a [`MeasureError`] when there are no answers or one is above 10.
pub fn nps(answers: &[u8]) -> Result<f64, MeasureError> {
    check(answers, 0, 10)?;
    let promoters = answers.iter().filter(|&&a| a >= 9).count();
    let detractors = answers.iter().filter(|&&a| a <= 6).count();
    Ok(percent_difference(promoters, detractors, answers.len()))
}

/// The Customer Satisfaction score: the percentage of answers in the top
/// `top_boxes` points of `scale` (the top two of a five-point scale, most
/// often), from 0 to 100.
///
/// CSAT = 100 × (answers of at least max − top_boxes + 1) / answers.
///
/// ```
/// use customer_strategy::{csat, RatingScale};
///
/// let five = RatingScale::new(1, 5)?;
/// // Four of five answers are 4 or 5.
/// assert_eq!(csat(&[5, 4, 4, 5, 2], five, 2)?, 80.0);
/// // Top box only: two of five.
/// assert_eq!(csat(&[5, 4, 4, 5, 2], five, 1)?, 40.0);
/// assert!(csat(&[6], five, 2).unwrap_err().is_off_scale());
/// assert!(csat(&[5], five, 0).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// Returns a [`MeasureError`] when there are no answers, one lies off the
/// scale, or `top_boxes` is 0 or more than the scale has points.
pub fn csat(answers: &[u8], scale: RatingScale, top_boxes: u8) -> Result<f64, MeasureError> {
    let points = u16::from(scale.max()) - u16::from(scale.min()) + 1;
    if top_boxes == 0 || u16::from(top_boxes) > points {
        return Err(MeasureError {
            kind: MeasureErrorKind::Parameter,
            message: format!(
                "the top box must be from 1 to the {points} points of the scale, got {top_boxes}"
            ),
        });
    }
    check(answers, scale.min(), scale.max())?;
    let lowest_top = u16::from(scale.max()) + 1 - u16::from(top_boxes);
    let satisfied = answers
        .iter()
        .filter(|&&a| u16::from(a) >= lowest_top)
        .count();
    Ok(percent_difference(satisfied, 0, answers.len()))
}

/// The Customer Effort Score: the mean of answers on 1 (very little effort)
/// to 7 (a great deal); lower is better.
///
/// CES = Σ answers / answers.
///
/// ```
/// use customer_strategy::ces;
///
/// assert_eq!(ces(&[1, 2, 2, 3])?, 2.0);
/// assert!(ces(&[0]).unwrap_err().is_off_scale());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// Returns a [`MeasureError`] when there are no answers or one lies outside 1 to 7.
#[allow(clippy::cast_precision_loss)] // counts far below 2^52
pub fn ces(answers: &[u8]) -> Result<f64, MeasureError> {
    check(answers, 1, 7)?;
    let sum: u64 = answers.iter().map(|&a| u64::from(a)).sum();
    Ok(sum as f64 / answers.len() as f64)
}

/// The customer retention rate over a period, in percent: of the customers at
/// the start, the share still customers at the end. Customers won during the
/// period are not counted as retained.
///
/// Retention = 100 × (customers at the end − customers won) / customers at the start.
///
/// ```
/// use customer_strategy::retention_rate;
///
/// // 200 at the start, 190 at the end of whom 30 are new: 160 of 200 kept.
/// assert_eq!(retention_rate(200, 190, 30)?, 80.0);
/// assert!(retention_rate(0, 10, 10).unwrap_err().is_empty());
/// assert!(retention_rate(200, 190, 191).is_err()); // more won than there are
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// Returns a [`MeasureError`] when there were no customers at the start, more
/// were won than there are at the end, or more are kept than there were.
pub fn retention_rate(at_start: u64, at_end: u64, won: u64) -> Result<f64, MeasureError> {
    if at_start == 0 {
        return Err(MeasureError::empty("customers at the start"));
    }
    let kept = at_end.checked_sub(won).ok_or_else(|| {
        MeasureError::counts(format!(
            "{won} customers won, but only {at_end} at the end of the period"
        ))
    })?;
    if kept > at_start {
        return Err(MeasureError::counts(format!(
            "{kept} customers kept from the start, but only {at_start} there were"
        )));
    }
    Ok(rate(kept, at_start))
}

/// The churn rate over a period, in percent: the share of the customers at
/// the start who left during it.
///
/// Churn = 100 × customers lost / customers at the start.
///
/// ```
/// use customer_strategy::churn_rate;
///
/// assert_eq!(churn_rate(200, 40)?, 20.0);
/// assert!(churn_rate(200, 201).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// Returns a [`MeasureError`] when there were no customers at the start, or
/// more were lost than there were.
pub fn churn_rate(at_start: u64, lost: u64) -> Result<f64, MeasureError> {
    if at_start == 0 {
        return Err(MeasureError::empty("customers at the start"));
    }
    if lost > at_start {
        return Err(MeasureError::counts(format!(
            "{lost} customers lost, but only {at_start} there were"
        )));
    }
    Ok(rate(lost, at_start))
}

/// 100 × part / whole, with the product taken in whole numbers first.
#[allow(clippy::cast_precision_loss)] // customer counts far below 2^52
fn rate(part: u64, whole: u64) -> f64 {
    (u128::from(part) * 100) as f64 / whole as f64
}

/// 100 × (a − b) / n over counts of answers.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_wrap)] // counts of answers
fn percent_difference(a: usize, b: usize, n: usize) -> f64 {
    (a as i128 - b as i128) as f64 * 100.0 / n as f64
}

fn check(answers: &[u8], min: u8, max: u8) -> Result<(), MeasureError> {
    if answers.is_empty() {
        return Err(MeasureError::empty("answers"));
    }
    if let Some((at, &answer)) = answers
        .iter()
        .enumerate()
        .find(|(_, a)| !(min..=max).contains(*a))
    {
        return Err(MeasureError {
            kind: MeasureErrorKind::OffScale { at, answer },
            message: format!("answer {at} is {answer}, off the scale from {min} to {max}"),
        });
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MeasureErrorKind {
    Empty,
    OffScale { at: usize, answer: u8 },
    Counts,
    Parameter,
}

/// The error returned when a customer measure cannot be computed from its inputs.
///
/// ```
/// use customer_strategy::nps;
///
/// let err = nps(&[9, 10, 11]).unwrap_err();
/// assert_eq!(err.to_string(), "cannot compute the measure: answer 2 is 11, off the scale from 0 to 10");
/// assert_eq!(err.off_scale(), Some((2, 11)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct MeasureError {
    kind: MeasureErrorKind,
    message: String,
}

impl fmt::Display for MeasureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot compute the measure: {}", self.message)
    }
}

impl MeasureError {
    fn empty(what: &str) -> Self {
        MeasureError {
            kind: MeasureErrorKind::Empty,
            message: format!("there are no {what}"),
        }
    }

    fn counts(message: String) -> Self {
        MeasureError {
            kind: MeasureErrorKind::Counts,
            message,
        }
    }

    /// Whether there was nothing to compute from: no answers, no customers.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        matches!(self.kind, MeasureErrorKind::Empty)
    }

    /// Whether an answer lies off the measure's scale.
    #[must_use]
    pub fn is_off_scale(&self) -> bool {
        matches!(self.kind, MeasureErrorKind::OffScale { .. })
    }

    /// The position and value of the first answer off the scale.
    #[must_use]
    pub fn off_scale(&self) -> Option<(usize, u8)> {
        match self.kind {
            MeasureErrorKind::OffScale { at, answer } => Some((at, answer)),
            _ => None,
        }
    }

    /// Whether counts of customers contradict each other.
    #[must_use]
    pub fn is_inconsistent(&self) -> bool {
        matches!(self.kind, MeasureErrorKind::Counts)
    }

    /// Whether a setting of the measure (such as CSAT's top box) is out of range.
    #[must_use]
    pub fn is_bad_parameter(&self) -> bool {
        matches!(self.kind, MeasureErrorKind::Parameter)
    }
}
