//! The value study as a document: the market, the offers compared, the
//! attribute tree with its weights, the rating scale and the customers' ratings.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::{Document, SchemaVersion, Sealed};
use crate::id::{NeedId, SegmentId, ValueElementId};
use crate::quantity::Share;

macro_rules! key {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a key.
            #[must_use]
            pub fn new(key: impl Into<String>) -> Self {
                Self(key.into())
            }

            /// The key as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(key: &str) -> Self {
                Self(key.to_owned())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

key!(
    /// Identifies an offer within a value study, such as `harbour`: ours or a
    /// competitor's. Ratings name the offer they rate by this key.
    OfferId
);
key!(
    /// Identifies an attribute of a value study's tree, such as `advice-clarity`.
    /// Ratings name the attribute they rate by this key.
    AttributeId
);

/// A survey of customers comparing our offer with the competitors' in one
/// market or segment: what customers weigh when they choose, and how they rate
/// each offer on it.
///
/// The attribute tree has two branches, [`quality`](ValueStudy::quality) and
/// [`price`](ValueStudy::price), and [`price_weight`](ValueStudy::price_weight)
/// says how much price counts against quality in the customers' choice. The
/// weights of every level of each branch should add up to 100%; the crate
/// does not normalize them, the rule `VALUE-WEIGHT-001` reports those that do
/// not.
///
/// What the types cannot hold is refused when loading: a weight outside 0 to 1,
/// an individual rating that is not a whole number from 0 to 255, a count that
/// is negative. What they can hold but the study does not allow (a rating of 11
/// on a 1 to 10 scale, a mean outside the scale) is reported by the rule
/// `VALUE-SCALE-001` at the rating's JSON Pointer path, and left out of the
/// [`analyse`](crate::analyse)d figures.
///
/// ```
/// use customer_strategy::{Document, ValueStudy};
///
/// let study = ValueStudy::from_toml(r#"
///     schema_version = 1
///     name = "Mortgage customers 2026"
///     market = "Residential mortgages"
///     as_of = "2026-03-31"
///     price_weight = 0.25
///     our_offer = { id = "harbour", name = "Harbour Bank" }
///     competitors = [{ id = "meridian", name = "Meridian National Bank" }]
///
///     [[quality]]
///     id = "advice"
///     name = "Advice"
///     weight = 1.0
///
///     [[price]]
///     id = "rate"
///     name = "Rate for existing customers"
///     weight = 1.0
///
///     [[responses]]
///     ratings = { harbour = { advice = 9, rate = 5 }, meridian = { advice = 6, rate = 7 } }
/// "#)?;
/// assert_eq!(study.scale.max(), 10); // 1 to 10 unless said otherwise
/// assert_eq!(study.offers().count(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValueStudy {
    /// The version of the document format.
    pub schema_version: SchemaVersion,
    /// The study's name, such as "Mortgage customers 2026".
    pub name: String,
    /// The market or segment studied, in words.
    pub market: String,
    /// The customer segment of the canvas the study speaks for, where linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<SegmentId>,
    /// The date the ratings describe.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub as_of: NaiveDate,
    /// The scale every rating is given on; 1 to 10 unless said otherwise.
    #[serde(default)]
    pub scale: RatingScale,
    /// How much price counts against quality in the customers' choice, from 0
    /// to 1; quality counts for the rest.
    pub price_weight: Share,
    /// Our offer.
    pub our_offer: Offer,
    /// The competitors' offers, by name; where the canvas names competitors in
    /// its differentiators, the same names.
    #[serde(default)]
    pub competitors: Vec<Offer>,
    /// The quality attributes: the top level of the quality branch.
    #[serde(default)]
    pub quality: Vec<Attribute>,
    /// The price attributes (price paid, fees, rates, cost of switching),
    /// rated as satisfaction with the price: the top level of the price branch.
    #[serde(default)]
    pub price: Vec<Attribute>,
    /// Individual customers' ratings, aggregated by the crate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<CustomerResponse>,
    /// Ratings that arrive already aggregated (a mean and a count), where a
    /// survey product gives no individual answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aggregates: Vec<AggregateRating>,
}

impl Sealed for ValueStudy {}

