//! The id of an item, kept inside the value itself when it is short.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest id kept inside the value, in bytes.
const INLINE: usize = 22;

/// Identifies an item (a question) of an instrument, such as `culture-03`.
///
/// An id of up to 22 bytes (every id of the built-in instrument) is kept inside
/// the value itself rather than in a separate allocation, so the answers of a
/// response (a map keyed by item id) hold their keys in the map's own nodes, and
/// scoring checks each answer's key without leaving them. Longer ids work the
/// same way; only where they are kept differs. Ids compare, order and hash as
/// their text.
///
/// ```
/// use customer_strategy::ItemId;
///
/// let id = ItemId::new("culture-03");
/// assert_eq!(id.as_str(), "culture-03");
/// assert_eq!(id, ItemId::from("culture-03"));
/// assert!(ItemId::new("culture-03") < ItemId::new("culture-10"));
/// let long = ItemId::new("an-item-id-longer-than-twenty-two-bytes");
/// assert_eq!(long.to_string(), "an-item-id-longer-than-twenty-two-bytes");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ItemId(Key);

/// Where an id is kept. Every id of at most [`INLINE`] bytes is `Inline`, so
/// two ids are equal exactly when their keys are.
#[derive(Clone, PartialEq, Eq)]
enum Key {
    /// The id's bytes, zero-padded to [`INLINE`], then its length.
    Inline([u8; INLINE + 1]),
    /// A longer id.
    Heap(Box<str>),
}

impl ItemId {
    /// Wraps a key.
    #[must_use]
    pub fn new(key: impl Into<String>) -> Self {
        let key: String = key.into();
        if key.len() <= INLINE {
            Self::inline(&key)
        } else {
            ItemId(Key::Heap(key.into_boxed_str()))
        }
    }

    /// The id of `key`.
    fn of(key: &str) -> Self {
        if key.len() <= INLINE {
            Self::inline(key)
        } else {
            ItemId(Key::Heap(Box::from(key)))
        }
    }

    /// The id of a `key` of at most [`INLINE`] bytes (a longer one is cut,
    /// which the callers rule out).
    fn inline(key: &str) -> Self {
        let mut bytes = [0_u8; INLINE + 1];
        let len = key.len().min(INLINE);
        if let (Some(to), Some(from)) = (bytes.get_mut(..len), key.as_bytes().get(..len)) {
            to.copy_from_slice(from);
        }
        if let Some(last) = bytes.last_mut() {
            // At most INLINE, so it fits in a byte.
            *last = u8::try_from(len).unwrap_or(0);
        }
        ItemId(Key::Inline(bytes))
    }

    /// The key as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // The bytes were copied from a `str` whole, so they are UTF-8.
            Key::Inline(_) => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Key::Heap(key) => key,
        }
    }

    /// The key's bytes, without the check of UTF-8 that [`ItemId::as_str`] makes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Key::Inline(bytes) => {
                let len = bytes.last().copied().map_or(0, usize::from);
                bytes.get(..len).unwrap_or_default()
            }
            Key::Heap(key) => key.as_bytes(),
        }
    }

    /// The whole inline key (bytes, padding and length) as three words, for
    /// an id kept inline: two such ids are equal exactly when their words are.
    #[inline]
    pub(crate) fn inline_words(&self) -> Option<[u64; 3]> {
        match &self.0 {
            Key::Inline(bytes) => {
                let (head, rest) = bytes.split_first_chunk::<8>()?;
                let middle = rest.first_chunk::<8>()?;
                let tail = bytes.last_chunk::<8>()?;
                Some([
                    u64::from_ne_bytes(*head),
                    u64::from_ne_bytes(*middle),
                    u64::from_ne_bytes(*tail),
                ])
            }
            Key::Heap(_) => None,
        }
    }
}

impl From<&str> for ItemId {
    fn from(key: &str) -> Self {
        Self::of(key)
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ItemId").field(&self.as_str()).finish()
    }
}

