//! Reading documents for sitrep: plain text, JSON Lines and HTML, from files, directories and standard
//! input.
//!
//! [`Reader`] turns a list of [`Input`]s into a stream of `Result<Ingested, DocError>`: one
//! item per document, in input order. A bad document is an `Err` item naming it
//! (`FILE`, `FILE:LINE`); the stream goes on with the next one.

mod decode;
pub mod html;
pub mod jsonl;

pub use decode::{decode_text, sniff_binary, Decoded};

use sitrep_core::{Date, Document, Language};
use sitrep_core::{DocError, Limits, Problem};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How an input is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    Text,
    Jsonl,
    Html,
}

impl InputFormat {
    /// The format a file name's extension implies (`.txt`, `.jsonl`/`.ndjson`, `.html`/`.htm`).
    pub fn from_extension(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(InputFormat::Text),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            _ => None,
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            "html" | "htm" => Ok(InputFormat::Html),
            _ => Err(format!(
                "unknown input format {s:?} (expected text, jsonl or html)"
            )),
        }
    }
}

/// One command-line input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Settings of a [`Reader`].
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Forces a format; otherwise it comes from the file extension (files named on the
    /// command line with another extension are read as text; standard input is sniffed).
    pub format: Option<InputFormat>,
    pub limits: Limits,
    /// Language for documents that declare none (`None`: identify it).
    pub default_language: Option<Language>,
    /// Publication date for documents that have none.
    pub default_published: Option<Date>,
}

/// A document read from the input, with warnings about how it was read (e.g. a legacy
/// encoding).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ingested {
    pub doc: Document,
    pub warnings: Vec<String>,
}

pub type Item = Result<Ingested, DocError>;

/// The source currently being read line by line.
struct LineSource {
    name: String,
    reader: Box<dyn BufRead>,
    line_no: usize,
    buf: Vec<u8>,
}

/// Streams documents from inputs, in order. See the module documentation.
pub struct Reader {
    opts: IngestOptions,
    pending: VecDeque<(Input, Option<InputFormat>)>,
    walking: Option<walkdir::IntoIter>,
    lines: Option<LineSource>,
}

impl Reader {
    pub fn new(inputs: Vec<Input>, opts: IngestOptions) -> Reader {
        Reader {
            opts,
            pending: inputs.into_iter().map(|i| (i, None)).collect(),
            walking: None,
            lines: None,
        }
    }

    fn finish(&self, mut doc: Document, warnings: Vec<String>) -> Item {
        if doc.language.is_none() {
            doc.language = self.opts.default_language;
        }
        if doc.published.is_none() {
            doc.published = self.opts.default_published;
        }
        Ok(Ingested { doc, warnings })
    }

    /// The next line of the current JSON Lines source, if any.
    fn next_line(&mut self) -> Option<Item> {
        let limits = self.opts.limits;
        loop {
            let src = self.lines.as_mut()?;
            src.line_no += 1;
            let at = format!("{}:{}", src.name, src.line_no);
            match jsonl::read_line_limited(&mut src.reader, &mut src.buf, limits.max_line_bytes) {
                Err(e) => {
                    self.lines = None;
                    return Some(Err(DocError::new(at, Problem::Io(e.to_string()))));
                }
                Ok(jsonl::Line::Eof) => {
                    self.lines = None;
                    return None;
                }
                Ok(jsonl::Line::TooLong) => {
                    let limit = limits.max_line_bytes as u64;
                    return Some(Err(DocError::new(at, Problem::LineTooLong { limit })));
                }
                Ok(jsonl::Line::Ok) => {
                    let line = match std::str::from_utf8(&src.buf) {
                        Ok(l) => l,
                        Err(e) => {
                            let p = Problem::Json(format!(
                                "invalid UTF-8 at column {}",
                                e.valid_up_to() + 1
                            ));
                            return Some(Err(DocError::new(at, p)));
                        }
                    };
                    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
                    if line.trim().is_empty() {
                        continue;
                    }
                    return Some(match jsonl::parse_record(line, &at, &limits) {
                        Ok(doc) => self.finish(doc, Vec::new()),
                        Err(p) => Err(DocError::new(at, p)),
                    });
                }
            }
        }
    }

