//! Scores: numbers from 0 to 100 that cannot be anything else.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// A score from 0 to 100, never NaN.
///
/// ```
/// use customer_strategy::Score;
///
/// assert_eq!(Score::new(62.5)?.get(), 62.5);
/// assert!(Score::new(100.5).is_err());
/// assert!(Score::new(f64::NAN).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Score(f64);

impl Score {
    /// The lowest score.
    pub const MIN: Score = Score(0.0);
    /// The highest score.
    pub const MAX: Score = Score(100.0);

    /// Creates a score.
    ///
    /// # Errors
    ///
    /// Returns [`QuantityError`](crate::QuantityError) when `value` is NaN or
    /// outside `0.0..=100.0`.
    pub fn new(value: f64) -> Result<Self, crate::QuantityError> {
        if (0.0..=100.0).contains(&value) {
            Ok(Score(value + 0.0))
        } else {
            Err(crate::QuantityError::new(format!(
                "a score must be from 0 to 100, got {value}"
            )))
        }
    }

    /// Creates a score from a value computed to lie in 0..=100, clamping the
    /// rounding error of floating-point arithmetic (and mapping NaN to 0).
    pub(crate) fn saturating(value: f64) -> Self {
        if value.is_nan() {
            Score(0.0)
        } else {
            Score(value.clamp(0.0, 100.0) + 0.0)
        }
    }

    /// The score.
    #[must_use]
    pub const fn get(self) -> f64 {
        self.0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Score {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Score".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "customer_strategy::Score".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "description": "A score from 0 to 100.",
        })
    }
}

impl fmt::Display for Score {
    /// One decimal, such as `62.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}", self.0)
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Score::new(value).map_err(serde::de::Error::custom)
    }
}
