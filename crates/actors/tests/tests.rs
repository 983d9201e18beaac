//! Integration tests: the built-in data files and the shared PETRARCH dictionaries.

mod builtin;
mod document;
mod historical;
mod petrarch;
mod seed;