    /// Reads one whole file or standard input, or starts a line source.
    fn open(&mut self, input: Input, format: Option<InputFormat>) -> Option<Item> {
        let limits = self.opts.limits;
        let (name, bytes) = match &input {
            Input::Path(p) => {
                let name = p.display().to_string();
                let format = self
                    .opts
                    .format
                    .or(format)
                    .or_else(|| InputFormat::from_extension(p));
                if format == Some(InputFormat::Jsonl) {
                    match File::open(p) {
                        Ok(f) => {
                            self.lines = Some(LineSource {
                                name,
                                reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                                line_no: 0,
                                buf: Vec::new(),
                            });
                            return self.next_line();
                        }
                        Err(e) => {
                            return Some(Err(DocError::new(name, Problem::Io(e.to_string()))))
                        }
                    }
                }
                match read_file_limited(p, limits.document_bytes()) {
                    Ok(b) => (name, b),
                    Err(problem) => return Some(Err(DocError::new(name, problem))),
                }
            }
            Input::Stdin => {
                let name = "-".to_string();
                let mut stdin = BufReader::with_capacity(1 << 16, io::stdin());
                let format = match self.opts.format {
                    Some(f) => f,
                    None => match stdin.fill_buf() {
                        Ok(head) => sniff_format(head),
                        Err(e) => {
                            return Some(Err(DocError::new(name, Problem::Io(e.to_string()))))
                        }
                    },
                };
                if format == InputFormat::Jsonl {
                    self.lines = Some(LineSource {
                        name,
                        reader: Box::new(stdin),
                        line_no: 0,
                        buf: Vec::new(),
                    });
                    return self.next_line();
                }
                match read_limited(stdin, limits.document_bytes()) {
                    Ok(b) => {
                        return Some(self.document_from_bytes(name, &b, format));
                    }
                    Err(problem) => return Some(Err(DocError::new(name, problem))),
                }
            }
        };
        let format = match &input {
            Input::Path(p) => self
                .opts
                .format
                .or(format)
                .or_else(|| InputFormat::from_extension(p))
                .unwrap_or(InputFormat::Text),
            Input::Stdin => InputFormat::Text,
        };
        Some(self.document_from_bytes(name, &bytes, format))
    }

    fn document_from_bytes(&self, name: String, bytes: &[u8], format: InputFormat) -> Item {
        let limits = &self.opts.limits;
        match format {
            InputFormat::Html => match html::extract(bytes, limits) {
                Ok(h) => {
                    if h.text.len() > limits.document_bytes() {
                        let p = Problem::TooLarge {
                            size: h.text.len() as u64,
                            limit: limits.document_bytes() as u64,
                        };
                        return Err(DocError::new(name, p));
                    }
                    self.finish(h.into_document(name), Vec::new())
                }
                Err(p) => Err(DocError::new(name, p)),
            },
            InputFormat::Text | InputFormat::Jsonl => match decode_text(bytes) {
                Ok(d) => {
                    let warnings = d.warning.into_iter().collect();
                    self.finish(Document::new(name, d.text), warnings)
                }
                Err(p) => Err(DocError::new(name, p)),
            },
        }
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if self.lines.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
            }
            if let Some(walk) = self.walking.as_mut() {
                match walk.next() {
                    None => self.walking = None,
                    Some(Err(e)) => {
                        let name = e
                            .path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_default();
                        return Some(Err(DocError::new(name, Problem::Io(e.to_string()))));
                    }
                    Some(Ok(entry)) => {
                        if !entry.file_type().is_file() {
                            continue;
                        }
                        // Inside directories only files with a known extension are read.
                        let Some(fmt) = InputFormat::from_extension(entry.path()) else {
                            continue;
                        };
                        if let Some(item) = self.open(Input::Path(entry.into_path()), Some(fmt)) {
                            return Some(item);
                        }
                    }
                }
                continue;
            }
            let (input, format) = self.pending.pop_front()?;
            if let Input::Path(p) = &input {
                if p.is_dir() {
                    self.walking = Some(
                        walkdir::WalkDir::new(p)
                            .follow_links(true)
                            .sort_by_file_name()
                            .into_iter(),
                    );
                    continue;
                }
            }
            if let Some(item) = self.open(input, format) {
                return Some(item);
            }
        }
    }
}

/// Guesses the format of standard input from its first bytes: `{` starts JSON Lines, `<`
/// HTML, anything else is text.
pub fn sniff_format(head: &[u8]) -> InputFormat {
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => InputFormat::Jsonl,
        Some(b'<') => InputFormat::Html,
        _ => InputFormat::Text,
    }
}

fn read_file_limited(path: &Path, limit: usize) -> Result<Vec<u8>, Problem> {
    let f = File::open(path).map_err(|e| Problem::Io(e.to_string()))?;
    if let Ok(meta) = f.metadata() {
        if meta.len() > limit as u64 {
            return Err(Problem::TooLarge {
                size: meta.len(),
                limit: limit as u64,
            });
        }
    }
    read_limited(f, limit)
}

/// Reads at most `limit` bytes; more is an error (without reading the rest into memory).
fn read_limited(r: impl Read, limit: usize) -> Result<Vec<u8>, Problem> {
    let mut buf = Vec::new();
    r.take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Problem::Io(e.to_string()))?;
    if buf.len() > limit {
        return Err(Problem::TooLarge {
            size: buf.len() as u64,
            limit: limit as u64,
        });
    }
    Ok(buf)
}
