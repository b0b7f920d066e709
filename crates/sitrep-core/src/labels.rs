//! Closed label sets. Strings appear only at the serde boundary.

/// Defines a closed label set: an enum whose variants serialise as the given strings, with
/// `ALL`, `as_str`, `Display` and `FromStr`. Used by every crate that adds labels, so they
/// all behave alike.
#[macro_export]
macro_rules! label_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            $crate::__serde::Serialize, $crate::__serde::Deserialize,
        )]
        #[serde(crate = "sitrep_core::__serde")]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The label as it appears in JSON output.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($s => Ok($name::$variant),)+
                    _ => Err(format!(concat!("unknown ", stringify!($name), " {:?}"), s)),
                }
            }
        }
    };
}

label_enum! {
    /// Universal Dependencies part-of-speech tags.
    Upos {
        Adj = "ADJ", Adp = "ADP", Adv = "ADV", Aux = "AUX", Cconj = "CCONJ", Det = "DET",
        Intj = "INTJ", Noun = "NOUN", Num = "NUM", Part = "PART", Pron = "PRON", Propn = "PROPN",
        Punct = "PUNCT", Sconj = "SCONJ", Sym = "SYM", Verb = "VERB", X = "X",
    }
}

label_enum! {
    /// The 16 PLOVER event types.
    EventType {
        Agree = "AGREE", Consult = "CONSULT", Support = "SUPPORT", Concede = "CONCEDE",
        Cooperate = "COOPERATE", Aid = "AID", Retreat = "RETREAT", Request = "REQUEST",
        Accuse = "ACCUSE", Reject = "REJECT", Threaten = "THREATEN", Protest = "PROTEST",
        Sanction = "SANCTION", Mobilize = "MOBILIZE", Coerce = "COERCE", Assault = "ASSAULT",
    }
}

label_enum! {
    /// Whether, and how, the text asserts that an event happens.
    Modality {
        Asserted = "asserted", Planned = "planned", Intended = "intended",
        Conditional = "conditional", Negated = "negated", Denied = "denied",
        Hypothetical = "hypothetical",
    }
}

label_enum! {
    /// Actor sectors (CAMEO-style agent types).
    Sector {
        Gov = "GOV", Mil = "MIL", Dip = "DIP", Leg = "LEG", Jud = "JUD", Cop = "COP",
        Spy = "SPY", Reb = "REB", Opp = "OPP", Pty = "PTY", Med = "MED", Bus = "BUS",
        Cvl = "CVL", Igo = "IGO", Ngo = "NGO",
    }
}

label_enum! {
    /// What an entity is.
    EntityKind {
        Person = "person", Organization = "organization", State = "state", Place = "place",
        Media = "media",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[test]
    fn labels_round_trip_through_strings_and_json() {
        fn check<T>(all: &[T])
        where
            T: Copy
                + PartialEq
                + std::fmt::Debug
                + std::fmt::Display
                + std::str::FromStr
                + Serialize
                + for<'de> Deserialize<'de>,
        {
            for &v in all {
                let s = v.to_string();
                assert_eq!(s.parse::<T>().ok(), Some(v));
                assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{s}\""));
                assert_eq!(serde_json::from_str::<T>(&format!("\"{s}\"")).unwrap(), v);
            }
        }
        check(Upos::ALL);
        check(EventType::ALL);
        check(Modality::ALL);
        check(Sector::ALL);
        check(EntityKind::ALL);
        assert_eq!(Upos::ALL.len(), 17);
        assert_eq!(EventType::ALL.len(), 16);
        assert_eq!(Modality::ALL.len(), 7);
        assert!("ATTACK".parse::<EventType>().is_err());
    }
}
