//! Typed identifiers: one newtype over [`Uuid`] per kind of canvas element.
//!
//! Elements that other elements point at carry one of these ids, and references
//! between blocks are ids, so a reference to a segment cannot be mixed up with a
//! reference to a metric at compile time. In documents an id is a plain UUID string.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(IdVisitor($what)).map(Self)
            }
        }

        impl $name {
            #[doc = concat!("Creates a new, random (version 4) id for ", $what, ".")]
            #[must_use]
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            #[doc = concat!("Wraps an existing UUID as the id of ", $what, ".")]
            #[must_use]
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// Returns the UUID behind this id.
            #[must_use]
            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0.hyphenated(), f)
            }
        }

        impl FromStr for $name {
            type Err = IdParseError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self).map_err(|_| IdParseError {
                    kind: $what,
                    input: s.to_owned(),
                })
            }
        }

        impl From<Uuid> for $name {
            fn from(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        // Inlined where used: the field that holds the id says what it refers to.
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn schema_id() -> std::borrow::Cow<'static, str> {
                concat!("customer_strategy::", stringify!($name)).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "format": "uuid",
                    "description": concat!("The id of ", $what, ": a UUID."),
                })
            }
        }
    };
}

typed_id!(
    /// Identifies a whole canvas document.
    CanvasId,
    "a canvas"
);
typed_id!(
    /// Identifies a business goal of the foundation block, which customer objectives support.
    BusinessGoalId,
    "a business goal"
);
typed_id!(
    /// Identifies a customer segment or persona.
    SegmentId,
    "a customer segment"
);
typed_id!(
    /// Identifies one need of a customer segment.
    NeedId,
    "a customer need"
);
typed_id!(
    /// Identifies an element of the customer value proposition.
    ValueElementId,
    "a value element"
);
typed_id!(
    /// Identifies a customer journey.
    JourneyId,
    "a customer journey"
);
typed_id!(
    /// Identifies a touch point within a journey stage.
    TouchPointId,
    "a touch point"
);
typed_id!(
    /// Identifies a product or service offering.
    OfferingId,
    "an offering"
);
typed_id!(
    /// Identifies a customer-facing capability gap.
    CapabilityGapId,
    "a capability gap"
);
typed_id!(
    /// Identifies a metric or key result.
    MetricId,
    "a metric"
);
typed_id!(
    /// Identifies a customer objective (acquire, retain or grow).
    ObjectiveId,
    "a customer objective"
);
typed_id!(
    /// Identifies a test card, which learning cards refer to.
    TestCardId,
    "a test card"
);

/// A UUID shown in messages about ids that are not UUIDs.
const EXAMPLE_UUID: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

/// Reads the text of an id of the kind it names, with a message that says
/// what an id looks like when the text is not one.
struct IdVisitor(&'static str);

impl Visitor<'_> for IdVisitor {
    type Value = Uuid;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the id of {}: a UUID such as `{EXAMPLE_UUID}`", self.0)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Uuid, E> {
        Uuid::parse_str(text).map_err(|_| {
            E::custom(IdParseError {
                kind: self.0,
                input: text.to_owned(),
            })
        })
    }
}

/// The error returned when text is not a valid id.
///
/// ```
/// use customer_strategy::SegmentId;
///
/// let err = "not-a-uuid".parse::<SegmentId>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "`not-a-uuid` is not a valid id of a customer segment: \
///      ids are UUIDs, such as `67e55044-10b1-426f-9247-bb680e5fe0c8`"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a valid id of {kind}: ids are UUIDs, such as `{EXAMPLE_UUID}`")]
pub struct IdParseError {
    kind: &'static str,
    input: String,
}

impl IdParseError {
    /// The text that failed to parse, as given.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text() {
        let id = MetricId::new();
        let parsed: MetricId = id.to_string().parse().unwrap();
        assert_eq!(id, parsed);
    }

    #[test]
    fn fresh_ids_differ() {
        assert_ne!(SegmentId::new(), SegmentId::new());
    }
}