impl Borrow<str> for ItemId {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Ord for ItemId {
    /// The order of the ids' text (UTF-8 orders as its bytes do).
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl PartialOrd for ItemId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hash for ItemId {
    /// Hashes as the id's text does, as [`Borrow<str>`] requires: its bytes,
    /// then `0xff` (what `str` feeds a hasher), without checking the bytes
    /// are UTF-8 again.
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write(self.as_bytes());
        state.write_u8(0xff);
    }
}

impl Serialize for ItemId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemIdVisitor;

        impl Visitor<'_> for ItemIdVisitor {
            type Value = ItemId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<ItemId, E> {
                Ok(ItemId::of(v))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<ItemId, E> {
                Ok(ItemId::new(v))
            }

            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<ItemId, E> {
                std::str::from_utf8(v)
                    .map(ItemId::of)
                    .map_err(|_| E::invalid_value(de::Unexpected::Bytes(v), &self))
            }
        }

        deserializer.deserialize_string(ItemIdVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ItemId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ItemId".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "customer_strategy::ItemId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Identifies an item (a question) of an instrument, such as `culture-03`.",
            "type": "string",
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::{BTreeMap, HashMap};
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn an_id_takes_no_more_room_than_a_string() {
        assert_eq!(size_of::<ItemId>(), size_of::<String>());
    }

    #[test]
    fn ids_of_every_length_keep_their_text() {
        for len in 0..=40 {
            let text: String = "abcdéfghij".chars().cycle().take(len).collect();
            let id = ItemId::new(text.clone());
            assert_eq!(id.as_str(), text);
            assert_eq!(id.as_bytes(), text.as_bytes());
            assert_eq!(ItemId::from(text.as_str()), id);
            assert_eq!(id.inline_words().is_some(), text.len() <= INLINE);
            assert_eq!(format!("{id:?}"), format!("ItemId({text:?})"));
        }
    }

    #[test]
    fn ids_order_and_hash_as_their_text() {
        let texts = [
            "",
            "a",
            "a-01",
            "a-1",
            "culture-01",
            "culture-10",
            "culture-1",
            "zzzzzzzzzzzzzzzzzzzzzz",
            "zzzzzzzzzzzzzzzzzzzzzzz",
            "zzzzzzzzzzzzzzzzzzzzz",
            "é",
        ];
        let state = std::hash::RandomState::new();
        let fold = foldhash::fast::RandomState::default();
        for a in texts {
            for b in texts {
                let (x, y) = (ItemId::from(a), ItemId::from(b));
                assert_eq!(x.cmp(&y), a.cmp(b), "{a} against {b}");
                assert_eq!(x == y, a == b);
                assert_eq!(
                    x.inline_words().is_some() && x.inline_words() == y.inline_words(),
                    a == b && a.len() <= INLINE
                );
            }
            assert_eq!(state.hash_one(ItemId::from(a)), state.hash_one(a));
            assert_eq!(fold.hash_one(ItemId::from(a)), fold.hash_one(a));
        }
        let map: BTreeMap<ItemId, usize> =
            texts.iter().map(|&t| (ItemId::from(t), t.len())).collect();
        assert_eq!(map.get("culture-10"), Some(&10));
        let map: HashMap<ItemId, usize> =
            texts.iter().map(|&t| (ItemId::from(t), t.len())).collect();
        assert_eq!(map.get("zzzzzzzzzzzzzzzzzzzzzzz"), Some(&23));
    }

    #[test]
    fn ids_read_and_write_as_strings() {
        let id: ItemId = serde_json::from_str("\"culture-03\"").unwrap();
        assert_eq!(id.as_str(), "culture-03");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"culture-03\"");
        let err = serde_json::from_str::<ItemId>("3").unwrap_err();
        assert!(err.to_string().contains("expected a string"), "{err}");
    }
}
