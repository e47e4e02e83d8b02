//! Responses and rounds: who answered, at which level, what they answered.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::assessment::instrument::{InstrumentId, ItemId, OrgLevel, RespondentId};
use crate::canvas::Function;
use crate::document::{Document, SchemaVersion, Sealed};

/// An answer to one item.
///
/// In documents a point is a number, the others are `"dont_know"` and
/// `"not_applicable"`: `answers = { culture-01 = 4, culture-02 = "dont_know" }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Answer {
    /// A point on the instrument's scale.
    Point(u8),
    /// The respondent does not know.
    DontKnow,
    /// The item does not apply to the respondent.
    NotApplicable,
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Point(point) => serializer.serialize_u8(*point),
            Answer::DontKnow => serializer.serialize_str("dont_know"),
            Answer::NotApplicable => serializer.serialize_str("not_applicable"),
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Answer {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answer".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "customer_strategy::Answer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An answer to one item: a point on the instrument's scale, \
                            `\"dont_know\"` or `\"not_applicable\"`.",
            "oneOf": [
                {
                    "type": "integer",
                    "minimum": u8::MIN,
                    "maximum": u8::MAX,
                    "description": "A point on the instrument's scale.",
                },
                {
                    "const": "dont_know",
                    "description": "The respondent does not know.",
                },
                {
                    "const": "not_applicable",
                    "description": "The item does not apply to the respondent.",
                },
            ],
        })
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnswerVisitor;

        impl Visitor<'_> for AnswerVisitor {
            type Value = Answer;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a point on the scale (0 to 255), \"dont_know\" or \"not_applicable\"")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Answer, E> {
                u8::try_from(v)
                    .map(Answer::Point)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Answer, E> {
                u8::try_from(v)
                    .map(Answer::Point)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Answer, E> {
                match v {
                    "dont_know" => Ok(Answer::DontKnow),
                    "not_applicable" => Ok(Answer::NotApplicable),
                    _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }
        }

        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// Who answered: an id, the organizational level, and the department.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// An id that tells respondents apart without naming them.
    pub id: RespondentId,
    /// The organizational level the respondent works at.
    pub level: OrgLevel,
    /// The respondent's department, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Function>,
}

/// One respondent's answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Who answered.
    pub respondent: Respondent,
    /// When the answers were submitted.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub submitted: DateTime<Utc>,
    /// The answers, by item id. Items left out were not answered.
    pub answers: BTreeMap<ItemId, Answer>,
}

/// The instrument (and its version) a round was answered with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InstrumentRef {
    /// The instrument's id.
    pub id: InstrumentId,
    /// The instrument's version.
    pub version: String,
}

/// A round of an assessment: the responses gathered with one instrument at one time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The version of the document format.
    pub schema_version: SchemaVersion,
    /// The round's name, such as "Spring 2026".
    pub name: String,
    /// The instrument the round used.
    pub instrument: InstrumentRef,
    /// When the round closed.
    #[serde(deserialize_with = "crate::dates::deserialize")]
    pub date: NaiveDate,
    /// The responses.
    #[serde(default)]
    pub responses: Vec<Response>,
}

impl Sealed for Round {}

impl Document for Round {
    const KIND: &'static str = "round";
    const SCHEMA_VERSION: SchemaVersion = SchemaVersion::new(1);
    const VERSION_KEYS: &'static [&'static str] = &["schema_version"];

    fn schema_version(&self) -> SchemaVersion {
        self.schema_version
    }
}

/// An instrument and a round of responses to it, judged together by the
/// response rules of the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// The instrument the round was answered with.
    pub instrument: crate::assessment::instrument::Instrument,
    /// The round of responses.
    pub round: Round,
}
