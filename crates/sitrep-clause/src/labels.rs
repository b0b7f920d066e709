//! The clause stage's closed label sets.

sitrep_core::label_enum! {
    /// The mood of the clause's finite verb. UD writes both Konjunktive as `Mood=Sub`,
    /// told apart by `Tense` (`Pres` → Konjunktiv I, `Past` → Konjunktiv II); `würde` +
    /// infinitive is Konjunktiv II. `möchte` is read as what it is morphologically, the
    /// Konjunktiv II of `mögen`. English `would` + infinitive maps to `KonjII` (the
    /// conditional); every other English clause is `Ind` or `Imp`.
    ClauseMood {
        Ind = "Ind",
        KonjI = "KonjI",
        KonjII = "KonjII",
        Imp = "Imp",
    }
}

sitrep_core::label_enum! {
    /// The tense of the finite verb chain, named as in Duden for every mood: `Pres`
    /// (*wirft*, *werfe*), `Past` (*warf*, Konjunktiv II *wäre*, *käme*, *könnte*), `Perf`
    /// (*hat geworfen*, *habe geworfen*), `Pqp` (*hatte/hätte geworfen*), `Fut` (*wird/werde
    /// werfen*, and Konjunktiv II *würde werfen*), `FutPerf` (*wird geworfen haben*).
    ///
    /// With a modal verb the tense is the modal's (`soll verlegt werden` → `Pres`, `hat
    /// abziehen müssen` → `Perf`); a perfect infinitive under the modal (`soll abgezogen
    /// haben`) does not change it. English: `will`/`shall` + infinitive → `Fut`, `would` →
    /// `Fut` with mood `KonjII`, `have` + participle → `Perf`/`Pqp`.
    ClauseTense {
        Pres = "Pres",
        Past = "Past",
        Perf = "Perf",
        Pqp = "Pqp",
        Fut = "Fut",
        FutPerf = "FutPerf",
    }
}

sitrep_core::label_enum! {
    /// The auxiliary that makes a passive.
    PassiveAux {
        /// German `werden` + participle (Vorgangspassiv): *wurde verlegt*, *ist verlegt worden*.
        Werden = "werden",
        /// German `sein` + participle of a verb that takes `haben` (Zustandspassiv): *die
        /// Grenze ist geschlossen*.
        Sein = "sein",
        /// English `be` + past participle.
        Be = "be",
        /// English `get` + past participle.
        Get = "get",
    }
}

sitrep_core::label_enum! {
    /// What sort of clause it is, from how it starts.
    ClauseKind {
        /// Verb-first or verb-second, or any clause without a subordinator.
        Main = "main",
        /// Opened by a subordinating conjunction or an interrogative after a comma
        /// (verb-final in German).
        Subordinate = "subordinate",
        /// Opened by a relative pronoun (possibly after a preposition).
        Relative = "relative",
        /// A `zu`-infinitive (`um … zu`, `…, die Truppen abzuziehen`; English `to` + verb).
        Infinitive = "infinitive",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for &m in ClauseMood::ALL {
            assert_eq!(m.as_str().parse::<ClauseMood>().unwrap(), m);
        }
        for &t in ClauseTense::ALL {
            assert_eq!(t.to_string().parse::<ClauseTense>().unwrap(), t);
        }
        for &p in PassiveAux::ALL {
            assert_eq!(p.as_str().parse::<PassiveAux>().unwrap(), p);
        }
        for &k in ClauseKind::ALL {
            assert_eq!(k.as_str().parse::<ClauseKind>().unwrap(), k);
        }
        assert!("Konj1".parse::<ClauseMood>().is_err());
    }
}
