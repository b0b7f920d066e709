//! Tokens: one pass over the bytes, cutting the text at whitespace into chunks, then each
//! chunk into tokens (spaCy's prefix / suffix / infix scheme, written as plain loops).
//!
//! Conventions follow UD German GSD and UD English EWT: punctuation and quotation marks are
//! tokens of their own; a hyphen between words is its own token (`US` `-` `Soldaten`)
//! except after the English prefixes in `hyphen-prefixes.txt`; English clitics are split
//! (`do` `n't`, `I` `'m`); German contractions (`zum`, `im`) stay whole; abbreviations,
//! initials and German ordinals keep their period; numbers, times, URLs, e-mail addresses,
//! `#tags`, `@handles` and emoticons are single tokens.

use crate::Segmenter;
use sitrep_core::{is_ignorable, Language, Span, Token, TokenKind};

/// The char starting at byte `i` (which must be a char boundary) and its length.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b as char, 1),
        _ => text
            .get(i..)
            .and_then(|t| t.chars().next())
            .map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// The char ending at byte `i` and its length.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i.wrapping_sub(1)) {
        Some(&b) if b < 0x80 => (b as char, 1),
        _ => text
            .get(..i)
            .and_then(|t| t.chars().next_back())
            .map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || matches!(c, '\u{0300}'..='\u{036F}')
    }
}

#[inline]
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '„' | '“' | '”' | '‚' | '‘' | '’' | '«' | '»' | '‹' | '›'
    )
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Characters that stay with the character before them: variation selectors, emoji skin
/// tones, combining marks, keycap.
#[inline]
fn is_extender(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{0300}'..='\u{036F}' | '\u{20E3}')
}

fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}')
}

/// The kind of a one-character (or repeated-character) token that is not a word.
fn symbol_kind(c: char) -> TokenKind {
    if is_emoji(c) {
        TokenKind::Emoji
    } else if (c.is_ascii_punctuation()
        && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '|' | '~'))
        || is_quote(c)
        || matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '¿' | '¡' | '§' | '¶' | '·')
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

#[inline]
pub(crate) fn push(out: &mut Vec<Token>, s: usize, e: usize, kind: TokenKind) {
    out.push(Token {
        span: Span::new(s, e),
        kind,
        joined: false,
    });
}

/// Number, time or word, from the token's bytes.
fn word_kind(w: &[u8]) -> TokenKind {
    match w.first() {
        Some(b) if b.is_ascii_digit() => {}
        _ => {
            if let Some(at) = w.iter().position(|&b| b == b'@') {
                if w[at..].contains(&b'.') {
                    return TokenKind::Email;
                }
            }
            return TokenKind::Word;
        }
    }
    if !w
        .iter()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':' | b'/' | b'-'))
    {
        return TokenKind::Word;
    }
    let is_time = match w {
        [h, b':', m1, m2] | [_, h, b':', m1, m2] => {
            h.is_ascii_digit() && m1.is_ascii_digit() && m2.is_ascii_digit()
        }
        _ => false,
    };
    if is_time {
        TokenKind::Time
    } else {
        TokenKind::Number
    }
}

/// Length of an ASCII emoticon at the start of `b` (`:-)`, `;)`, `:D`, `<3`, `^^`), or 0.
/// An emoticon must not run into letters (`:Dann` is no emoticon).
fn emoticon_len(b: &[u8]) -> usize {
    let n = match b {
        [b'<', b'3', ..] | [b'^', b'^', ..] => 2,
        [b'^', b'_', b'^', ..] => 3,
        [b':' | b';' | b'=', rest @ ..] => {
            let nose = matches!(rest.first(), Some(b'-' | b'\'' | b'o' | b'^')) as usize;
            match rest.get(nose) {
                Some(&m)
                    if matches!(
                        m,
                        b')' | b'('
                            | b']'
                            | b'['
                            | b'D'
                            | b'P'
                            | b'p'
                            | b'O'
                            | b'/'
                            | b'|'
                            | b'*'
                            | b'3'
                    ) =>
                {
                    let mut k = 1 + nose + 1;
                    if matches!(m, b')' | b'(') {
                        while b.get(k) == Some(&m) {
                            k += 1;
                        }
                    }
                    k
                }
                _ => return 0,
            }
        }
        _ => return 0,
    };
    match b.get(n) {
        Some(c) if c.is_ascii_alphanumeric() => 0,
        _ => n,
    }
}

/// Length of a URL prefix (`http://`, `https://`, `ftp://`, `www.`) at the start of `b`.
fn url_scheme_len(b: &[u8]) -> usize {
    for p in [&b"https://"[..], b"http://", b"ftp://", b"www."] {
        if b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p) {
            return p.len();
        }
    }
    0
}

