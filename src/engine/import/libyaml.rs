//! The events of a YAML text, from libyaml (its Rust translation, `unsafe-libyaml`, which the
//! YAML crate already builds on, so the page carries one parser). Events keep what a parsed
//! value forgets and Headscale's YAML parser does not: how each scalar was quoted, its tag, the
//! anchors and aliases, and where each node starts. The unsafe code is confined to this file.

use std::ffi::CStr;
use std::marker::PhantomData;
use std::mem::MaybeUninit;

use unsafe_libyaml as unsafe_yaml;

use crate::engine::import::positions::Position;

/// How a scalar was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    /// Single or double quotes, or a literal or folded block: always text to Headscale.
    Quoted,
}

/// One event of the parser.
#[derive(Debug)]
pub(crate) enum Event {
    StreamStart,
    DocumentStart,
    DocumentEnd,
    StreamEnd,
    Alias(String),
    Scalar { anchor: Option<String>, tag: Option<String>, text: String, style: Style },
    SequenceStart { anchor: Option<String> },
    SequenceEnd,
    MappingStart { anchor: Option<String> },
    MappingEnd,
}

/// Why the text is not YAML, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub message: String,
    pub position: Position,
}

/// A parser over one text. libyaml keeps pointers into its own structure, so it lives in a box
/// that never moves, and into the text, which it borrows.
pub(crate) struct Parser<'text> {
    sys: Box<MaybeUninit<unsafe_yaml::yaml_parser_t>>,
    done: bool,
    text: PhantomData<&'text str>,
}

impl<'text> Parser<'text> {
    pub fn new(text: &'text str) -> Parser<'text> {
        let mut sys = Box::new(MaybeUninit::<unsafe_yaml::yaml_parser_t>::uninit());
        // SAFETY: the structure is initialised by libyaml before any other use; the input
        // outlives the parser ('text), and the box keeps the structure in place.
        unsafe {
            let parser = sys.as_mut_ptr();
            // Initialising only allocates; it fails only where the allocator aborts first.
            let _ = unsafe_yaml::yaml_parser_initialize(parser);
            unsafe_yaml::yaml_parser_set_encoding(parser, unsafe_yaml::YAML_UTF8_ENCODING);
            unsafe_yaml::yaml_parser_set_input_string(parser, text.as_ptr(), text.len() as u64);
        }
        Parser { sys, done: false, text: PhantomData }
    }

    /// The next event and where it starts. After the end of the stream or an error, every call
    /// answers the same.
    pub fn next(&mut self) -> Result<(Event, Position), SyntaxError> {
        if self.done {
            return Ok((Event::StreamEnd, Position { line: 0, column: 0 }));
        }
        let mut event = MaybeUninit::<unsafe_yaml::yaml_event_t>::uninit();
        // SAFETY: the parser was initialised in `new`; an event libyaml filled in is read, then
        // freed once; its strings are copied before that.
        unsafe {
            let parser = self.sys.as_mut_ptr();
            if (&*parser).error != unsafe_yaml::YAML_NO_ERROR
                || unsafe_yaml::yaml_parser_parse(parser, event.as_mut_ptr()).fail
            {
                return Err(syntax_error(parser));
            }
            let event = event.as_mut_ptr();
            let mark = (*event).start_mark;
            let converted = convert(&*event);
            unsafe_yaml::yaml_event_delete(event);
            if matches!(converted, Event::StreamEnd) {
                self.done = true;
            }
            Ok((converted, Position { line: mark.line as usize + 1, column: mark.column as usize + 1 }))
        }
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: initialised in `new`, deleted once.
        unsafe { unsafe_yaml::yaml_parser_delete(self.sys.as_mut_ptr()) }
    }
}

/// The parser's own description of what went wrong, with its place.
unsafe fn syntax_error(parser: *const unsafe_yaml::yaml_parser_t) -> SyntaxError {
    // SAFETY (for the caller): `parser` is initialised; its messages are static C strings.
    unsafe {
        let parser = &*parser;
        let problem = text(parser.problem.cast()).unwrap_or_else(|| "the YAML parser failed".to_string());
        let mark = parser.problem_mark;
        let mut message = format!("{problem} at line {} column {}", mark.line + 1, mark.column + 1);
        if let Some(context) = text(parser.context.cast()) {
            message.push_str(", ");
            message.push_str(&context);
        }
        SyntaxError { message, position: Position { line: mark.line as usize + 1, column: mark.column as usize + 1 } }
    }
}

/// A NUL-terminated string of libyaml's, if there is one.
unsafe fn text(pointer: *const u8) -> Option<String> {
    // SAFETY (for the caller): a pointer from libyaml is null or NUL-terminated.
    (!pointer.is_null()).then(|| unsafe { CStr::from_ptr(pointer.cast()) }.to_string_lossy().into_owned())
}

unsafe fn convert(event: &unsafe_yaml::yaml_event_t) -> Event {
    // SAFETY (for the caller): `event` is a filled-in event; the union member read is the one
    // its type names.
    unsafe {
        match event.type_ {
            unsafe_yaml::YAML_DOCUMENT_START_EVENT => Event::DocumentStart,
            unsafe_yaml::YAML_DOCUMENT_END_EVENT => Event::DocumentEnd,
            unsafe_yaml::YAML_ALIAS_EVENT => Event::Alias(text(event.data.alias.anchor).unwrap_or_default()),
            unsafe_yaml::YAML_SCALAR_EVENT => {
                let scalar = event.data.scalar;
                let bytes = std::slice::from_raw_parts(scalar.value, scalar.length as usize);
                Event::Scalar {
                    anchor: text(scalar.anchor),
                    tag: text(scalar.tag),
                    text: String::from_utf8_lossy(bytes).into_owned(),
                    style: if scalar.style == unsafe_yaml::YAML_PLAIN_SCALAR_STYLE {
                        Style::Plain
                    } else {
                        Style::Quoted
                    },
                }
            }
            unsafe_yaml::YAML_SEQUENCE_START_EVENT => {
                Event::SequenceStart { anchor: text(event.data.sequence_start.anchor) }
            }
            unsafe_yaml::YAML_SEQUENCE_END_EVENT => Event::SequenceEnd,
            unsafe_yaml::YAML_MAPPING_START_EVENT => {
                Event::MappingStart { anchor: text(event.data.mapping_start.anchor) }
            }
            unsafe_yaml::YAML_MAPPING_END_EVENT => Event::MappingEnd,
            unsafe_yaml::YAML_STREAM_START_EVENT => Event::StreamStart,
            // The stream's end, or no event at all, ends it.
            _ => Event::StreamEnd,
        }
    }
}