impl Document for ValueStudy {
    const KIND: &'static str = "value study";
    const SCHEMA_VERSION: SchemaVersion = SchemaVersion::new(1);
    const VERSION_KEYS: &'static [&'static str] = &["schema_version"];

    fn schema_version(&self) -> SchemaVersion {
        self.schema_version
    }
}

impl ValueStudy {
    /// Every offer of the study: ours first, then the competitors' in order.
    pub fn offers(&self) -> impl Iterator<Item = &Offer> {
        std::iter::once(&self.our_offer).chain(&self.competitors)
    }

    /// Every attribute that is rated (those without children), quality
    /// branch first, each with its kind and its weight within its branch:
    /// the product of its own weight and every ancestor's.
    ///
    /// ```
    /// use customer_strategy::{AttributeKind, Document, ValueStudy};
    ///
    /// let study = ValueStudy::from_json(r#"{
    ///     "schema_version": 1, "name": "S", "market": "M", "as_of": "2026-01-01",
    ///     "price_weight": 0.0, "our_offer": {"id": "us", "name": "Us"},
    ///     "quality": [
    ///         {"id": "advice", "name": "Advice", "weight": 0.5, "children": [
    ///             {"id": "clear", "name": "Clear explanation", "weight": 0.75},
    ///             {"id": "reach", "name": "Easy to reach", "weight": 0.25}]},
    ///         {"id": "speed", "name": "Speed of decision", "weight": 0.5}]
    /// }"#)?;
    /// let leaves: Vec<_> = study.rated_attributes().map(|l| (l.attribute.id.as_str(), l.weight)).collect();
    /// assert_eq!(leaves, [("clear", 0.375), ("reach", 0.125), ("speed", 0.5)]);
    /// assert!(study.rated_attributes().all(|l| l.kind == AttributeKind::Quality));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rated_attributes(&self) -> impl Iterator<Item = RatedAttribute<'_>> {
        let mut leaves = Vec::new();
        for (kind, branch) in [
            (AttributeKind::Quality, &self.quality),
            (AttributeKind::Price, &self.price),
        ] {
            for attribute in branch {
                collect_leaves(attribute, kind, 1.0, &mut leaves);
            }
        }
        leaves.into_iter()
    }
}

fn collect_leaves<'a>(
    attribute: &'a Attribute,
    kind: AttributeKind,
    above: f64,
    leaves: &mut Vec<RatedAttribute<'a>>,
) {
    let weight = above * attribute.weight.get();
    if attribute.children.is_empty() {
        leaves.push(RatedAttribute {
            attribute,
            kind,
            weight,
        });
    } else {
        for child in &attribute.children {
            collect_leaves(child, kind, weight, leaves);
        }
    }
}

/// An attribute customers rate (one without children), with its kind and its
/// weight within its branch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RatedAttribute<'a> {
    /// The attribute.
    pub attribute: &'a Attribute,
    /// Whether it is a quality or a price attribute.
    pub kind: AttributeKind,
    /// Its weight within its branch: its own weight times every ancestor's.
    pub weight: f64,
}

/// The two branches of the attribute tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AttributeKind {
    /// What customers get: advice, speed, service, the product itself.
    Quality,
    /// What customers pay, rated as satisfaction with it: price, fees, rates.
    Price,
}

impl AttributeKind {
    /// The kind in words, as documents write it.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AttributeKind::Quality => "quality",
            AttributeKind::Price => "price",
        }
    }
}

impl fmt::Display for AttributeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An offer compared in the study: ours or a competitor's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// The key ratings name the offer by.
    pub id: OfferId,
    /// The offer's name, or the competitor's, as customers know it.
    pub name: String,
}

impl Offer {
    /// Makes an offer of its key and name.
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Offer {
            id: OfferId::new(id),
            name: name.into(),
        }
    }
}

/// An attribute of the tree: something customers weigh when they choose.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    /// The key ratings name the attribute by.
    pub id: AttributeId,
    /// The attribute, in the customers' words.
    pub name: String,
    /// Its importance among the attributes of its level, from 0 to 1; the
    /// weights of one level add up to 1 (100%).
    pub weight: Share,
    /// The value element or need of the canvas the attribute speaks to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaks_to: Option<CanvasLink>,
    /// Finer attributes that share this one's weight. An attribute with
    /// children is not rated itself; its children are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Attribute>,
}

