//! Dates and times as documents write them: RFC 3339 text in JSON and TOML, and
//! also TOML's own unquoted dates (`start = 2026-01-01`), which people writing
//! TOML by hand reach for first. Documents are always written as text.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserializer;
use serde::de::{self, MapAccess, Visitor};

/// The key under which the TOML deserializer hands over a native date or time.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

/// A date and time with its offset, which parses as any date-time type.
const SAMPLE_DATE_TIME: &str = "2026-01-01T09:00:00Z";

struct TextOrTomlDate<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for TextOrTomlDate<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 date or date and time, such as 2026-01-01 or 2026-01-01T09:00:00Z")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(|e| {
            // A date and time without its offset is the commonest slip: say
            // what is missing rather than that the input ended early.
            let wants_offset = SAMPLE_DATE_TIME.parse::<T>().is_ok()
                && chrono::NaiveDateTime::from_str(text).is_ok();
            if wants_offset {
                E::custom(format!(
                    "`{text}` has no offset from UTC: end it with `Z` for UTC or with an \
                     offset such as `+01:00`, as in `{text}Z`"
                ))
            } else {
                E::custom(format!("`{text}` is not a valid date or time: {e}"))
            }
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == TOML_DATETIME_KEY => {
                let text: String = map.next_value()?;
                self.visit_str(&text)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

/// Reads a date or a date and time from text or a native TOML value.
pub(crate) fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    deserializer.deserialize_any(TextOrTomlDate(PhantomData))
}

/// Reads an optional date; absent fields are handled by `#[serde(default)]`.
pub(crate) fn deserialize_option<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Dated {
        #[serde(deserialize_with = "super::deserialize")]
        day: NaiveDate,
        #[serde(deserialize_with = "super::deserialize")]
        at: DateTime<Utc>,
    }

    #[test]
    fn reads_text_and_native_toml_dates() {
        let quoted: Dated =
            toml::from_str("day = \"2026-01-01\"\nat = \"2026-01-01T09:00:00Z\"").unwrap();
        let native: Dated = toml::from_str("day = 2026-01-01\nat = 2026-01-01T09:00:00Z").unwrap();
        assert_eq!(quoted.day, native.day);
        assert_eq!(quoted.at, native.at);
        let json: Dated =
            serde_json::from_str(r#"{"day": "2026-01-01", "at": "2026-01-01T09:00:00Z"}"#).unwrap();
        assert_eq!(json.day, native.day);
    }

    #[test]
    fn refuses_a_local_time_without_offset() {
        let err =
            toml::from_str::<Dated>("day = 2026-01-01\nat = 2026-01-01T09:00:00").unwrap_err();
        assert_eq!(
            err.message(),
            "`2026-01-01T09:00:00` has no offset from UTC: end it with `Z` for UTC or with an \
             offset such as `+01:00`, as in `2026-01-01T09:00:00Z`"
        );
        // A date field given a date and time is not told to add an offset.
        let err =
            toml::from_str::<Dated>("day = \"2026-01-01T09:00:00\"\nat = 2026-01-01T09:00:00Z")
                .unwrap_err();
        assert!(
            err.message().contains("is not a valid date or time"),
            "{err}"
        );
    }
}