const MAX_SUFFIXES: usize = 8;

impl Segmenter {
    /// Appends the tokens of `text` to `out` and sets their `joined` flags.
    pub(crate) fn tokenize(&self, text: &str, out: &mut Vec<Token>) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let (c, n) = char_at(text, i);
            if (c.is_ascii() && (c <= ' ' || c == '\x7f')) || (!c.is_ascii() && is_ignorable(c)) {
                i += n;
                continue;
            }
            let s = i;
            i += n;
            while i < b.len() {
                let x = b[i];
                if x < 0x80 {
                    if x <= b' ' || x == 0x7f {
                        break;
                    }
                    i += 1;
                } else {
                    let (c, n) = char_at(text, i);
                    if is_ignorable(c) {
                        break;
                    }
                    i += n;
                }
            }
            self.chunk(text, s, i, out);
        }
        for k in 1..out.len() {
            out[k - 1].joined = out[k - 1].span.end == out[k].span.start;
        }
    }

    /// Tokens of one whitespace-free chunk `text[s..e]`.
    fn chunk(&self, text: &str, mut s: usize, mut e: usize, out: &mut Vec<Token>) {
        let b = text.as_bytes();
        // Fast path: plain ASCII letters, the common case.
        if b[s..e].iter().all(u8::is_ascii_alphabetic) {
            if !self.split_contraction(text, s, e, out) {
                push(out, s, e, TokenKind::Word);
            }
            return;
        }
        // Prefixes: opening punctuation, tags, emoticons, URLs.
        while s < e {
            let (c, n) = char_at(text, s);
            let rest = &b[s..e];
            let emo = emoticon_len(rest);
            if emo > 0 {
                push(out, s, s + emo, TokenKind::Emoji);
                s += emo;
                continue;
            }
            match c {
                '\'' | '`' if rest.get(1) == Some(&(c as u8)) => {
                    push(out, s, s + 2, TokenKind::Punct);
                    s += 2;
                }
                '\'' | '’'
                    if self.language == Language::En
                        && self.is_clitic(&text[s..self.end_of_letters(text, s + n, e)]) =>
                {
                    break;
                }
                _ if is_quote(c) || matches!(c, '(' | '[' | '{' | '¿' | '¡' | '<' | '*' | '…') =>
                {
                    push(out, s, s + n, TokenKind::Punct);
                    s += n;
                }
                '#' | '@'
                    if rest
                        .get(1)
                        .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'_' || x >= 0x80) =>
                {
                    let end = self.end_of_letters(text, s + 1, e);
                    if end == s + 1 {
                        break;
                    }
                    // `@handle` only when no e-mail domain follows.
                    push(out, s, end, TokenKind::Tag);
                    s = end;
                }
                '-' | '.' | '!' | '?'
                    if !(c == '-' && rest.get(1).is_some_and(u8::is_ascii_digit)) =>
                {
                    let mut k = 1;
                    while self.merges_run(c) && rest.get(k) == Some(&(c as u8)) {
                        k += 1;
                    }
                    push(out, s, s + k, TokenKind::Punct);
                    s += k;
                }
                _ => {
                    let scheme = url_scheme_len(rest);
                    if scheme > 0 {
                        let end = url_end(text, s, e);
                        push(out, s, end, TokenKind::Url);
                        s = end;
                        continue;
                    }
                    break;
                }
            }
        }
        // Suffixes, kept on a small stack and pushed after the core.
        let mut suffixes = [(0usize, 0usize, TokenKind::Punct); MAX_SUFFIXES];
        let mut ns = 0;
        while s < e && ns < MAX_SUFFIXES {
            let (c, n) = char_before(text, e);
            match c {
                '.' | '!' | '?' | '…' => {
                    let mut k = e - n;
                    while k > s && self.merges_run(c) {
                        let (d, m) = char_before(text, k);
                        if matches!(d, '.' | '!' | '?' | '…') && self.merges_run(d) {
                            k -= m;
                        } else {
                            break;
                        }
                    }
                    if c == '.' && k + 1 == e && k > s && self.keeps_period(text, s, e) {
                        break;
                    }
                    suffixes[ns] = (k, e, TokenKind::Punct);
                    ns += 1;
                    e = k;
                }
                '\'' | '`' if e - s >= 2 && b[e - 2] == c as u8 => {
                    suffixes[ns] = (e - 2, e, TokenKind::Punct);
                    ns += 1;
                    e -= 2;
                }
                ',' | ';' | ':' | ')' | ']' | '}' | '>' | '*' | '%' => {
                    suffixes[ns] = (e - n, e, symbol_kind(c));
                    ns += 1;
                    e -= n;
                }
                _ if is_quote(c)
                    && !(is_apostrophe(c) && self.clitic_start(text, s, e).is_some()) =>
                {
                    suffixes[ns] = (e - n, e, TokenKind::Punct);
                    ns += 1;
                    e -= n;
                }
                _ => {
                    if let Some(k) = self.clitic_start(text, s, e) {
                        suffixes[ns] = (k, e, TokenKind::Word);
                        ns += 1;
                        e = k;
                    }
                    break;
                }
            }
        }
        if s < e {
            self.core(text, s, e, out);
        }
        for &(ss, se, kind) in suffixes[..ns].iter().rev() {
            push(out, ss, se, kind);
        }
    }

    /// Whether a run of `c` is one token: `...`, `--`, and in English `!!` and `?!` (EWT);
    /// German GSD gives each `!` and `?` its own token.
    #[inline]
    fn merges_run(&self, c: char) -> bool {
        !(self.language == Language::De && matches!(c, '!' | '?'))
    }

    /// End of the run of word characters starting at `i` (not past `e`).
    fn end_of_letters(&self, text: &str, mut i: usize, e: usize) -> usize {
        while i < e {
            let (c, n) = char_at(text, i);
            if !is_word_char(c) {
                break;
            }
            i += n;
        }
        i
    }

    fn is_clitic(&self, w: &str) -> bool {
        let w = w.as_bytes();
        let rest = match w {
            [b'\'', rest @ ..] => rest,
            [0xE2, 0x80, 0x99, rest @ ..] => rest,
            _ => return false,
        };
        let mut buf = [0u8; 2];
        if rest.len() > 2 {
            return false;
        }
        for (d, s) in buf.iter_mut().zip(rest) {
            *d = s.to_ascii_lowercase();
        }
        matches!(
            &buf[..rest.len()],
            b"s" | b"m" | b"d" | b"ll" | b"re" | b"ve"
        )
    }

    /// Where an English clitic (`'s`, `'m`, `'d`, `'ll`, `'re`, `'ve`, `n't`) at the end of
    /// `text[s..e]` starts, when letters come before it.
    fn clitic_start(&self, text: &str, s: usize, e: usize) -> Option<usize> {
        if self.language != Language::En {
            return None;
        }
        let w = &text.as_bytes()[s..e];
        let lower_ends = |suffix: &[u8]| {
            w.len() > suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        let n_t = [&b"n't"[..], "n\u{2019}t".as_bytes()];
        let k = if let Some(l) = n_t.iter().find(|x| lower_ends(x)).map(|x| x.len()) {
            e - l
        } else {
            // Find the apostrophe: 1 or 2 ASCII letters before the end.
            let mut found = None;
            for len in [1usize, 2] {
                for apo in [&b"'"[..], "\u{2019}".as_bytes()] {
                    let total = apo.len() + len;
                    if w.len() > total
                        && w[w.len() - total..w.len() - len] == *apo
                        && self.is_clitic(&text[e - total..e])
                    {
                        found = Some(e - total);
                    }
                }
            }
            found?
        };
        let (before, _) = char_before(text, k);
        // (also after a dotted letter group that keeps its period: `U.N.'s`)
        (k > s && (before.is_alphabetic() || before == '.' && self.keeps_period(text, s, k)))
            .then_some(k)
    }

    /// Splits an English word like `cannot` or `gonna` into its listed parts.
    fn split_contraction(&self, text: &str, s: usize, e: usize, out: &mut Vec<Token>) -> bool {
        let mut buf = [0u8; 16];
        if self.contractions.is_empty() || e - s > buf.len() || !text.is_char_boundary(s) {
            return false;
        }
        let w = &text.as_bytes()[s..e];
        for (d, c) in buf.iter_mut().zip(w) {
            *d = c.to_ascii_lowercase();
        }
        let Ok(lower) = std::str::from_utf8(&buf[..w.len()]) else {
            return false;
        };
        let Some(parts) = self.contractions.get(lower) else {
            return false;
        };
        let mut p = s;
        for &len in parts.iter() {
            push(out, p, p + len as usize, TokenKind::Word);
            p += len as usize;
        }
        true
    }

    /// Whether `text[s..e]`, which ends in a period, keeps it: a listed abbreviation, an
    /// initial or dotted letter group (`J.`, `U.S.`, `z.B.`), or a German ordinal number.
    fn keeps_period(&self, text: &str, s: usize, e: usize) -> bool {
        let w = &text[s..e];
        if self.abbreviations.contains(w) {
            return true;
        }
        let body = &w[..w.len() - 1];
        let mut groups = 0;
        let dotted = body.split('.').all(|g| {
            groups += 1;
            let n = g.chars().count();
            (1..=3).contains(&n) && g.chars().all(char::is_alphabetic)
        });
        if dotted && (groups > 1 || body.chars().count() == 1) {
            return true;
        }
        if self.language == Language::De
            && body.len() <= 3
            && body.bytes().all(|b| b.is_ascii_digit())
        {
            return self.ordinal_context(text, e);
        }
        false
    }

    /// Whether the word after a German `21.` makes it an ordinal: a lower-case word, a
    /// number, a month, or a capitalised word that is not a typical sentence start
    /// (`21. Jahrhundert` but `… 2010. Die …`).
    fn ordinal_context(&self, text: &str, e: usize) -> bool {
        let next = next_word(text, e);
        let Some(c) = next.chars().next() else {
            return false;
        };
        if c.is_lowercase() || c.is_ascii_digit() {
            return true;
        }
        if self.months.contains(next) {
            return true;
        }
        c.is_uppercase() && !self.sentence_starters.contains(next)
    }

    /// The rest of a chunk after prefixes and suffixes: words split at infix punctuation.
    fn core(&self, text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
        if self.split_contraction(text, s, e, out) {
            return;
        }
        let b = text.as_bytes();
        let mut ts = s; // start of the current word
        let mut p = s;
        let mut prev = '\0'; // last char of the current word, '\0' at its start
        while p < e {
            let (c, n) = char_at(text, p);
            if is_word_char(c) || (prev != '\0' && is_extender(c)) {
                prev = c;
                p += n;
                continue;
            }
            let next = if p + n < e {
                char_at(text, p + n).0
            } else {
                '\0'
            };
            let pw = prev != '\0' && is_word_char(prev);
            let nw = is_word_char(next);
            // A final period reaching the core was kept by `keeps_period` (`Dr.`, `21.`).
            let keep = (pw && c == '.' && p + n == e)
                || pw
                    && nw
                    && match c {
                        '.' | '\'' | '’' | '&' | '@' => true,
                        ',' | ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
                        '-' | '\u{2010}' => self.keeps_hyphen(text, ts, p, next),
                        _ => false,
                    };
            if keep {
                prev = c;
                p += n;
                continue;
            }
            if ts < p {
                push(out, ts, p, word_kind(&b[ts..p]));
            }
            let mut q = p + n;
            let emo = if c.is_ascii() {
                emoticon_len(&b[p..e])
            } else {
                0
            };
            if emo > 0 {
                push(out, p, p + emo, TokenKind::Emoji);
                ts = p + emo;
                p = ts;
                prev = '\0';
                continue;
            }
            if c.is_ascii() && self.merges_run(c) {
                while q < e && b[q] == c as u8 {
                    q += 1;
                }
            }
            while q < e {
                let (d, m) = char_at(text, q);
                if !is_extender(d) && d != '\u{200D}' {
                    break;
                }
                q += m;
            }
            push(out, p, q, symbol_kind(c));
            ts = q;
            p = q;
            prev = '\0';
        }
        if ts < e {
            push(out, ts, e, word_kind(&b[ts..e]));
        }
    }

    /// Whether a hyphen at `p` inside the word starting at `ts` stays in the word: English
    /// only, after a listed prefix (`non-profit`) or between digits (`713-853-3989`).
    fn keeps_hyphen(&self, text: &str, ts: usize, p: usize, next: char) -> bool {
        if self.language != Language::En {
            return false;
        }
        let word = &text.as_bytes()[ts..p];
        if next.is_ascii_digit() && word.last().is_some_and(u8::is_ascii_digit) {
            return true;
        }
        let first = word.split(|&b| b == b'-').next().unwrap_or(word);
        let mut buf = [0u8; 8];
        if first.len() > buf.len() {
            return false;
        }
        for (d, c) in buf.iter_mut().zip(first) {
            *d = c.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..first.len()]).is_ok_and(|w| self.hyphen_prefixes.contains(w))
    }
}

/// End of a URL starting at `s` in the chunk ending at `e`: the chunk minus trailing
/// punctuation (a `)` stays when the URL opened one).
fn url_end(text: &str, s: usize, mut e: usize) -> usize {
    let opened = text[s..e].contains('(');
    while e > s {
        let (c, n) = char_before(text, e);
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ']' | '}' | '>')
            || is_quote(c)
            || (c == ')' && !opened)
        {
            e -= n;
        } else {
            break;
        }
    }
    e
}

/// The word starting after whitespace and opening punctuation from byte `i`: letters and
/// digits only (used to look ahead past a period).
pub(crate) fn next_word(text: &str, mut i: usize) -> &str {
    while i < text.len() {
        let (c, n) = char_at(text, i);
        if is_ignorable(c) || is_quote(c) || c == '(' {
            i += n;
        } else {
            break;
        }
    }
    let mut j = i;
    while j < text.len() {
        let (c, n) = char_at(text, j);
        if !is_word_char(c) {
            break;
        }
        j += n;
    }
    &text[i..j]
}
