//! Checked quantities shared by the model: shares of a whole and money amounts.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

/// A share of a whole, from `0.0` (none) to `1.0` (all of it); never NaN.
///
/// Used for the share of investment a customer objective receives, and anywhere
/// else the model records a proportion.
///
/// ```
/// use customer_strategy::Share;
///
/// let share = Share::new(0.25)?;
/// assert_eq!(share.get(), 0.25);
/// assert_eq!(share.to_string(), "25%");
/// assert!(Share::new(1.5).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Share(f64);

impl Share {
    /// No share at all.
    pub const ZERO: Share = Share(0.0);
    /// The whole.
    pub const ONE: Share = Share(1.0);

    /// Creates a share from a fraction in `0.0..=1.0`.
    ///
    /// # Errors
    ///
    /// Returns [`QuantityError`] when `fraction` is NaN or outside `0.0..=1.0`.
    pub fn new(fraction: f64) -> Result<Self, QuantityError> {
        if (0.0..=1.0).contains(&fraction) {
            // Normalise -0.0 so that equal shares serialize identically.
            Ok(Share(fraction + 0.0))
        } else {
            Err(QuantityError::new(format!(
                "a share must be a fraction from 0.0 to 1.0, got {fraction}"
            )))
        }
    }

    /// A share from a fraction known to lie in `0.0..=1.0`, such as a constant;
    /// out-of-range values are clamped and NaN becomes 0.
    pub(crate) const fn from_fraction(fraction: f64) -> Self {
        if fraction.is_nan() {
            Share(0.0)
        } else {
            Share(fraction.clamp(0.0, 1.0))
        }
    }

    /// Creates a share from a percentage in `0.0..=100.0`.
    ///
    /// # Errors
    ///
    /// Returns [`QuantityError`] when `percent` is NaN or outside `0.0..=100.0`.
    pub fn from_percent(percent: f64) -> Result<Self, QuantityError> {
        if (0.0..=100.0).contains(&percent) {
            Share::new(percent / 100.0)
        } else {
            Err(QuantityError::new(format!(
                "a percentage must be from 0 to 100, got {percent}"
            )))
        }
    }

    /// The fraction, in `0.0..=1.0`.
    #[must_use]
    pub const fn get(self) -> f64 {
        self.0
    }

    /// The share as a percentage, in `0.0..=100.0`.
    #[must_use]
    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Share {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Share".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "customer_strategy::Share".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "A share of a whole, as a fraction from 0 (none) to 1 (all of it).",
        })
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.percent())
    }
}

// The range checks run inside the visitors, so a JSON error points at the
// offending number rather than at the end of the object around it.
impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ShareVisitor;

        impl serde::de::Visitor<'_> for ShareVisitor {
            type Value = Share;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a fraction from 0.0 to 1.0")
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Share, E> {
                Share::new(v).map_err(E::custom)
            }

            #[allow(clippy::cast_precision_loss)] // only 0 and 1 are valid whole numbers
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Share, E> {
                Share::new(v as f64).map_err(E::custom)
            }

            #[allow(clippy::cast_precision_loss)] // only 0 and 1 are valid whole numbers
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Share, E> {
                Share::new(v as f64).map_err(E::custom)
            }
        }

        deserializer.deserialize_f64(ShareVisitor)
    }
}

/// An amount of money in whole units of a currency, such as an investment.
///
/// The amount is at most `i64::MAX` so that every document format can hold it.
///
/// ```
/// use customer_strategy::Money;
///
/// let budget = Money::new(2_500_000, "EUR")?;
/// assert_eq!(budget.to_string(), "2500000 EUR");
/// assert!(Money::new(10, "euro").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    amount: Amount,
    currency: CurrencyCode,
}

impl Money {
    /// Creates an amount of money.
    ///
    /// # Errors
    ///
    /// Returns [`QuantityError`] when `amount` exceeds `i64::MAX` or `currency` is
    /// not three upper-case ASCII letters (an ISO 4217 code such as `EUR`).
    pub fn new(amount: u64, currency: &str) -> Result<Self, QuantityError> {
        Ok(Money {
            amount: Amount::new(amount)?,
            currency: currency.parse()?,
        })
    }

    /// The amount, in whole units of the currency.
    #[must_use]
    pub const fn amount(&self) -> u64 {
        self.amount.0
    }

    /// The ISO 4217 currency code.
    #[must_use]
    pub fn currency(&self) -> &str {
        &self.currency.0
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount.0, self.currency.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
struct Amount(u64);

impl Amount {
    fn new(amount: u64) -> Result<Self, QuantityError> {
        if i64::try_from(amount).is_ok() {
            Ok(Amount(amount))
        } else {
            Err(QuantityError::new(format!(
                "an amount of money must be at most {}, got {amount}",
                i64::MAX
            )))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Amount {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "customer_strategy::Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": i64::MAX,
            "description": "The amount, in whole units of the currency.",
        })
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AmountVisitor;

        impl serde::de::Visitor<'_> for AmountVisitor {
            type Value = Amount;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole, non-negative amount of money")
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Amount, E> {
                Amount::new(v).map_err(E::custom)
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Amount, E> {
                u64::try_from(v)
                    .map(Amount)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
        }

        deserializer.deserialize_u64(AmountVisitor)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
struct CurrencyCode(String);

impl FromStr for CurrencyCode {
    type Err = QuantityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(CurrencyCode(s.to_owned()))
        } else {
            Err(QuantityError::new(format!(
                "a currency must be a three-letter ISO 4217 code such as `EUR`, got `{s}`"
            )))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for CurrencyCode {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CurrencyCode".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "customer_strategy::CurrencyCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "The ISO 4217 currency code: three upper-case letters, such as `EUR`.",
        })
    }
}

impl<'de> Deserialize<'de> for CurrencyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CurrencyVisitor;

        impl serde::de::Visitor<'_> for CurrencyVisitor {
            type Value = CurrencyCode;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a three-letter ISO 4217 currency code")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<CurrencyCode, E> {
                v.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_str(CurrencyVisitor)
    }
}

/// The error returned when a quantity is out of its range.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QuantityError {
    message: String,
}

impl QuantityError {
    pub(crate) fn new(message: String) -> Self {
        QuantityError { message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_rejects_nan_and_out_of_range() {
        assert!(Share::new(f64::NAN).is_err());
        assert!(Share::new(-0.01).is_err());
        assert!(Share::new(1.01).is_err());
        assert_eq!(
            Share::new(2.0).unwrap_err().to_string(),
            "a share must be a fraction from 0.0 to 1.0, got 2"
        );
    }

    #[test]
    fn share_normalises_negative_zero() {
        assert!(Share::new(-0.0).unwrap().get().is_sign_positive());
    }

    #[test]
    fn share_from_percent() {
        assert_eq!(Share::from_percent(15.0).unwrap().get(), 0.15);
        assert!(Share::from_percent(101.0).is_err());
    }

    #[test]
    fn share_deserialization_checks_range() {
        let err = serde_json::from_str::<Share>("1.5").unwrap_err();
        assert!(err.to_string().starts_with("a share must be a fraction"));
    }

    #[test]
    fn money_checks_amount_and_currency() {
        assert!(Money::new(u64::MAX, "EUR").is_err());
        assert!(Money::new(1, "eur").is_err());
        assert_eq!(Money::new(7, "GBP").unwrap().currency(), "GBP");
    }
}
