//! Instruments as data: the questionnaire, its answer scale, its dimensions and
//! the maturity levels its scores fall into.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::assessment::item_id::ItemId;
use crate::document::{Document, SchemaVersion, Sealed};

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
    /// Identifies an instrument, such as `customer-strategy-maturity`.
    InstrumentId
);
key!(
    /// Identifies a dimension of an instrument, such as `culture`.
    DimensionId
);
key!(
    /// Identifies a respondent within a round, without naming them.
    RespondentId
);

/// A maturity questionnaire: what is asked, of whom, on what scale, and how the
/// scores read as maturity levels.
///
/// Products can ship their own instrument as JSON or TOML; the crate ships one,
/// [`Instrument::customer_strategy_maturity`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// The version of the document format.
    pub schema_version: SchemaVersion,
    /// The instrument's id.
    pub id: InstrumentId,
    /// The instrument's name.
    pub name: String,
    /// The instrument's own version, such as `2026.1`; rounds name the version they used.
    pub version: String,
    /// What the instrument assesses, for the people who answer it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The answer scale.
    pub scale: AnswerScale,
    /// The dimensions scores are reported on.
    pub dimensions: Vec<Dimension>,
    /// The items (questions), each belonging to a dimension.
    pub items: Vec<Item>,
    /// The maturity levels, as bands of the 0 to 100 score.
    pub levels: Vec<MaturityLevel>,
    /// The optional weakest-link rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weakest_link: Option<WeakestLink>,
}

impl Sealed for Instrument {}

impl Document for Instrument {
    const KIND: &'static str = "instrument";
    const SCHEMA_VERSION: SchemaVersion = SchemaVersion::new(1);
    const VERSION_KEYS: &'static [&'static str] = &["schema_version"];

    fn schema_version(&self) -> SchemaVersion {
        self.schema_version
    }
}

const CUSTOMER_STRATEGY_MATURITY: &str = include_str!("../../data/customer_strategy_maturity.toml");

impl Instrument {
    /// The built-in instrument, *customer strategy maturity*: six dimensions of
    /// a customer strategy practice, four or more items each, five levels.
    ///
    /// ```
    /// use customer_strategy::Instrument;
    ///
    /// let instrument = Instrument::customer_strategy_maturity()?;
    /// assert_eq!(instrument.id.as_str(), "customer-strategy-maturity");
    /// assert!(instrument.dimensions.len() >= 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns a [`LoadError`](crate::LoadError) only if the data compiled into the
    /// crate does not load, which the crate's own tests rule out.
    pub fn customer_strategy_maturity() -> Result<Instrument, crate::LoadError> {
        Instrument::from_toml(CUSTOMER_STRATEGY_MATURITY)
    }

    /// The text of the built-in instrument, as compiled into the crate (TOML).
    #[must_use]
    pub fn customer_strategy_maturity_toml() -> &'static str {
        CUSTOMER_STRATEGY_MATURITY
    }

    /// Finds a dimension by id (a linear search; scoring builds its own tables).
    #[must_use]
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id.as_str() == id)
    }

    /// The highest maturity level whose number is at most `cap`: where a level
    /// lands when a rule caps it.
    pub(crate) fn highest_level_up_to(&self, cap: u8) -> Option<&MaturityLevel> {
        self.levels
            .iter()
            .filter(|l| l.number <= cap)
            .max_by_key(|l| l.number)
    }

    /// Finds a maturity level by its number.
    #[must_use]
    pub fn level(&self, number: u8) -> Option<&MaturityLevel> {
        self.levels.iter().find(|l| l.number == number)
    }
}

/// The points an answer can take, with a label for each, and whether "don't
/// know" and "not applicable" may be answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerScale {
    /// The lowest point, such as 1.
    pub min: u8,
    /// The highest point, such as 5.
    pub max: u8,
    /// A label for each point, such as "Strongly agree".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<ScaleLabel>,
    /// Whether respondents may answer "don't know".
    #[serde(default = "yes")]
    pub dont_know: bool,
    /// Whether respondents may answer "not applicable".
    #[serde(default = "yes")]
    pub not_applicable: bool,
}

fn yes() -> bool {
    true
}

impl AnswerScale {
    /// Whether `point` lies on the scale.
    #[must_use]
    pub fn contains(&self, point: u8) -> bool {
        (self.min..=self.max).contains(&point)
    }
}