impl Attribute {
    /// Makes an attribute without children or link.
    ///
    /// # Errors
    ///
    /// Returns a [`QuantityError`](crate::QuantityError) when `weight` is not
    /// a fraction from 0 to 1.
    ///
    /// ```
    /// use customer_strategy::Attribute;
    ///
    /// let advice = Attribute::new("advice", "Advice", 0.4)?;
    /// assert_eq!(advice.weight.get(), 0.4);
    /// assert!(Attribute::new("advice", "Advice", 40.0).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        weight: f64,
    ) -> Result<Self, crate::QuantityError> {
        Ok(Attribute {
            id: AttributeId::new(id),
            name: name.into(),
            weight: Share::new(weight)?,
            speaks_to: None,
            children: Vec::new(),
        })
    }
}

/// What in the canvas an attribute speaks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum CanvasLink {
    /// An element of the customer value proposition.
    ValueElement(ValueElementId),
    /// A need of a customer segment.
    Need(NeedId),
}

impl fmt::Display for CanvasLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CanvasLink::ValueElement(id) => write!(f, "value element {id}"),
            CanvasLink::Need(id) => write!(f, "need {id}"),
        }
    }
}

/// The scale ratings are given on: whole points from `min` to `max`.
///
/// ```
/// use customer_strategy::RatingScale;
///
/// let scale = RatingScale::new(1, 7)?;
/// assert!(scale.contains(7) && !scale.contains(0));
/// assert_eq!(RatingScale::default(), RatingScale::new(1, 10)?);
/// assert!(RatingScale::new(5, 5).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RatingScale {
    /// The lowest point.
    min: u8,
    /// The highest point.
    max: u8,
}

impl Default for RatingScale {
    fn default() -> Self {
        RatingScale { min: 1, max: 10 }
    }
}

impl RatingScale {
    /// A scale from `min` to `max`.
    ///
    /// # Errors
    ///
    /// Returns a [`QuantityError`](crate::QuantityError) unless `min < max`.
    pub fn new(min: u8, max: u8) -> Result<Self, crate::QuantityError> {
        if min < max {
            Ok(RatingScale { min, max })
        } else {
            Err(crate::QuantityError::new(format!(
                "a rating scale runs from a lower to a higher point, got {min} to {max}"
            )))
        }
    }

    /// The lowest point.
    #[must_use]
    pub const fn min(&self) -> u8 {
        self.min
    }

    /// The highest point.
    #[must_use]
    pub const fn max(&self) -> u8 {
        self.max
    }

    /// Whether `point` lies on the scale.
    #[must_use]
    pub const fn contains(&self, point: u8) -> bool {
        self.min <= point && point <= self.max
    }

    /// Whether a mean rating lies within the scale.
    #[must_use]
    pub fn contains_mean(&self, mean: f64) -> bool {
        f64::from(self.min) <= mean && mean <= f64::from(self.max)
    }
}

/// One customer's ratings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerResponse {
    /// The customer's segment in the canvas, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<SegmentId>,
    /// The offer the customer buys today: ours, a competitor's, or unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_of: Option<OfferId>,
    /// The ratings: by offer, then by attribute, a point on the scale. Offers
    /// or attributes the customer did not rate are left out.
    pub ratings: BTreeMap<OfferId, BTreeMap<AttributeId, u8>>,
}

/// Ratings of one offer on one attribute that arrive already aggregated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AggregateRating {
    /// The offer rated.
    pub offer: OfferId,
    /// The attribute rated.
    pub attribute: AttributeId,
    /// The mean rating, on the study's scale.
    pub mean: f64,
    /// How many ratings the mean is of.
    pub count: u32,
    /// The standard deviation of the ratings (of the sample, divided by
    /// `count - 1`), where known; without it no standard error is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub std_dev: Option<f64>,
}

/// A value study and the canvas of the strategy it informs, judged together by
/// [`rules::value_in_context`](crate::rules::value_in_context): the
/// competitors the study names against those the canvas's differentiators
/// name, and the study's links into the canvas.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StudyInContext {
    /// The canvas.
    pub canvas: crate::canvas::Canvas,
    /// The value study.
    pub study: ValueStudy,
}