/// The label of one point of the scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScaleLabel {
    /// The point.
    pub value: u8,
    /// What it means.
    pub label: String,
}

/// A dimension of maturity, reported with its own score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// The dimension's id.
    pub id: DimensionId,
    /// The dimension's name.
    pub name: String,
    /// What the dimension covers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Its weight in the overall score; positive.
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

/// The organizational level a respondent works at; asking every level exposes
/// the gap between boardroom and back office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrgLevel {
    /// Members of the board.
    Board,
    /// The executive team.
    Executive,
    /// Managers.
    Manager,
    /// Front-line staff, who serve customers.
    FrontLine,
    /// Anyone else.
    Other,
}

impl OrgLevel {
    /// Every level, from boardroom to back office.
    pub const ALL: [OrgLevel; 5] = [
        OrgLevel::Board,
        OrgLevel::Executive,
        OrgLevel::Manager,
        OrgLevel::FrontLine,
        OrgLevel::Other,
    ];

    /// The level's place in [`OrgLevel::ALL`], which is also their order: for
    /// tables with a row per level.
    pub(crate) const fn position(self) -> usize {
        match self {
            OrgLevel::Board => 0,
            OrgLevel::Executive => 1,
            OrgLevel::Manager => 2,
            OrgLevel::FrontLine => 3,
            OrgLevel::Other => 4,
        }
    }

    /// The name used in documents, such as `"front_line"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            OrgLevel::Board => "board",
            OrgLevel::Executive => "executive",
            OrgLevel::Manager => "manager",
            OrgLevel::FrontLine => "front_line",
            OrgLevel::Other => "other",
        }
    }

    /// The level's name as a person would write it.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            OrgLevel::Board => "Board",
            OrgLevel::Executive => "Executives",
            OrgLevel::Manager => "Managers",
            OrgLevel::FrontLine => "Front line",
            OrgLevel::Other => "Other",
        }
    }
}

impl fmt::Display for OrgLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

/// One item (question) of an instrument.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The item's id.
    pub id: ItemId,
    /// The dimension it belongs to.
    pub dimension: DimensionId,
    /// The statement or question put to the respondent.
    pub prompt: String,
    /// Its weight within its dimension; positive.
    #[serde(default = "one")]
    pub weight: f64,
    /// Whether agreeing means *less* maturity, so the scale is turned around.
    #[serde(default)]
    pub reverse: bool,
    /// The organizational levels it is asked of; empty means every level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asked_of: Vec<OrgLevel>,
    /// What a respondent could point to as evidence for a high answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence_hint: String,
}

impl Item {
    /// Whether the item is asked of respondents at `level`.
    #[must_use]
    pub fn is_asked_of(&self, level: OrgLevel) -> bool {
        self.asked_of.is_empty() || self.asked_of.contains(&level)
    }
}

/// A maturity level: a band of the 0 to 100 score with a name, a description
/// and the next steps per dimension for an organization at this level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MaturityLevel {
    /// The level's number, 1 for the least mature.
    pub number: u8,
    /// The level's name.
    pub name: String,
    /// What an organization at this level looks like.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The scores that fall into this level.
    pub band: ScoreBand,
    /// What to do next, per dimension, from this level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<NextSteps>,
}

impl MaturityLevel {
    /// The next steps for a dimension at this level, if the instrument gives any.
    #[must_use]
    pub fn next_steps_for(&self, dimension: &str) -> Option<&NextSteps> {
        self.next_steps
            .iter()
            .find(|s| s.dimension.as_str() == dimension)
    }
}

/// A band of scores, `from` (inclusive) up to `to`: exclusive, except for the band
/// that ends at 100, which includes 100.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoreBand {
    /// The lowest score in the band.
    pub from: f64,
    /// Where the band ends.
    pub to: f64,
}

impl ScoreBand {
    /// Whether `score` falls into the band.
    #[must_use]
    pub fn contains(&self, score: f64) -> bool {
        score >= self.from && (score < self.to || (self.to >= 100.0 && score <= self.to))
    }
}

/// What to do next in one dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NextSteps {
    /// The dimension.
    pub dimension: DimensionId,
    /// The steps, most important first.
    pub steps: Vec<String>,
}

/// The weakest-link rule: the overall level may be at most `max_levels_above`
/// levels above the level of the weakest dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WeakestLink {
    /// How many levels the overall level may sit above the weakest dimension's.
    pub max_levels_above: u8,
}
